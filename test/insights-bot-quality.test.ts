// GET /api/analytics/bot-quality: turns, answered, fallback and handoff rates and goals per 100
// contacts per flow and per account, private apart from group, against hand-made messages.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../runtime/db/client.ts';
import type { App } from '../server/app.ts';
import { botQualityBody } from '../shared/api/insights.ts';
import {
  contacts,
  conversationCycles,
  conversations,
  goals,
  messages,
  rooms,
  runs,
} from '../shared/db/schema.ts';
import { localDay } from '../shared/time/zoned.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { publishGraph } from './support/runtime.ts';
import { addWorkspace } from './support/tenants.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const graph = {
  nodes: [
    { id: 'kw', type: 'trigger.keyword', position: { x: 0, y: 0 }, data: { keywords: ['hi'] } },
    { id: 'hello', type: 'send', position: { x: 0, y: 100 }, data: { text: '你好' } },
  ],
  edges: [{ id: 'e', source: 'kw', sourceHandle: 'next', target: 'hello' }],
};

describeDb('bot quality API', (db) => {
  let app: App;
  let session: Session;
  let other: Session;
  let workspaceId: string;
  let accountId: string;
  let flowId: string;
  const d = () => db().db as Db;
  const today = localDay(Date.now(), 'Asia/Shanghai');
  const yesterday = localDay(Date.now() - 24 * HOUR, 'Asia/Shanghai');
  const get = (url: string, who = session) =>
    app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

  beforeAll(async () => {
    ({ app } = await testApp(db()));
    const w = await addWorkspace(d(), 'Quality');
    ({ workspaceId, sandboxId: accountId } = w);
    session = await login(app, w.owner);
    other = await login(app, (await addWorkspace(d(), 'Elsewhere')).owner);
    const published = await publishGraph(d(), workspaceId, 'Quality flow', graph);
    flowId = published.flowId;
    const contact = async (name: string) =>
      (
        await d()
          .insert(contacts)
          .values({ workspaceId, botAccountId: accountId, puppetId: randomUUID(), name })
          .returning()
      )[0]!.id;
    const [p1, p2, g1] = [await contact('P1'), await contact('P2'), await contact('G1')];
    const [room] = await d()
      .insert(rooms)
      .values({ workspaceId, botAccountId: accountId, puppetRoomId: 'room' })
      .returning();
    const t0 = Date.now() - 5 * HOUR;
    const at = (ms: number) => new Date(t0 + ms);
    const say = (contactId: string, ms: number, more: Partial<typeof messages.$inferInsert> = {}) =>
      d()
        .insert(messages)
        .values({
          workspaceId,
          botAccountId: accountId,
          contactId,
          direction: 'in',
          author: 'contact',
          wechatMessageId: randomUUID(),
          text: 'x',
          at: at(ms),
          ...more,
        });
    const bot = (contactId: string, ms: number, more: Partial<typeof messages.$inferInsert> = {}) =>
      say(contactId, ms, { direction: 'out', author: 'bot', ...more });
    // P1 in private: the flow answers "hi" within a minute; two hours later nothing answers.
    await say(p1, 0);
    await bot(p1, MINUTE, { flowId });
    await say(p1, 2 * HOUR, { route: 'unanswered' });
    // P2, whom no flow ever spoke to: handed to a human, then an auto-reply.
    await say(p2, 3 * HOUR, { route: 'handoff' });
    await say(p2, 4 * HOUR, { route: 'auto_reply' });
    await bot(p2, 4 * HOUR + 1000);
    // G1 in a group: the flow answers in the group within 5 minutes; an hour later, silence.
    await say(g1, 0, { roomId: room!.id });
    await bot(g1, 5 * MINUTE, { flowId, roomId: room!.id });
    await say(g1, HOUR, { roomId: room!.id });
    // A private message two days ago is outside the range.
    await say(p1, -48 * HOUR, { route: 'unanswered' });
    // The flow's handoff node opened P1's conversation; P1 reached a goal in a private run.
    const [conversation] = await d()
      .insert(conversations)
      .values({ workspaceId, contactId: p1, botAccountId: accountId, lastMessageAt: at(0) })
      .returning();
    await d()
      .insert(conversationCycles)
      .values({
        workspaceId,
        conversationId: conversation!.id,
        openedBy: 'handoff',
        flowId,
        nodeId: 'hello',
        openedAt: at(2 * HOUR),
      });
    const [run] = await d()
      .insert(runs)
      .values({
        workspaceId,
        flowId,
        flowVersionId: published.flowVersionId,
        contactId: p1,
        status: 'completed',
        startedAt: at(0),
        updatedAt: at(0),
      })
      .returning();
    await d()
      .insert(goals)
      .values({
        workspaceId,
        flowVersionId: published.flowVersionId,
        runId: run!.id,
        contactId: p1,
        name: 'bought',
        createdAt: at(HOUR),
      });
  });
  afterAll(() => app?.close());

  it('counts each flow and account, private apart from group', async () => {
    const res = await get(`/api/analytics/bot-quality?from=${yesterday}&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = botQualityBody.parse(res.json());
    const pick = (rows: typeof body.flows) =>
      rows.map((r) => [
        r.name,
        r.scope,
        r.turns,
        r.contacts,
        r.answeredRate,
        r.fallbackRate,
        r.handoffRate,
        r.goals,
        r.goalsPer100,
      ]);
    expect(pick(body.flows)).toEqual([
      ['Quality flow', 'group', 2, 1, 0.5, 0, 0, 0, 0],
      ['Quality flow', 'private', 2, 1, 0.5, 0.5, 0.5, 1, 100],
      [null, 'private', 2, 1, 0.5, 1, 0.5, 0, 0],
    ]);
    expect(pick(body.accounts)).toEqual([
      ['Sandbox', 'private', 4, 2, 0.5, 0.75, 0.5, 1, 50],
      ['Sandbox', 'group', 2, 1, 0.5, 0, 0, 0, 0],
    ]);
    expect(body.flows[0]!.id).toBe(flowId);
    expect(body.accounts[0]!.id).toBe(accountId);
  });

  it('keeps workspaces apart and refuses bad ranges', async () => {
    const theirs = botQualityBody.parse(
      (await get(`/api/analytics/bot-quality?from=${yesterday}&to=${today}`, other)).json(),
    );
    expect([theirs.flows, theirs.accounts]).toEqual([[], []]);
    for (const query of [
      `from=${today}&to=${yesterday}`,
      'from=2024-01-01&to=2024-12-31',
      `from=${today}`,
      'from=yesterday&to=today',
      'from=2024-02-30&to=2024-03-01',
      '',
    ]) {
      const res = await get(`/api/analytics/bot-quality?${query}`);
      expect(res.statusCode, query).toBe(400);
    }
  });
});
