// The inbox's quality through HTTP: reviews of outbound messages filtered by rating, flow, node and
// agent, and the KPIs (first-response and close medians per agent and for the team, the bot day by
// day) against cycles with known medians.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../server/auth/members.ts';
import { conversationCycles } from '../shared/db/schema.ts';
import { login } from './support/app.ts';
import {
  addFlow,
  type Contact,
  converse,
  DAY,
  hex,
  type InboxApp,
  inboxApp,
  MIN,
  say,
} from './support/conversations.ts';
import { describeDb } from './support/db.ts';
import { addContacts, addRoom, type Json } from './support/rooms.ts';
import { addWorkspace } from './support/tenants.ts';

describeDb('conversations API', (db) => {
  let { app, workspaceId, owner, viewer, call, agent, stranger, users, contact } = {} as InboxApp;
  beforeAll(async () => {
    ({ app, workspaceId, owner, viewer, call, agent, stranger, users, contact } = await inboxApp(db()));
  });
  afterAll(() => app?.close());
  const d = () => db().db;

  describe('quality review', () => {
    it('reviews outbound messages only and filters by rating, flow, node and agent', async () => {
      const c = await contact('质检客户');
      const conv = await converse(d(), c);
      const { flow } = await addFlow(d(), workspaceId, '质检流程');
      const t = Date.now() - 30 * MIN;
      const inbound = await say(d(), c, '在吗', new Date(t));
      const bot = await say(d(), c, '在的', new Date(t + MIN), {
        direction: 'out',
        author: 'bot',
        flowId: flow.id,
        nodeId: 'greet',
      });
      const human = await say(d(), c, '我来帮您', new Date(t + 2 * MIN), {
        direction: 'out',
        author: 'agent',
        authorId: users.agent,
      });
      const phone = await say(d(), c, '电话里说', new Date(t + 3 * MIN), {
        direction: 'out',
        author: 'operator',
      });
      const refused = await call(agent, 'PUT', `/api/messages/${inbound.id}/review`, { rating: 'bad' });
      expect([refused.status, refused.body.error.code]).toEqual([409, 'not_reviewable']);
      const put = await call(agent, 'PUT', `/api/messages/${bot.id}/review`, { rating: 'good' });
      expect(put).toMatchObject({
        status: 200,
        body: {
          messageId: bot.id,
          conversationId: conv.id,
          author: 'bot',
          flowName: '质检流程',
          rating: 'good',
          comment: '',
          reviewer: { id: users.agent },
        },
      });
      const upsert = await call(owner, 'PUT', `/api/messages/${bot.id}/review`, {
        rating: 'bad',
        comment: '答非所问',
      });
      expect(upsert.body).toMatchObject({
        rating: 'bad',
        comment: '答非所问',
        reviewer: { id: users.owner },
      });
      await call(agent, 'PUT', `/api/messages/${human.id}/review`, { rating: 'good', comment: '耐心' });
      await call(agent, 'PUT', `/api/messages/${phone.id}/review`, { rating: 'bad' });

      const ids = async (query: string) =>
        ((await call(viewer, 'GET', `/api/reviews?${query}`)).body.items as Json[]).map((i) => i.messageId);
      expect(await ids(`flowId=${flow.id}`)).toEqual([bot.id]);
      expect(await ids(`flowId=${flow.id}&nodeId=greet`)).toEqual([bot.id]);
      expect(await ids(`flowId=${flow.id}&nodeId=other`)).toEqual([]);
      expect(await ids(`agentId=${users.agent}`)).toEqual([human.id]);
      const bad = await ids('rating=bad');
      expect(bad).toEqual(expect.arrayContaining([bot.id, phone.id]));
      expect(bad).not.toContain(human.id);
      const agentReview = (await call(viewer, 'GET', `/api/reviews?agentId=${users.agent}`)).body.items[0];
      expect(agentReview).toMatchObject({ author: 'agent', authorName: '', comment: '耐心' });

      const paged: number[] = [];
      let cursor = '';
      do {
        const page = await call(viewer, 'GET', `/api/reviews?limit=1&cursor=${cursor}`);
        paged.push(...page.body.items.map((i: Json) => i.messageId));
        cursor = page.body.nextCursor ?? '';
      } while (cursor);
      expect(paged.slice(0, 3)).toEqual([phone.id, human.id, bot.id]);

      expect((await call(viewer, 'DELETE', `/api/messages/${phone.id}/review`)).status).toBe(403);
      expect((await call(agent, 'DELETE', `/api/messages/${phone.id}/review`)).status).toBe(204);
      expect(await ids('rating=bad')).not.toContain(phone.id);
      expect((await call(stranger, 'PUT', `/api/messages/${bot.id}/review`, { rating: 'good' })).status).toBe(
        404,
      );
      expect((await call(stranger, 'GET', '/api/reviews')).body.items).toEqual([]);
    });
  });

  describe('KPIs', () => {
    it('computes per-agent first-response median and p90, close median, and the bot day by day', async () => {
      const ws = await addWorkspace(d(), 'KPI');
      const who = await login(app, ws.owner);
      const a = await addMember(d(), ws.workspaceId, {
        email: `a-${hex()}@x.com`,
        password: 'agent-pass-1',
        role: 'agent',
        name: '阿甘',
      });
      const b = await addMember(d(), ws.workspaceId, {
        email: `b-${hex()}@x.com`,
        password: 'agent-pass-1',
        role: 'agent',
        name: '贝贝',
      });
      const names = Array.from({ length: 10 }, (_, i) => `k${i}`);
      const people = await addContacts(d(), ws.workspaceId, ws.sandboxId, names);
      const { flow } = await addFlow(d(), ws.workspaceId, '转人工流程');
      // 2030-01-10 10:00 in Asia/Shanghai (the workspace's zone) is 02:00 UTC.
      const day1 = Date.UTC(2030, 0, 10, 2);
      const day2 = day1 + DAY;
      const cycle = async (p: Contact, values: Partial<typeof conversationCycles.$inferInsert>) => {
        const conv = await converse(d(), p, { lastMessageAt: new Date(day1) });
        await d()
          .insert(conversationCycles)
          .values({
            workspaceId: ws.workspaceId,
            conversationId: conv.id,
            openedBy: 'fallback',
            openedAt: new Date(day1),
            ...values,
          });
      };
      const s = (n: number) => n * 1000;
      // Agent A, day 1: first replies after 10, 20, 30, 40 and 100 s; two of them closed after 10 and 20 min.
      for (const [i, secs] of [10, 20, 30, 40, 100].entries())
        await cycle(people[i]!, {
          firstResponseAt: new Date(day1 + s(secs)),
          firstResponderId: a.userId,
          assigneeId: a.userId,
          ...(i < 2 && { closedAt: new Date(day1 + (i + 1) * 10 * MIN), closedById: a.userId }),
        });
      // Agent A, day 2: one reply after 50 s.
      await cycle(people[5]!, {
        openedAt: new Date(day2),
        firstResponseAt: new Date(day2 + s(50)),
        firstResponderId: a.userId,
      });
      // The phone's operator answered B's conversation after 60 s: it counts for B, who had it.
      await cycle(people[6]!, { firstResponseAt: new Date(day1 + s(60)), assigneeId: b.userId });
      // A handoff on day 1 for contact 7, who wrote to the bot; contact 8 only ever talked with the bot.
      await cycle(people[7]!, { openedBy: 'handoff', flowId: flow.id, nodeId: 'human' });
      const p7 = people[7]!;
      const p8 = people[8]!;
      await say(d(), p7, '转人工', new Date(day1 - MIN), { route: 'handoff' });
      await say(d(), p7, '还在吗', new Date(day1 + MIN), { route: 'human' });
      await say(d(), p8, '营业时间', new Date(day1), { route: 'auto_reply' });
      await say(d(), p8, '好的', new Date(day1 + MIN));
      await say(d(), p8, '地址呢', new Date(day1 + 2 * MIN));
      // 00:30 on day 2 local (16:30 UTC on day 1) is day 2; 23:30 the day before the range is outside it.
      await say(d(), p8, '早', new Date(Date.UTC(2030, 0, 10, 16, 30)));
      await say(d(), p8, '昨天', new Date(Date.UTC(2030, 0, 9, 15, 30)));
      await say(d(), p8, '发出去的', new Date(day1), { direction: 'out', author: 'bot' });
      const room = await addRoom(d(), ws.workspaceId, ws.sandboxId);
      await say(d(), p8, '群里', new Date(day1), { roomId: room.id });

      const res = await call(who, 'GET', '/api/inbox/kpis?from=2030-01-10&to=2030-01-11');
      expect(res.status).toBe(200);
      const k = res.body;
      expect(k.agents.map((x: Json) => x.user.name)).toEqual(['阿甘', '贝贝']);
      expect(k.agents[0]).toMatchObject({
        handled: 6,
        firstResponseMedian: 35,
        firstResponseP90: 75,
        closeMedian: 15 * 60,
      });
      expect(k.agents[0].days).toEqual([
        { day: '2030-01-10', handled: 5, firstResponseMedian: 30, firstResponseP90: 76, closeMedian: 900 },
        { day: '2030-01-11', handled: 1, firstResponseMedian: 50, firstResponseP90: 50, closeMedian: null },
      ]);
      expect(k.agents[1]).toMatchObject({ handled: 1, firstResponseMedian: 60, closeMedian: null });
      // The team's medians are over everyone's cycles together, not medians of the agents' medians.
      expect(k.team).toEqual({
        handled: 7,
        firstResponseMedian: 40,
        firstResponseP90: 76,
        closeMedian: 900,
        days: [
          { day: '2030-01-10', handled: 6, firstResponseMedian: 35, firstResponseP90: 80, closeMedian: 900 },
          { day: '2030-01-11', handled: 1, firstResponseMedian: 50, firstResponseP90: 50, closeMedian: null },
        ],
      });
      expect(k.bot.days).toEqual([
        { day: '2030-01-10', contacts: 2, botOnly: 1, messages: 5, fallback: 2, handoffs: 1 },
        { day: '2030-01-11', contacts: 1, botOnly: 1, messages: 1, fallback: 0, handoffs: 0 },
      ]);
      expect(k.bot.botOnlyRate).toBe(0.5);
      expect(k.bot.fallbackRate).toBeCloseTo(2 / 6);
      expect(k.bot.byNode).toEqual([
        { flowId: flow.id, flowName: '转人工流程', nodeId: 'human', nodeLabel: null, handoffs: 1 },
      ]);

      const empty = (await call(viewer, 'GET', '/api/inbox/kpis?from=2030-01-10&to=2030-01-10')).body;
      expect(empty.bot).toMatchObject({ botOnlyRate: null, fallbackRate: null, byNode: [] });
      const long = await call(viewer, 'GET', '/api/inbox/kpis?from=2030-01-01&to=2030-04-30');
      expect([long.status, long.body.error.code, long.body.error.details.params.reason]).toEqual([
        400,
        'invalid_range',
        'too_long',
      ]);
      const reversed = await call(viewer, 'GET', '/api/inbox/kpis?from=2030-01-10&to=2030-01-09');
      expect(reversed.body.error.details.params.reason).toBe('reversed');
      expect((await call(viewer, 'GET', '/api/inbox/kpis?from=2030-01-10')).status).toBe(400);
    });
  });
});
