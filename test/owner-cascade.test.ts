// node_visits and outbox rows have no foreign keys to their owners (migrations/0017: the checks were a
// quarter of PostgreSQL's work in a campaign start); deleting a run, contact, account or workspace still
// takes them along, by trigger — and nobody else's. Visits have no id either: `step` orders a turn's.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../runtime/db/client.ts';
import { contactsTalk } from './support/contacts-talk.ts';
import { describeDb } from './support/db.ts';
import { publishGraph, seedWorkspace } from './support/runtime.ts';

const signUp = {
  nodes: [
    { id: 'kw', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['报名'] } },
    { id: 'hi', type: 'send', position: { x: 0, y: 100 }, data: { text: '欢迎报名！' } },
    { id: 'q', type: 'ask', position: { x: 0, y: 200 }, data: { question: '怎么称呼？', saveAs: 'name' } },
  ],
  edges: [
    { id: 'e1', source: 'kw', sourceHandle: 'next', target: 'hi' },
    { id: 'e2', source: 'hi', sourceHandle: 'next', target: 'q' },
  ],
};

type Account = Awaited<ReturnType<typeof seedWorkspace>>['account'];

describeDb('owners take their visits and outbox rows along', (handle) => {
  const db = () => handle().db;
  const count = async (query: ReturnType<typeof sql>) =>
    rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from (${query}) q`))[0]!.n;
  const visitsOf = (puppetId: string) =>
    count(sql`select 1 from node_visits v join runs r on r.id = v.run_id
              join contacts c on c.id = r.contact_id where c.puppet_id = ${puppetId}`);
  const outboxOf = (account: Account) =>
    count(sql`select 1 from outbox where bot_account_id = ${account.id}`);
  const allVisits = () => count(sql`select 1 from node_visits`);
  const contactOf = async (account: Account, puppetId: string) =>
    rowsOf<{ id: string }>(
      await db().execute(
        sql`select id from contacts where bot_account_id = ${account.id} and puppet_id = ${puppetId}`,
      ),
    )[0]!.id;
  /** A friend add: an outbox row with no contact yet. */
  const queueFriendAdd = (account: Account) =>
    db().execute(sql`insert into outbox (workspace_id, bot_account_id, kind, payload, idempotency_key, not_before)
      values (${account.workspaceId}, ${account.id}, 'friend_add', '{"leadId":"x","phone":null,"weixin":"w","hello":"hi"}',
              ${`add-${account.id}`}, now())`);

  let one: Account;
  let two: Account;
  const at = new Date('2026-12-01T02:00:00Z');
  beforeAll(async () => {
    ({ account: one } = await seedWorkspace(db(), 'Cascade one'));
    ({ account: two } = await seedWorkspace(db(), 'Cascade two'));
    for (const account of [one, two]) {
      await publishGraph(db(), account.workspaceId, `Sign-up ${account.id}`, signUp);
      const { say } = contactsTalk(db, () => account);
      for (const who of ['ann', 'bob', 'cat']) await say(who, '报名', at);
      await queueFriendAdd(account);
    }
  });

  it('numbers a turn’s visits in the order entered (they share one time)', async () => {
    const steps = rowsOf<{ node_id: string; step: number }>(
      await db().execute(sql`select v.node_id, v.step from node_visits v join runs r on r.id = v.run_id
        join contacts c on c.id = r.contact_id where c.bot_account_id = ${two.id} and c.puppet_id = 'ann'
        order by v.entered_at, v.step`),
    );
    expect(steps).toEqual([
      { node_id: 'kw', step: 0 },
      { node_id: 'hi', step: 1 },
      { node_id: 'q', step: 2 },
    ]);
  });

  it('a deleted run takes its visits; a deleted contact its outbox rows', async () => {
    expect(await visitsOf('ann')).toBe(2 * 3);
    const before = await allVisits();
    const ann = await contactOf(one, 'ann');
    await db().execute(sql`delete from runs where contact_id = ${ann}`);
    expect(await allVisits()).toBe(before - 3);
    const queued = await outboxOf(one);
    await db().execute(sql`delete from contacts where id = ${ann}`);
    expect(await outboxOf(one)).toBe(queued - 2);
    // A contact deleted with its runs (their foreign key cascades): the visits go too.
    const bob = await contactOf(one, 'bob');
    await db().execute(sql`delete from contacts where id = ${bob}`);
    expect(await allVisits()).toBe(before - 6);
  });

  it('a deleted account and a deleted workspace take all of theirs, contactless rows too', async () => {
    expect(await outboxOf(two)).toBe(3 * 2 + 1);
    await db().execute(sql`delete from bot_accounts where id = ${one.id}`);
    expect(await outboxOf(one)).toBe(0);
    expect(await outboxOf(two)).toBe(7);
    expect(await visitsOf('cat')).toBe(3);
    await db().execute(sql`delete from workspaces where id = ${two.workspaceId}`);
    expect(await outboxOf(two)).toBe(0);
    expect(await count(sql`select 1 from outbox where workspace_id = ${two.workspaceId}`)).toBe(0);
    expect(await allVisits()).toBe(0);
  });
});
