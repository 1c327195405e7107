// GET /api/insights and /api/insights/:kind/contacts: each kind of item appears for a situation made
// for it — in a workspace of its own — and not for the near misses beside it; bad input is a 4xx;
// another workspace's facts never show.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedExperiment } from '../bench/analytics-experiments.ts';
import type { Db } from '../runtime/db/client.ts';
import type { App } from '../server/app.ts';
import { insightContext } from '../server/insights/context.ts';
import { listInsights } from '../server/insights/index.ts';
import { type InsightItem, insightContactsPage, insightsBody } from '../shared/api/insights.ts';
import {
  botAccounts,
  contacts,
  conversations,
  messages,
  nodeStatsDaily,
  rooms,
} from '../shared/db/schema.ts';
import { localDay } from '../shared/time/zoned.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { publishGraph } from './support/runtime.ts';
import { addWorkspace } from './support/tenants.ts';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR);
const card = (id: string, type: string, data: object) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, sourceHandle: string, target: string) => ({
  id: `${source}-${sourceHandle}`,
  source,
  sourceHandle,
  target,
});

type Tenant = { workspaceId: string; accountId: string; session: Session };

describeDb('insights API', (db) => {
  let app: App;
  const d = () => db().db as Db;
  beforeAll(async () => {
    ({ app } = await testApp(db()));
  });
  afterAll(() => app?.close());

  const tenant = async (name: string): Promise<Tenant> => {
    const w = await addWorkspace(d(), name);
    return { workspaceId: w.workspaceId, accountId: w.sandboxId, session: await login(app, w.owner) };
  };
  const get = (t: Tenant, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: t.session.cookie } });
  const items = async (t: Tenant): Promise<InsightItem[]> => {
    const res = await get(t, '/api/insights');
    expect(res.statusCode, res.body).toBe(200);
    return insightsBody.parse(res.json()).items;
  };
  const kinds = async (t: Tenant) => (await items(t)).map((i) => i.kind);
  const addContact = async (t: Tenant, name: string) => {
    const [c] = await d()
      .insert(contacts)
      .values({ workspaceId: t.workspaceId, botAccountId: t.accountId, puppetId: randomUUID(), name })
      .returning();
    return c!.id;
  };
  const message = (
    t: Tenant,
    contactId: string,
    text: string,
    at: Date,
    more: Partial<typeof messages.$inferInsert> = {},
  ) =>
    d()
      .insert(messages)
      .values({
        workspaceId: t.workspaceId,
        botAccountId: t.accountId,
        contactId,
        direction: 'in',
        author: 'contact',
        wechatMessageId: randomUUID(),
        text,
        at,
        ...more,
      });
  const humanReply = (t: Tenant, contactId: string, at: Date, author: 'agent' | 'operator' = 'agent') =>
    message(t, contactId, '您好，我来帮您', at, { direction: 'out', author });

  it('an empty workspace has nothing to do', async () => {
    expect(await items(await tenant('Empty'))).toEqual([]);
  });

  it('lists contacts who showed intent 24 h ago with no human reply since, and only them', async () => {
    const t = await tenant('Intent');
    const waiting = await addContact(t, 'Waiting');
    await message(t, waiting, '这个多少钱？', ago(25));
    const answered = await addContact(t, 'Answered');
    await message(t, answered, '怎么买', ago(30));
    await humanReply(t, answered, ago(29), 'operator');
    const recent = await addContact(t, 'Too recent');
    await message(t, recent, '多少钱', ago(2));
    const old = await addContact(t, 'Too old');
    await message(t, old, '多少钱', ago(24 * 8));
    const polite = await addContact(t, 'No intent');
    await message(t, polite, '你好', ago(30));
    const inGroup = await addContact(t, 'Group');
    const [room] = await d()
      .insert(rooms)
      .values({ workspaceId: t.workspaceId, botAccountId: t.accountId, puppetRoomId: 'r1' })
      .returning();
    await message(t, inGroup, '多少钱', ago(30), { roomId: room!.id });
    // Answered by the bot only: still nobody human.
    const botOnly = await addContact(t, 'Bot only');
    await message(t, botOnly, '价格', ago(26));
    await message(t, botOnly, '价格请看官网', ago(26), { direction: 'out', author: 'bot' });

    const [item] = await items(t);
    expect(item).toMatchObject({ kind: 'intent_unanswered', count: 2, link: '/insights/intent_unanswered' });
    const res = await get(t, '/api/insights/intent_unanswered/contacts?limit=1');
    expect(res.statusCode, res.body).toBe(200);
    const first = insightContactsPage.parse(res.json());
    // Longest waiting first, a page at a time.
    expect(first.items.map((c) => [c.name, c.text])).toEqual([['Bot only', '价格']]);
    const next = insightContactsPage.parse(
      (await get(t, `/api/insights/intent_unanswered/contacts?limit=1&cursor=${first.nextCursor}`)).json(),
    );
    expect(next.items.map((c) => [c.name, c.text, c.conversationId])).toEqual([
      ['Waiting', '这个多少钱？', null],
    ]);
    expect(next.nextCursor).toBeNull();

    // An agent answers one and the inbox has the other: the count follows, the conversation shows.
    await humanReply(t, botOnly, ago(1));
    const [conversation] = await d()
      .insert(conversations)
      .values({
        workspaceId: t.workspaceId,
        contactId: waiting,
        botAccountId: t.accountId,
        lastMessageAt: ago(25),
      })
      .returning();
    expect((await items(t))[0]).toMatchObject({ kind: 'intent_unanswered', count: 1 });
    const list = insightContactsPage.parse((await get(t, '/api/insights/intent_unanswered/contacts')).json());
    expect(list.items.map((c) => c.conversationId)).toEqual([conversation!.id]);
    await humanReply(t, waiting, ago(0.5));
    expect(await items(t)).toEqual([]);
  });

  it('counts intent on each account’s own clock', async () => {
    const t = await tenant('Clock');
    const c = await addContact(t, 'Sandbox');
    await message(t, c, '多少钱', ago(1));
    expect(await kinds(t)).toEqual([]);
    // The sandbox clock 25 hours on: a day has passed for this contact.
    await d()
      .update(botAccounts)
      .set({ clockOffsetMs: 25 * HOUR })
      .where(eq(botAccounts.id, t.accountId));
    expect(await kinds(t)).toEqual(['intent_unanswered']);
  });

  /** kw → ask (next → thanks); `thanks` is an end: no port of it leads on. */
  const funnel = {
    nodes: [
      card('kw', 'trigger.keyword', { keywords: ['hi'] }),
      card('ask', 'send', { text: '你在哪个城市？' }),
      card('thanks', 'send', { text: '谢谢' }),
    ],
    edges: [edge('kw', 'next', 'ask'), edge('ask', 'next', 'thanks')],
  };
  const rollup = async (versionId: string, day: string, nodeId: string, port: string, count: number) =>
    d().insert(nodeStatsDaily).values({ flowVersionId: versionId, day, nodeId, port, count });

  it('points at the node whose drop-off grew most this week, with enough runs', async () => {
    const t = await tenant('Drop-off');
    const { flowId, flowVersionId } = await publishGraph(
      d(),
      t.workspaceId,
      `Funnel ${randomUUID()}`,
      funnel,
    );
    const ctx = await insightContext(d(), t.workspaceId);
    const today = ctx.today;
    const lastWeek = localDay(Date.now() - 9 * 24 * HOUR, ctx.timeZone);
    // `ask`: 100 → 90 onward last week, 100 → 40 this week (on two shards). `thanks` drops all: an end.
    await rollup(flowVersionId, lastWeek, 'ask', '', 100);
    await rollup(flowVersionId, lastWeek, 'ask', 'next', 90);
    await rollup(flowVersionId, today, 'ask', '', 100);
    await rollup(flowVersionId, today, 'ask', 'next', 40);
    for (const day of [lastWeek, today]) await rollup(flowVersionId, day, 'thanks', '', 80);
    // `kw` got a little worse, less than ask.
    await rollup(flowVersionId, lastWeek, 'kw', '', 100);
    await rollup(flowVersionId, lastWeek, 'kw', 'next', 100);
    await rollup(flowVersionId, today, 'kw', '', 100);
    await rollup(flowVersionId, today, 'kw', 'next', 85);
    const [item, ...rest] = await items(t);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      kind: 'drop_off',
      count: 60,
      link: `/flows/${flowId}?node=ask`,
      params: { nodeId: 'ask', nodeType: 'send', entered: 100, dropOff: 0.6 },
    });
    expect(item!.params.dropOffBefore).toBeCloseTo(0.1, 10);

    // Same drop-off both weeks elsewhere: nothing. Too few runs: nothing.
    const u = await tenant('Steady');
    const steady = await publishGraph(d(), u.workspaceId, `Steady ${randomUUID()}`, funnel);
    for (const day of [lastWeek, today]) {
      await rollup(steady.flowVersionId, day, 'ask', '', 100);
      await rollup(steady.flowVersionId, day, 'ask', 'next', 50);
    }
    const small = await publishGraph(d(), u.workspaceId, `Small ${randomUUID()}`, funnel);
    await rollup(small.flowVersionId, lastWeek, 'ask', '', 10);
    await rollup(small.flowVersionId, lastWeek, 'ask', 'next', 10);
    await rollup(small.flowVersionId, today, 'ask', '', 10);
    expect(await items(u)).toEqual([]);
  });

  /** kw → split a/b → send → goal (each branch sends): a winner when a converts far better. */
  const abGraph = {
    nodes: [
      card('kw', 'trigger.keyword', { keywords: ['hi'] }),
      card('ab', 'split', {
        branches: [
          { name: 'a', weight: 1 },
          { name: 'b', weight: 1 },
        ],
      }),
      card('send_a', 'send', { text: 'A' }),
      card('send_b', 'send', { text: 'B' }),
      card('goal', 'goal', { name: 'bought' }),
    ],
    edges: [
      edge('kw', 'next', 'ab'),
      edge('ab', 'a', 'send_a'),
      edge('ab', 'b', 'send_b'),
      edge('send_a', 'next', 'goal'),
      edge('send_b', 'next', 'goal'),
    ],
  };
  const experiment = async (t: Tenant, a: number, b: number) => {
    const published = await publishGraph(d(), t.workspaceId, `AB ${randomUUID()}`, abGraph);
    await seedExperiment(d(), {
      workspaceId: t.workspaceId,
      botAccountId: t.accountId,
      ...published,
      goal: 'bought',
      at: ago(48),
      nodes: [
        {
          nodeId: 'ab',
          type: 'split',
          arms: [
            { key: 'a', contacts: 150, converted: a },
            { key: 'b', contacts: 150, converted: b },
          ],
        },
      ],
    });
    // The flow ran lately (its daily rollups).
    const { today } = await insightContext(d(), t.workspaceId);
    await rollup(published.flowVersionId, today, 'kw', '', 300);
    return published;
  };

  it('names a winning variant of a flow active in the last 30 days, and no draw', async () => {
    const t = await tenant('Winner');
    const { flowId } = await experiment(t, 60, 15);
    expect(await items(t)).toMatchObject([
      {
        kind: 'winning_variant',
        count: 300,
        link: `/flows/${flowId}?node=ab`,
        params: { nodeId: 'ab', variant: 'a', goal: 'bought', rate: 0.4, runnerUpRate: 0.1 },
      },
    ]);
    const u = await tenant('Draw');
    await experiment(u, 30, 29);
    expect(await items(u)).toEqual([]);
  });

  it('lists the phrases nothing answered most, until an auto-reply answers them', async () => {
    const t = await tenant('Phrases');
    const [a, b] = [await addContact(t, 'A'), await addContact(t, 'B')];
    for (const [c, text] of [
      [a, '营业时间？'],
      [b, '营业时间？'],
      [a, ' 营业时间？ '],
    ] as const)
      await message(t, c, text, ago(3), { route: 'unanswered' });
    await message(t, a, '发票', ago(3), { route: 'handoff' });
    await message(t, b, '发票', ago(4), { route: 'handoff' });
    // Answered, said once, or too long ago: not phrases to act on.
    for (const c of [a, b]) await message(t, c, '价格', ago(3), { route: 'auto_reply' });
    await message(t, a, '退货', ago(3), { route: 'unanswered' });
    for (const c of [a, b]) await message(t, c, '地址', ago(24 * 8), { route: 'unanswered' });
    expect((await items(t)).map((i) => [i.kind, i.params.phrase, i.count, i.params.contacts])).toEqual([
      ['unanswered_phrase', '营业时间？', 3, 2],
      ['unanswered_phrase', '发票', 2, 2],
    ]);
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/workspace',
      headers: t.session.headers,
      payload: {
        fallback: { autoReplies: [{ keywords: ['营业时间'], reply: '9:00–18:00' }], handoff: false },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await items(t)).map((i) => i.params.phrase)).toEqual(['发票']);
  });

  it('warns of an account that used 80% of a daily cap today', async () => {
    const t = await tenant('Budget');
    const limits = {
      messagesPerMinute: 10,
      messagesPerDay: 100,
      acceptsPerHour: 5,
      acceptsPerDay: 20,
      jitterMs: [0, 0],
    };
    const ctx = await insightContext(d(), t.workspaceId);
    const use = (today: Record<string, number>, day = ctx.today) =>
      d()
        .update(botAccounts)
        .set({ limits: limits as never, pacing: { recent: {}, day, today, last: null, gap: 0 } })
        .where(eq(botAccounts.id, t.accountId));
    await use({ message: 79, friend_accept: 10 });
    expect(await items(t)).toEqual([]);
    await use({ message: 85, friend_accept: 18 });
    expect(await items(t)).toMatchObject([
      {
        kind: 'budget_near',
        count: 18,
        link: '/bots',
        params: { action: 'friend_accept', used: 18, limit: 20 },
      },
    ]);
    // Yesterday's counts are not today's.
    await use({ message: 100 }, localDay(Date.now() - 30 * HOUR, ctx.timeZone));
    expect(await items(t)).toEqual([]);
  });

  it('runs every entry of the kind table, a fake one too', async () => {
    const t = await tenant('Table');
    const fake: InsightItem = { kind: 'drop_off', title: 'fake', count: 1, link: '/flows', params: {} };
    const ctx = await insightContext(d(), t.workspaceId);
    expect(await listInsights(ctx, { fake: { items: async () => [fake] } })).toEqual([fake]);
  });

  it('answers bad input with a 4xx and keeps workspaces apart', async () => {
    const t = await tenant('Inputs');
    const other = await tenant('Other');
    const c = await addContact(other, 'Theirs');
    await message(other, c, '多少钱', ago(30));
    expect(await kinds(other)).toEqual(['intent_unanswered']);
    expect(await items(t)).toEqual([]);
    const mine = insightContactsPage.parse((await get(t, '/api/insights/intent_unanswered/contacts')).json());
    expect(mine.items).toEqual([]);
    for (const url of [
      '/api/insights/drop_off/contacts',
      '/api/insights/nope/contacts',
      '/api/insights/intent_unanswered/contacts?limit=0',
      '/api/insights/intent_unanswered/contacts?limit=1e2',
      '/api/insights/intent_unanswered/contacts?limit=501',
      '/api/insights/intent_unanswered/contacts?cursor=%00',
      '/api/insights/intent_unanswered/contacts?cursor=not-a-cursor',
    ])
      expect((await get(t, url)).statusCode, url).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/insights' })).statusCode).toBe(401);
    const junk = ['%F0%9F', '\u0000', '🙂'.repeat(200), '-1', '2147483648', "'; drop table messages; --"];
    for (const value of junk) {
      const res = await get(
        t,
        `/api/insights/intent_unanswered/contacts?limit=${encodeURIComponent(value)}&cursor=${encodeURIComponent(value)}`,
      );
      expect(res.statusCode, value).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, value).toBeLessThan(500);
    }
  });
});
