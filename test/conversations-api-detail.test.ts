// One conversation of the inbox through HTTP: the private chat with authors, deliveries and reviews,
// notes and the run's events between; marking it read; and every conversation route answering 404
// for a member of another workspace and 400 for a bad id.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, couponCodes, couponPools, goals, nodeVisits, runs } from '../shared/db/schema.ts';
import {
  addFlow,
  converse,
  DAY,
  type InboxApp,
  inboxApp,
  MIN,
  NOWHERE,
  say,
} from './support/conversations.ts';
import { describeDb } from './support/db.ts';
import { addRoom, type Json } from './support/rooms.ts';

describeDb('conversations API', (db) => {
  let { app, workspaceId, owner, viewer, sandboxId, call, agent, stranger, users, contact } = {} as InboxApp;
  beforeAll(async () => {
    ({ app, workspaceId, owner, viewer, sandboxId, call, agent, stranger, users, contact } = await inboxApp(
      db(),
    ));
  });
  afterAll(() => app?.close());
  const d = () => db().db;

  describe('one conversation', () => {
    it('shows the private chat with authors, deliveries and reviews, notes, and events between', async () => {
      const c = await contact('详情客户');
      const conv = await converse(d(), c);
      const { flow, version } = await addFlow(d(), workspaceId, '欢迎流程', [
        { id: 'ask', type: 'ask', position: { x: 0, y: 0 }, data: {} },
        { id: 'vip', type: 'tag', position: { x: 0, y: 0 }, data: { add: ['VIP'], remove: [] } },
      ]);
      const [run] = await d()
        .insert(runs)
        .values({
          workspaceId,
          flowId: flow.id,
          flowVersionId: version.id,
          contactId: c.id,
          status: 'waiting',
          startedAt: new Date(),
          updatedAt: new Date(),
        })
        .returning();
      const t = Date.now() - 60 * MIN;
      await say(d(), c, '你好', new Date(t));
      const bot = await say(d(), c, '欢迎！', new Date(t + MIN), {
        direction: 'out',
        author: 'bot',
        flowId: flow.id,
        nodeId: 'ask',
      });
      await say(d(), c, '人工客服已收到', new Date(t + 4 * MIN), {
        direction: 'out',
        author: 'agent',
        authorId: users.agent,
        wechatMessageId: 'outbox:987',
      });
      const room = await addRoom(d(), workspaceId, sandboxId);
      await say(d(), c, '群消息', new Date(t + 5 * MIN), { roomId: room.id });
      await d()
        .insert(nodeVisits)
        .values([
          { runId: run!.id, nodeId: 'ask', visit: 1, enteredAt: new Date(t + 30_000) },
          { runId: run!.id, nodeId: 'vip', visit: 1, enteredAt: new Date(t + 2 * MIN) },
        ]);
      await d()
        .insert(goals)
        .values({
          workspaceId,
          flowVersionId: version.id,
          runId: run!.id,
          contactId: c.id,
          name: '留资',
          createdAt: new Date(t + 3 * MIN),
        });
      const [pool] = await d().insert(couponPools).values({ workspaceId, name: '新人券' }).returning();
      await d()
        .insert(couponCodes)
        .values({ poolId: pool!.id, code: 'NEW-1', contactId: c.id, issuedAt: new Date(t + 3.5 * MIN) });
      expect((await call(viewer, 'PUT', `/api/messages/${bot.id}/review`, { rating: 'bad' })).status).toBe(
        403,
      );
      await call(agent, 'PUT', `/api/messages/${bot.id}/review`, { rating: 'bad', comment: '太生硬' });
      await call(owner, 'POST', `/api/conversations/${conv.id}/assign`, { userId: users.agent });
      const reply = await call(agent, 'POST', `/api/conversations/${conv.id}/messages`, {
        text: '马上为您处理',
      });
      expect(reply).toEqual({ status: 201, body: { outboxId: expect.any(Number), delivery: 'pending' } });
      const note = await call(agent, 'POST', `/api/conversations/${conv.id}/notes`, { text: '老客户，优先' });
      expect(note.status).toBe(201);
      expect(note.body).toMatchObject({ author: { id: users.agent }, text: '老客户，优先' });

      const res = await call(viewer, 'GET', `/api/conversations/${conv.id}`);
      expect(res.status).toBe(200);
      const body = res.body;
      expect(body).toMatchObject({ id: conv.id, status: 'open', assignee: { id: users.agent } });
      expect(body.messages.map((m: Json) => [m.author, m.text, m.delivery])).toEqual([
        ['contact', '你好', null],
        ['bot', '欢迎！', null],
        ['agent', '人工客服已收到', 'sent'],
        ['agent', '马上为您处理', 'pending'],
      ]);
      expect(body.messages[1]).toMatchObject({
        id: bot.id,
        flowId: flow.id,
        nodeId: 'ask',
        review: { rating: 'bad', comment: '太生硬' },
      });
      expect(body.messages[2]).toMatchObject({ outboxId: 987, authorName: '', direction: 'out' });
      expect(body.messages[3]).toMatchObject({ id: null, outboxId: reply.body.outboxId });
      expect(body.notes).toEqual([
        { id: note.body.id, author: { id: users.agent, name: '' }, text: '老客户，优先', at: note.body.at },
      ]);
      const kinds = body.events.map((e: Json) => [
        e.kind,
        e.params.tag ?? e.params.goal ?? e.params.code ?? null,
      ]);
      expect(kinds.slice(0, 4)).toEqual([
        ['node', null],
        ['tag', 'VIP'],
        ['goal', '留资'],
        ['coupon', 'NEW-1'],
      ]);
      expect(body.events[0].params).toMatchObject({ flowName: '欢迎流程', nodeId: 'ask', nodeType: 'ask' });
      expect(body.events.find((e: Json) => e.kind === 'assigned')).toMatchObject({
        actor: { id: users.owner },
        params: { to: { id: users.agent, name: '' } },
      });
      expect(body.handoffRun).toBeNull();
    });

    it('marks it read (agents and up), and answers 404 for another workspace and 400 for a bad id', async () => {
      const conv = await converse(d(), await contact('已读客户'), { unread: 3 });
      expect((await call(viewer, 'POST', `/api/conversations/${conv.id}/read`)).status).toBe(403);
      expect((await call(agent, 'POST', `/api/conversations/${conv.id}/read`)).status).toBe(204);
      const [row] = await d().select().from(conversations).where(eq(conversations.id, conv.id));
      expect(row!.unread).toBe(0);

      const until = new Date(Date.now() + DAY).toISOString();
      const requests: [string, string, object?][] = [
        ['GET', `/api/conversations/${conv.id}`],
        ['POST', `/api/conversations/${conv.id}/read`],
        ['POST', `/api/conversations/${conv.id}/messages`, { text: 'x' }],
        ['POST', `/api/conversations/${conv.id}/notes`, { text: 'x' }],
        ['POST', `/api/conversations/${conv.id}/assign`, { userId: null }],
        ['POST', `/api/conversations/${conv.id}/close`],
        ['POST', `/api/conversations/${conv.id}/snooze`, { until }],
        ['POST', `/api/contacts/${conv.contactId}/conversation`],
      ];
      for (const [method, url, payload] of requests) {
        const res = await call(stranger, method, url, payload);
        expect([url, res.status, res.body.error?.code]).toEqual([url, 404, 'not_found']);
      }
      expect((await call(agent, 'GET', `/api/conversations/${NOWHERE}`)).body.error.details.params.what).toBe(
        'conversation',
      );
      expect((await call(agent, 'GET', '/api/conversations/nope')).status).toBe(400);
      expect((await call(agent, 'PUT', '/api/messages/nope/review', { rating: 'good' })).status).toBe(400);
    });
  });
});
