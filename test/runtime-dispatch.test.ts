// The dispatcher and bot account leases on the database: exactly-once sends, a row interrupted
// while `sending` becomes `unknown`, a worker that lost its lease cannot send, "not a friend".
import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { refreshLeases } from '../runtime/bots/leases.ts';
import { type BotConnection, NotAFriendError } from '../runtime/bots/port.ts';
import { dispatchAccount } from '../runtime/dispatcher/dispatcher.ts';
import { OUTBOX_KIND_TABLE, type PerformContext } from '../runtime/dispatcher/kinds.ts';
import { SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import { botAccounts, contacts, messages, outbox } from '../shared/db/schema.ts';
import { describeDb } from './support/db.ts';
import { seedWorkspace } from './support/runtime.ts';

describeDb('dispatcher and leases', (handle) => {
  let account: Awaited<ReturnType<typeof seedWorkspace>>['account'];
  let contactId: string;
  const said: string[] = [];
  const phone: BotConnection = {
    start: async () => {},
    stop: async () => {},
    onInbound: () => {},
    onStatus: () => {},
    acceptFriendRequest: async () => {},
    sendMedia: async () => {},
    addFriend: async () => ({ outcome: 'not_found' }),
    roomSay: async () => {},
    roomAdd: async () => 'added',
    roomRemove: async () => {},
    say: async (puppetId, text) => {
      if (puppetId === 'gone') throw new NotAFriendError(puppetId);
      said.push(text);
    },
  };
  const queue = (key: string, text: string, status: 'queued' | 'sending' = 'queued', contact = contactId) =>
    handle()
      .db.insert(outbox)
      .values({
        workspaceId: account.workspaceId,
        botAccountId: account.id,
        contactId: contact,
        kind: 'message',
        payload: { text, nodeId: 'greet', author: 'bot' },
        idempotencyKey: key,
        status,
        notBefore: new Date(0),
      });
  const target = (owner: string, fencingToken: number) => ({
    accountId: account.id,
    owner,
    fencingToken,
    connection: phone,
  });
  const statusOf = async (key: string) =>
    (await handle().db.select({ s: outbox.status }).from(outbox).where(eq(outbox.idempotencyKey, key)))[0]?.s;

  beforeAll(async () => {
    ({ account } = await seedWorkspace(handle().db));
    const [c] = await handle()
      .db.insert(contacts)
      .values({
        workspaceId: account.workspaceId,
        botAccountId: account.id,
        puppetId: 'alice',
        name: 'Alice',
        friendStatus: 'friend',
      })
      .returning();
    contactId = c!.id;
  });

  it('takes the lease, turns an interrupted send into unknown, and sends every queued row exactly once', async () => {
    await queue('k1', 'one');
    await queue('k2', 'two');
    await queue('k0', 'was sending when the last worker died', 'sending');
    const { taken } = await refreshLeases(handle().db, 'worker-a', 15_000);
    expect(taken).toHaveLength(1);
    expect(await statusOf('k0')).toBe('unknown');
    const first = await dispatchAccount(
      handle().db,
      target('worker-a', taken[0]!.fencingToken),
      () => new Date(),
    );
    expect(first.done).toBe(2);
    expect(said).toEqual(['one', 'two']);
    expect(
      (await dispatchAccount(handle().db, target('worker-a', taken[0]!.fencingToken), () => new Date())).done,
    ).toBe(0);
    expect(said).toHaveLength(2);
    const archived = await handle().db.select().from(messages).where(eq(messages.contactId, contactId));
    expect(archived.map((m) => [m.direction, m.text, m.nodeId])).toEqual([
      ['out', 'one', 'greet'],
      ['out', 'two', 'greet'],
    ]);
  });

  it('lets another worker take an expired lease, after which the old holder cannot send', async () => {
    expect((await refreshLeases(handle().db, 'worker-b', 15_000)).taken).toHaveLength(0);
    await handle().db.execute(sql`update bot_accounts set lease_until = now() - interval '1 second'`);
    const { taken } = await refreshLeases(handle().db, 'worker-b', 15_000);
    expect(taken.map((l) => l.fencingToken)).toEqual([2]);
    await queue('k3', 'three');
    expect((await dispatchAccount(handle().db, target('worker-a', 1), () => new Date())).done).toBe(0);
    expect(await statusOf('k3')).toBe('queued');
    expect((await dispatchAccount(handle().db, target('worker-b', 2), () => new Date())).done).toBe(1);
    expect(said).toEqual(['one', 'two', 'three']);
  });

  it('marks a contact who deleted us and fails the row without retrying', async () => {
    const [gone] = await handle()
      .db.insert(contacts)
      .values({
        workspaceId: account.workspaceId,
        botAccountId: account.id,
        puppetId: 'gone',
        name: 'Gone',
        friendStatus: 'friend',
      })
      .returning();
    await queue('k4', 'hello?', 'queued', gone!.id);
    await dispatchAccount(handle().db, target('worker-b', 2), () => new Date());
    expect(await statusOf('k4')).toBe('failed');
    const [row] = await handle().db.select().from(contacts).where(eq(contacts.id, gone!.id));
    expect(row?.friendStatus).toBe('deleted_us');
  });

  it('paces by the limits on the account row now, not the ones it had when the worker connected', async () => {
    await handle()
      .db.update(botAccounts)
      .set({ limits: { ...SANDBOX_LIMITS, messagesPerDay: 1 }, pacing: null })
      .where(eq(botAccounts.id, account.id));
    await queue('k5', 'five');
    await queue('k6', 'six');
    const pass = await dispatchAccount(handle().db, target('worker-b', 2), () => new Date());
    expect(pass.done).toBe(1);
    expect(pass.nextAt).not.toBeNull();
    expect(await statusOf('k6')).toBe('queued');
  });

  it('dispatches a kind registered in a table of its own, paced by its budget, without holding back the others', async () => {
    const waved: string[] = [];
    const kinds = {
      ...OUTBOX_KIND_TABLE,
      wave: {
        budget: () => ({ windows: [{ ms: 3_600_000, max: 1 }], perDay: null }),
        key: (p: Record<string, string | number>) => `wave:${p.id}`,
        perform: async (ctx: PerformContext, row: { payload: unknown }) => {
          waved.push(`${ctx.contactPuppetId} ${(row.payload as { text: string }).text}`);
        },
      },
    };
    await handle()
      .db.update(botAccounts)
      .set({ limits: SANDBOX_LIMITS, pacing: null })
      .where(eq(botAccounts.id, account.id));
    for (const n of [1, 2])
      await handle()
        .db.insert(outbox)
        .values({
          workspaceId: account.workspaceId,
          botAccountId: account.id,
          contactId,
          kind: 'wave' as 'message',
          payload: { text: `wave ${n}`, author: 'bot' },
          idempotencyKey: kinds.wave.key({ id: n }),
          notBefore: new Date(0),
        });
    await queue('k7', 'after the waves');
    const t0 = new Date();
    const pass = await dispatchAccount(handle().db, target('worker-b', 2), () => t0, Math.random, kinds);
    expect(waved).toEqual(['alice wave 1']);
    expect(said.at(-1)).toBe('after the waves');
    expect(pass.nextAt!.getTime()).toBe(t0.getTime() + 3_600_000);
    expect(await statusOf('wave:2')).toBe('queued');
    // Paced by reading: the waiting row keeps its place (a campaign's queue is never rewritten).
    const [waiting] = await handle()
      .db.select({ notBefore: outbox.notBefore })
      .from(outbox)
      .where(eq(outbox.idempotencyKey, 'wave:2'));
    expect(waiting!.notBefore.getTime()).toBe(0);
    // Another pass within the hour sends nothing of it and answers the same slot.
    const again = await dispatchAccount(handle().db, target('worker-b', 2), () => t0, Math.random, kinds);
    expect(again).toEqual({ done: 0, nextAt: pass.nextAt });
  });
});
