// Several runtime processes on one PostgreSQL (DESIGN "Scale"): two workers share 1,000 due runs,
// each fired exactly once; a killed worker's bot accounts move to the other after the lease; a
// process killed between commit and dispatch loses nothing and sends nothing twice.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleInbound } from '../runtime/router/inbound.ts';
import { SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import { botAccounts, contacts, messages, outbox, runs } from '../shared/db/schema.ts';
import { exited, freshPostgres, startWorker, stopWorker, until, type Worker } from './support/processes.ts';
import { publishGraph, seedWorkspace } from './support/runtime.ts';

const postgres = Boolean(process.env.DATABASE_URL);
const count = async (
  db: Awaited<ReturnType<typeof freshPostgres>>['handle']['db'],
  query: ReturnType<typeof sql>,
) => Number(((await db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n);

describe.skipIf(!postgres)('worker processes [postgres]', () => {
  let pg: Awaited<ReturnType<typeof freshPostgres>>;
  const workers: Worker[] = [];
  beforeAll(async () => {
    pg = await freshPostgres();
  });
  afterAll(async () => {
    for (const w of workers) await stopWorker(w);
    await pg?.drop();
  });

  it('two workers fire 1,000 due runs exactly once, and a killed worker’s accounts move to the other', async () => {
    const { db } = pg.handle;
    const { workspaceId, account } = await seedWorkspace(db, 'two workers');
    const [second] = await db
      .insert(botAccounts)
      .values({ workspaceId, name: 'Sandbox 2', puppet: 'sandbox', limits: SANDBOX_LIMITS })
      .returning();
    const accounts = [account, { ...account, id: second!.id }];
    const graph = {
      nodes: [
        { id: 'in', type: 'trigger.friend_request', data: {} },
        { id: 'later', type: 'wait', data: { duration: 'PT1H' } },
        { id: 'woke', type: 'goal', data: { name: 'woke' } },
      ],
      edges: [
        { id: 'a', source: 'in', sourceHandle: 'next', target: 'later' },
        { id: 'b', source: 'later', sourceHandle: 'next', target: 'woke' },
      ],
    };
    await publishGraph(db, workspaceId, 'wake me', graph);
    const now = new Date();
    const ids = Array.from({ length: 1000 }, (_, i) => i);
    for (let i = 0; i < ids.length; i += 50) {
      await Promise.all(
        ids.slice(i, i + 50).map((n) => {
          const contact = { puppetId: `p${n}`, name: `c${n}` };
          return handleInbound(db, accounts[n % 2]!, { kind: 'friend_confirm', contact, at: now }, now);
        }),
      );
    }
    expect(await count(db, sql`select count(*)::int as n from runs where status = 'waiting'`)).toBe(1000);
    await db.update(runs).set({ wakeAt: sql`now()` }).where(eq(runs.status, 'waiting'));

    workers.push(await startWorker(pg.url), await startWorker(pg.url));
    await until('every run woke', async () => {
      return (await count(db, sql`select count(*)::int as n from runs where status = 'completed'`)) === 1000;
    });
    expect(await count(db, sql`select count(*)::int as n from goals`)).toBe(1000);
    expect(
      await count(
        db,
        sql`select sum(count)::int as n from node_stats where node_id = 'later' and port = 'next'`,
      ),
    ).toBe(1000);
    expect(
      await count(db, sql`select sum(count)::int as n from node_stats where node_id = 'woke' and port = ''`),
    ).toBe(1000);

    // Kill whoever drives the first account; the other worker takes it over after the lease runs out.
    const lease = async () => (await db.select().from(botAccounts).where(eq(botAccounts.id, account.id)))[0]!;
    await until('the first account is leased', async () => (await lease()).leaseOwner !== null, 10_000);
    const before = await lease();
    const victim = workers.find((w) => w.owner === before.leaseOwner)!;
    const survivor = workers.find((w) => w !== victim)!;
    victim.child.kill('SIGKILL');
    expect((await exited(victim.child)).signal).toBe('SIGKILL');
    await until(
      'the survivor takes the account',
      async () => (await lease()).leaseOwner === survivor.owner,
      20_000,
    );
    const after = await lease();
    expect(after.fencingToken).toBeGreaterThan(before.fencingToken);
    await until('the account is back online', async () => (await lease()).status === 'online', 10_000);
  });

  it('sends a message committed before a SIGKILL exactly once, and marks a row left sending unknown', async () => {
    const { db } = pg.handle;
    const { workspaceId, account } = await seedWorkspace(db, 'crash');
    const graph = {
      nodes: [
        { id: 'in', type: 'trigger.friend_request', data: {} },
        { id: 'hello', type: 'send', data: { text: '你好 {{contact.name}}' } },
      ],
      edges: [{ id: 'a', source: 'in', sourceHandle: 'next', target: 'hello' }],
    };
    await publishGraph(db, workspaceId, 'crash flow', graph);
    // Only the crashing process may hold this account until it dies: stop the other accounts' workers.
    for (const w of workers.splice(0)) await stopWorker(w);
    await db.update(botAccounts).set({ desired: 'stopped' }).where(sql`${botAccounts.id} <> ${account.id}`);

    const crash = await startWorker(pg.url, 'test/support/crash-after-commit.ts', [
      account.id,
      workspaceId,
    ]).catch((err: Error) => err);
    expect(String(crash)).toContain('SIGKILL');
    const rowOf = async (name: string) => {
      const [row] = await db
        .select({ status: outbox.status, contactId: outbox.contactId })
        .from(outbox)
        .innerJoin(contacts, eq(contacts.id, outbox.contactId))
        .where(and(eq(outbox.botAccountId, account.id), eq(contacts.name, name)));
      return row!;
    };
    expect((await rowOf('queued-contact')).status).toBe('queued');
    expect((await rowOf('sending-contact')).status).toBe('sending');

    workers.push(await startWorker(pg.url));
    await until(
      'the queued message is sent',
      async () => (await rowOf('queued-contact')).status === 'sent',
      20_000,
    );
    await until(
      'the interrupted send is unknown',
      async () => (await rowOf('sending-contact')).status === 'unknown',
    );
    // Three more ticks of the worker (each renews its lease): nothing may be sent again.
    const renewals = new Set<number>();
    await until('three more worker ticks', async () => {
      const [row] = await db.select().from(botAccounts).where(eq(botAccounts.id, account.id));
      renewals.add(row!.leaseUntil!.getTime());
      return renewals.size > 3;
    });
    const sent = async (name: string) =>
      db
        .select({ text: messages.text })
        .from(messages)
        .where(and(eq(messages.contactId, (await rowOf(name)).contactId!), eq(messages.direction, 'out')));
    expect(await sent('queued-contact')).toEqual([{ text: '你好 queued-contact' }]);
    expect(await sent('sending-contact')).toEqual([]);
  });
});
