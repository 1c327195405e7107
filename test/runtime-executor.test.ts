// The router and executor on the database, without WeChat: inbound events in, outbox rows, contact
// changes, goals and node counters out — one transaction per turn, on every driver.
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { handleInbound } from '../runtime/router/inbound.ts';
import { claimDueRuns, fireRun } from '../runtime/sweeper/sweeper.ts';
import { contacts, goals, nodeStats, outbox, runs } from '../shared/db/schema.ts';
import { describeDb } from './support/db.ts';
import { fixtureGraph, publishGraph, seedCoupons, seedWorkspace } from './support/runtime.ts';

describeDb('runtime executor', (handle) => {
  let account: Awaited<ReturnType<typeof seedWorkspace>>['account'];
  let flowVersionId: string;
  const t0 = new Date('2026-11-25T02:00:00Z');
  let seq = 0;

  beforeAll(async () => {
    ({ account } = await seedWorkspace(handle().db));
    ({ flowVersionId } = await publishGraph(
      handle().db,
      account.workspaceId,
      'Onboarding',
      fixtureGraph('onboarding'),
    ));
    await seedCoupons(handle().db, account.workspaceId, 'welcome', ['W-1']);
  });

  const who = (puppetId: string) => ({ puppetId, name: puppetId === 'alice' ? '小美' : puppetId });
  const say = async (puppetId: string, text: string, messageId = `m${++seq}`, at = t0) => {
    const result = await handleInbound(
      handle().db,
      account,
      { kind: 'message', messageId, contact: who(puppetId), text, self: false, at },
      at,
    );
    return { ...result, contactId: result.contactId! };
  };
  const befriend = async (puppetId: string, hello = '你好') => {
    await handleInbound(
      handle().db,
      account,
      { kind: 'friend_request', requestId: `r-${puppetId}`, contact: who(puppetId), hello, at: t0 },
      t0,
    );
    return handleInbound(
      handle().db,
      account,
      { kind: 'friend_confirm', contact: who(puppetId), at: t0 },
      t0,
    );
  };
  const sent = async (contactId: string) =>
    (
      await handle()
        .db.select()
        .from(outbox)
        .where(and(eq(outbox.contactId, contactId), eq(outbox.kind, 'message')))
        .orderBy(asc(outbox.id))
    ).map((row) => ('text' in row.payload ? row.payload.text : ''));

  it('accepts the friend request through the outbox and starts the run on confirmation', async () => {
    const request = await handleInbound(
      handle().db,
      account,
      { kind: 'friend_request', requestId: 'r-alice', contact: who('alice'), hello: '我是小美', at: t0 },
      t0,
    );
    expect(request.queued).toBe(1);
    const confirm = await handleInbound(
      handle().db,
      account,
      { kind: 'friend_confirm', contact: who('alice'), at: t0 },
      t0,
    );
    expect(confirm.turns).toHaveLength(1);
    expect(confirm.turns[0]?.status).toBe('waiting');
    expect(await sent(confirm.contactId!)).toEqual(['你好 小美，欢迎！先认识一下～', '你在哪个城市？']);
  });

  it('runs the onboarding conversation to the goal, with a retry after an invalid answer', async () => {
    const { contactId } = await say('alice', '上海');
    await say('alice', '二十五');
    await say('alice', '２５');
    await say('alice', '+86 138-0013-8000');
    const texts = await sent(contactId);
    expect(texts.slice(2)).toEqual([
      '上海的朋友你好！你今年多大？',
      '没看懂，请再回复一次～',
      '上海的朋友你好！你今年多大？',
      '留个手机号，方便发券给你',
      '小美，送你一张新人券：W-1',
    ]);
    const [contact] = await handle().db.select().from(contacts).where(eq(contacts.id, contactId));
    expect(contact?.attributes).toEqual({ city: '上海', age: 25, phone: '13800138000' });
    expect(contact?.tags.sort()).toEqual(['成年', '留资'].sort());
    const [run] = await handle().db.select().from(runs).where(eq(runs.contactId, contactId));
    expect(run?.status).toBe('completed');
    expect(
      await handle().db.select({ name: goals.name }).from(goals).where(eq(goals.contactId, contactId)),
    ).toEqual([{ name: '留资' }]);
  });

  it('ignores a replayed message id and delivers concurrent copies of one message exactly once', async () => {
    const bob = await befriend('bob');
    const first = await say('bob', '北京', 'dup-1');
    expect(first.turns).toHaveLength(1);
    const again = await say('bob', '北京', 'dup-1');
    expect(again).toMatchObject({ duplicate: true, turns: [] });
    const copies = await Promise.all([1, 2, 3].map(() => say('bob', '30', 'dup-2')));
    expect(copies.filter((c) => !c.duplicate)).toHaveLength(1);
    expect((await sent(bob.contactId!)).filter((t) => t.includes('手机号'))).toHaveLength(1);
  });

  it('takes the exhausted path when the pool is empty, and counts every node and port', async () => {
    await say('bob', '13900139000');
    const [bob] = await handle()
      .db.select()
      .from(runs)
      .where(eq(runs.flowVersionId, flowVersionId))
      .orderBy(asc(runs.startedAt))
      .offset(1);
    expect(bob?.status).toBe('completed');
    const stats = await handle()
      .db.select()
      .from(nodeStats)
      .where(eq(nodeStats.flowVersionId, flowVersionId));
    const count = (nodeId: string, port = '') =>
      stats.filter((s) => s.nodeId === nodeId && s.port === port).reduce((n, s) => n + s.count, 0);
    expect(count('start')).toBe(2);
    expect(count('age')).toBe(2); // a re-ask is the same visit
    expect(count('gift', 'issued')).toBe(1);
    expect(count('gift', 'exhausted')).toBe(1);
    expect(count('lead')).toBe(2);
  });

  it('fires an ask timeout from the sweeper, once', async () => {
    const carol = await befriend('carol');
    const later = new Date(t0.getTime() + 2 * 3600_000);
    const due = await claimDueRuns(handle().db, later, 100);
    expect(due.map((d) => d.contactId)).toContain(carol.contactId!);
    const mine = due.find((d) => d.contactId === carol.contactId)!;
    expect((await fireRun(handle().db, mine, later))?.status).toBe('exited');
    expect(await fireRun(handle().db, mine, later)).toBeNull();
    expect(await claimDueRuns(handle().db, new Date(later.getTime() + 3600_000), 100)).toEqual([]);
  });

  it('archives a 100 KB message, emoji and control characters without a crash', async () => {
    const big = `${'长'.repeat(100_000)}😀\u0000\u0007end`;
    const res = await say('dave', big);
    expect(res.duplicate).toBe(false);
  });
});
