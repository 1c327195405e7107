// The inbox (API "Conversations") through HTTP: the list's tabs, search and keyset pages, the bot tab,
// one conversation with its messages, deliveries, notes and events, every action with each role's
// rights (only members who take conversations can be assigned), saved replies, the quality review,
// the KPIs against cycles with known medians, the live stream, and nothing of another workspace.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../runtime/db/client.ts';
import { addMember } from '../server/auth/members.ts';
import {
  contacts,
  conversationCycles,
  conversations,
  couponCodes,
  couponPools,
  flows,
  flowVersions,
  goals,
  members,
  messages,
  nodeVisits,
  runs,
} from '../shared/db/schema.ts';
import { login, type Session } from './support/app.ts';
import { describeDb } from './support/db.ts';
import { addContacts, addRoom, type GroupsApp, groupsApp, type Json, memberAs } from './support/rooms.ts';
import { addWorkspace } from './support/tenants.ts';

const hex = () => randomBytes(6).toString('hex');
const MIN = 60_000;
const DAY = 86_400_000;
const NOWHERE = '00000000-0000-4000-8000-000000000000';

type Contact = { id: string; workspaceId: string; botAccountId: string };

/** A message of the contact's private chat (or of a group), as the router or the dispatcher archives it. */
async function say(
  db: Db,
  c: Contact,
  text: string,
  at: Date,
  more: Partial<typeof messages.$inferInsert> = {},
) {
  const [m] = await db
    .insert(messages)
    .values({
      workspaceId: c.workspaceId,
      botAccountId: c.botAccountId,
      contactId: c.id,
      direction: 'in',
      author: 'contact',
      wechatMessageId: `wx-${hex()}`,
      text,
      at,
      ...more,
    })
    .returning();
  return m!;
}

/** The contact's conversation as the runtime leaves it. */
async function converse(db: Db, c: Contact, values: Partial<typeof conversations.$inferInsert> = {}) {
  const [row] = await db
    .insert(conversations)
    .values({
      workspaceId: c.workspaceId,
      contactId: c.id,
      botAccountId: c.botAccountId,
      status: 'open',
      lastMessageAt: new Date(),
      lastMessageText: 'hi',
      ...values,
    })
    .returning();
  if (values.status !== 'closed')
    await db.update(contacts).set({ handoff: true }).where(eq(contacts.id, c.id));
  return row!;
}

async function addFlow(db: Db, workspaceId: string, name: string, nodes: object[] = []) {
  const graph = { nodes, edges: [] };
  const [flow] = await db.insert(flows).values({ workspaceId, name, graph }).returning();
  const [version] = await db
    .insert(flowVersions)
    .values({ workspaceId, flowId: flow!.id, version: 1, graph, compiled: {}, entries: [], hash: hex() })
    .returning();
  return { flow: flow!, version: version! };
}

describeDb('conversations API', (db) => {
  let { app, workspaceId, owner, viewer, marketer, sandboxId, call } = {} as GroupsApp;
  let agent: Session;
  let stranger: Session;
  const users: Record<string, string> = {};
  const d = () => db().db;

  beforeAll(async () => {
    ({ app, workspaceId, owner, viewer, marketer, sandboxId, call } = await groupsApp(db()));
    agent = await memberAs(app, owner, 'agent');
    for (const [role, who] of Object.entries({ owner, viewer, marketer, agent }))
      users[role] = (await call(who, 'GET', '/api/me')).body.user.id;
    const other = await addWorkspace(d(), 'Other');
    stranger = await login(app, other.owner);
  });
  afterAll(() => app?.close());

  const contact = async (name: string): Promise<Contact> =>
    (await addContacts(d(), workspaceId, sandboxId, [name]))[0]!;

  describe('members who take conversations', () => {
    it('lists agent and online; agents take conversations from the start, others opt in (owner/admin)', async () => {
      const list = (await call(viewer, 'GET', '/api/members')).body as unknown as Json[];
      const of = (userId: string) => list.find((m) => m.userId === userId)!;
      expect(of(users.agent!)).toMatchObject({ role: 'agent', agent: true, online: true });
      expect(of(users.marketer!)).toMatchObject({ agent: false, online: true });
      const marketerMember = of(users.marketer!).id;
      expect((await call(marketer, 'PATCH', `/api/members/${marketerMember}`, { agent: true })).status).toBe(
        403,
      );
      expect((await call(owner, 'PATCH', `/api/members/${marketerMember}`, { agent: true })).status).toBe(
        204,
      );
      const after = (await call(owner, 'GET', '/api/members')).body as unknown as Json[];
      expect(after.find((m) => m.id === marketerMember)).toMatchObject({ role: 'marketer', agent: true });
      await call(owner, 'PATCH', `/api/members/${marketerMember}`, { agent: false });
    });

    it('writes last_seen_at at most once a minute per member', async () => {
      const [row] = await d().select().from(members).where(eq(members.userId, users.viewer!));
      await call(viewer, 'GET', '/api/members');
      const [again] = await d().select().from(members).where(eq(members.userId, users.viewer!));
      expect(again!.lastSeenAt).toEqual(row!.lastSeenAt);
      await d()
        .update(members)
        .set({ lastSeenAt: new Date(Date.now() - 2 * MIN) })
        .where(eq(members.id, row!.id));
      await call(viewer, 'GET', '/api/members');
      const [later] = await d().select().from(members).where(eq(members.id, row!.id));
      expect(Date.now() - later!.lastSeenAt!.getTime()).toBeLessThan(MIN);
    });
  });

  describe('the list', () => {
    it('filters by status and assignee (me, none, a member), each item with its assignee and wait', async () => {
      const [a, b, c, e] = await addContacts(d(), workspaceId, sandboxId, [
        '列表甲',
        '列表乙',
        '列表丙',
        '列表丁',
      ]);
      const t = Date.now() - DAY;
      const mine = await converse(d(), a!, {
        assigneeId: users.agent,
        lastMessageAt: new Date(t + 3 * MIN),
        unread: 2,
        waitingSince: new Date(t),
      });
      const nobody = await converse(d(), b!, { lastMessageAt: new Date(t + 2 * MIN) });
      const closed = await converse(d(), c!, { status: 'closed', lastMessageAt: new Date(t + MIN) });
      const snoozed = await converse(d(), e!, {
        status: 'snoozed',
        assigneeId: users.agent,
        snoozedUntil: new Date(Date.now() + DAY),
      });
      const ids = async (who: Session, query: string) =>
        ((await call(who, 'GET', `/api/conversations?${query}`)).body.items as Json[]).map((i) => i.id);

      const page = await call(viewer, 'GET', '/api/conversations?status=open&assignee=me');
      expect(page.status).toBe(200);
      expect(await ids(agent, 'status=open&assignee=me')).toEqual([mine.id]);
      expect((await call(agent, 'GET', '/api/conversations?status=open&assignee=me')).body.items[0]).toEqual({
        id: mine.id,
        contact: { id: a!.id, name: '列表甲' },
        botAccountId: sandboxId,
        status: 'open',
        assignee: { id: users.agent, name: '' },
        botPaused: true,
        lastMessage: { text: 'hi', at: new Date(t + 3 * MIN).toISOString(), direction: 'in' },
        unread: 2,
        waitingSince: new Date(t).toISOString(),
        snoozedUntil: null,
      });
      expect(await ids(viewer, 'status=open&assignee=none')).toContain(nobody.id);
      expect(await ids(viewer, 'status=open&assignee=none')).not.toContain(mine.id);
      expect(await ids(viewer, `assignee=${users.agent}`)).toEqual(
        expect.arrayContaining([mine.id, snoozed.id]),
      );
      expect(await ids(viewer, 'status=snoozed')).toEqual([snoozed.id]);
      expect(await ids(viewer, 'status=closed')).toContain(closed.id);
      expect(await ids(viewer, 'status=open')).not.toContain(closed.id);

      const counts = await call(agent, 'GET', '/api/conversations/counts');
      expect(counts.body.mine).toBe(1);
      expect(counts.body.unassigned).toBeGreaterThanOrEqual(1);
      // An API key is nobody: `me` matches nothing, and it has nothing of its own to count.
      const key = (await call(owner, 'POST', '/api/api-keys', { name: 'inbox', role: 'agent' })).body.key;
      const byKey = await app.inject({
        url: '/api/conversations?assignee=me',
        headers: { authorization: `Bearer ${key}` },
      });
      expect(byKey.json().items).toEqual([]);
    });

    it('pages 70 conversations newest first on a keyset, ties broken by id, without repeats', async () => {
      const paged = await addWorkspace(d(), 'Paged');
      const who = await login(app, paged.owner);
      const people = await addContacts(
        d(),
        paged.workspaceId,
        paged.sandboxId,
        Array.from({ length: 70 }, (_, i) => `p${i}`),
      );
      const base = Date.now() - DAY;
      // Ten of them at the very same instant: the id decides among them.
      for (const [i, p] of people.entries())
        await converse(d(), p, { lastMessageAt: new Date(base + (i < 10 ? 0 : i) * 1000) });
      const seen: Json[] = [];
      let cursor = '';
      const sizes: number[] = [];
      do {
        const res = await call(who, 'GET', `/api/conversations?limit=30&cursor=${cursor}`);
        expect(res.status).toBe(200);
        sizes.push(res.body.items.length);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor ?? '';
      } while (cursor);
      expect(sizes).toEqual([30, 30, 10]);
      expect(new Set(seen.map((s) => s.id)).size).toBe(70);
      const order = [...seen].sort(
        (x, y) => y.lastMessage.at.localeCompare(x.lastMessage.at) || y.id.localeCompare(x.id),
      );
      expect(seen.map((s) => s.id)).toEqual(order.map((s) => s.id));
      expect((await call(who, 'GET', '/api/conversations?cursor=not-a-cursor')).status).toBe(400);
    });

    it('finds conversations by a 2-character Chinese substring of any message, with the newest match', async () => {
      const c = await contact('搜索客户');
      const conv = await converse(d(), c);
      const t = Date.now() - 3 * 60 * MIN;
      await say(d(), c, '你好，我想问一下退款的事', new Date(t));
      await say(d(), c, '退款什么时候到账？', new Date(t + MIN));
      await say(d(), c, '谢谢', new Date(t + 2 * MIN));
      const room = await addRoom(d(), workspaceId, sandboxId);
      await say(d(), c, '群里说的退款不算', new Date(t + 3 * MIN), { roomId: room.id });
      const res = await call(viewer, 'GET', `/api/conversations?q=${encodeURIComponent('退款')}`);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({
        id: conv.id,
        match: { text: '退款什么时候到账？', at: new Date(t + MIN).toISOString() },
      });
      // Pattern characters are literal.
      expect((await call(viewer, 'GET', '/api/conversations?q=%25')).body.items).toEqual([]);
      expect((await call(viewer, 'GET', '/api/conversations?q=_')).body.items).toEqual([]);
    });

    it('lists in the bot tab contacts a run is waiting to hear from, no human on them', async () => {
      const { flow, version } = await addFlow(d(), workspaceId, '问卷');
      const [talking, before, human, done] = await addContacts(d(), workspaceId, sandboxId, [
        '机器人在聊',
        '以前找过人工',
        '人工在聊',
        '已结束',
      ]);
      const now = Date.now();
      const wait = (c: Contact, status: 'waiting' | 'completed' = 'waiting') =>
        d()
          .insert(runs)
          .values({
            workspaceId,
            flowId: flow.id,
            flowVersionId: version.id,
            contactId: c.id,
            status,
            awaitsMessage: status === 'waiting',
            currentNodeId: 'ask',
            startedAt: new Date(now - DAY),
            updatedAt: new Date(now - DAY),
          });
      for (const c of [talking!, before!, human!]) await wait(c);
      await wait(done!, 'completed');
      await d()
        .update(contacts)
        .set({ lastInboundAt: new Date(now - MIN) })
        .where(eq(contacts.id, talking!.id));
      await d()
        .update(contacts)
        .set({ lastInboundAt: new Date(now - 2 * MIN) })
        .where(eq(contacts.id, before!.id));
      await say(d(), talking!, '第一题选 B', new Date(now - MIN));
      const closed = await converse(d(), before!, { status: 'closed', assigneeId: users.agent });
      await converse(d(), human!);
      const res = await call(viewer, 'GET', '/api/conversations?bot=true&limit=1');
      expect(res.body.items).toEqual([
        expect.objectContaining({
          id: null,
          contact: { id: talking!.id, name: '机器人在聊' },
          status: 'closed',
          botPaused: false,
          lastMessage: { text: '第一题选 B', at: new Date(now - MIN).toISOString(), direction: 'in' },
        }),
      ]);
      const next = await call(
        viewer,
        'GET',
        `/api/conversations?bot=true&limit=1&cursor=${res.body.nextCursor}`,
      );
      expect(next.body.items).toEqual([
        expect.objectContaining({ id: closed.id, status: 'closed', assignee: { id: users.agent, name: '' } }),
      ]);
      const all = (await call(viewer, 'GET', '/api/conversations?bot=true')).body.items as Json[];
      expect(all.map((i) => i.contact.id)).not.toContain(human!.id);
      expect(all.map((i) => i.contact.id)).not.toContain(done!.id);
    });
  });

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

  describe('actions', () => {
    it('lets agents and up act, never a viewer; only members who take conversations are assignable', async () => {
      const conv = await converse(d(), await contact('分配客户'));
      const url = `/api/conversations/${conv.id}`;
      expect((await call(viewer, 'POST', `${url}/messages`, { text: 'hi' })).status).toBe(403);
      expect((await call(viewer, 'POST', `${url}/notes`, { text: 'hi' })).status).toBe(403);
      expect((await call(viewer, 'POST', `${url}/assign`, { userId: users.agent })).status).toBe(403);
      expect((await call(viewer, 'POST', `${url}/close`)).status).toBe(403);

      const toAgent = await call(marketer, 'POST', `${url}/assign`, { userId: users.agent });
      expect(toAgent).toMatchObject({ status: 200, body: { id: conv.id, assignee: { id: users.agent } } });
      const toMarketer = await call(agent, 'POST', `${url}/assign`, { userId: users.marketer });
      expect(toMarketer.status).toBe(409);
      expect(toMarketer.body.error.code).toBe('not_assignable');
      expect((await call(agent, 'POST', `${url}/assign`, { userId: users.viewer })).status).toBe(409);
      const list = (await call(owner, 'GET', '/api/members')).body as unknown as Json[];
      const marketerMember = list.find((m) => m.userId === users.marketer)!.id;
      await call(owner, 'PATCH', `/api/members/${marketerMember}`, { agent: true });
      const opted = await call(agent, 'POST', `${url}/assign`, { userId: users.marketer });
      expect(opted).toMatchObject({ status: 200, body: { assignee: { id: users.marketer } } });
      await call(owner, 'PATCH', `/api/members/${marketerMember}`, { agent: false });
      expect((await call(agent, 'POST', `${url}/assign`, { userId: null })).body.assignee).toBeNull();
      expect((await call(agent, 'POST', `${url}/assign`, { userId: 'someone' })).status).toBe(400);
    });

    it('snoozes only into the future, reopens, closes (the bot back on) and refuses to snooze a closed one', async () => {
      const conv = await converse(d(), await contact('稍后客户'));
      const url = `/api/conversations/${conv.id}`;
      const past = await call(agent, 'POST', `${url}/snooze`, {
        until: new Date(Date.now() - MIN).toISOString(),
      });
      expect(past.status).toBe(400);
      expect(past.body.error.code).toBe('snooze_in_past');
      const until = new Date(Date.now() + DAY).toISOString();
      const snoozed = await call(agent, 'POST', `${url}/snooze`, { until });
      expect(snoozed).toMatchObject({
        status: 200,
        body: { status: 'snoozed', snoozedUntil: until, botPaused: true },
      });
      expect((await call(agent, 'POST', `${url}/reopen`)).body).toMatchObject({
        status: 'open',
        snoozedUntil: null,
      });
      const closed = await call(agent, 'POST', `${url}/close`);
      expect(closed).toMatchObject({ status: 200, body: { status: 'closed', botPaused: false } });
      const again = await call(agent, 'POST', `${url}/snooze`, { until });
      expect([again.status, again.body.error.code]).toEqual([409, 'conversation_closed']);
      const events = (await call(viewer, 'GET', url)).body.events.map((e: Json) => e.kind);
      expect(events).toEqual(expect.arrayContaining(['snoozed', 'reopened', 'closed']));
    });

    it('lets an agent take a contact over from the bot: opened, the bot paused, theirs', async () => {
      const c = await contact('接管客户');
      const url = `/api/contacts/${c.id}/conversation`;
      expect((await call(viewer, 'POST', url)).status).toBe(403);
      const taken = await call(agent, 'POST', url);
      expect(taken).toMatchObject({
        status: 201,
        body: { contact: { id: c.id }, status: 'open', botPaused: true, assignee: { id: users.agent } },
      });
      expect(await call(agent, 'POST', url)).toMatchObject({ status: 200, body: { id: taken.body.id } });
      // A marketer who does not take conversations opens it without taking it.
      const other = await contact('营销接管');
      const byMarketer = await call(marketer, 'POST', `/api/contacts/${other.id}/conversation`);
      expect(byMarketer).toMatchObject({ status: 201, body: { assignee: null, botPaused: true } });
      expect((await call(agent, 'POST', `/api/contacts/${NOWHERE}/conversation`)).status).toBe(404);
    });
  });

  describe('saved replies', () => {
    it('lets every member read them and agents and up write them; a shortcut is taken once', async () => {
      const created = await call(agent, 'POST', '/api/saved-replies', {
        shortcut: '退款',
        text: '您好 {{contact.name}}',
      });
      expect(created).toMatchObject({
        status: 201,
        body: { shortcut: '退款', text: '您好 {{contact.name}}' },
      });
      expect((await call(viewer, 'POST', '/api/saved-replies', { shortcut: 'x', text: 'y' })).status).toBe(
        403,
      );
      const dup = await call(owner, 'POST', '/api/saved-replies', { shortcut: '退款', text: 'again' });
      expect([dup.status, dup.body.error.code]).toEqual([409, 'saved_reply_exists']);
      const hello = await call(agent, 'POST', '/api/saved-replies', { shortcut: 'hello', text: 'Hi!' });
      const clash = await call(agent, 'PATCH', `/api/saved-replies/${hello.body.id}`, { shortcut: '退款' });
      expect(clash.status).toBe(409);
      const renamed = await call(agent, 'PATCH', `/api/saved-replies/${hello.body.id}`, { text: 'Hello!' });
      expect(renamed.body).toEqual({ id: hello.body.id, shortcut: 'hello', text: 'Hello!' });
      const list = (await call(viewer, 'GET', '/api/saved-replies')).body as unknown as Json[];
      expect(list.map((r) => r.shortcut)).toEqual(['hello', '退款']);
      expect((await call(viewer, 'DELETE', `/api/saved-replies/${hello.body.id}`)).status).toBe(403);
      expect((await call(agent, 'DELETE', `/api/saved-replies/${hello.body.id}`)).status).toBe(204);
      expect((await call(agent, 'DELETE', `/api/saved-replies/${hello.body.id}`)).status).toBe(404);
      expect((await call(stranger, 'GET', '/api/saved-replies')).body).toEqual([]);
      expect(
        (await call(stranger, 'PATCH', `/api/saved-replies/${created.body.id}`, { text: 'x' })).status,
      ).toBe(404);
    });
  });

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

  describe('the live stream', () => {
    it('sends counts on connect, then the conversation and fresh counts after a reply', async () => {
      const conv = await converse(d(), await contact('直播客户'));
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const controller = new AbortController();
      const res = await fetch(`${address}/api/conversations/stream`, {
        headers: { cookie: viewer.cookie },
        signal: controller.signal,
      });
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = res.body!.getReader();
      let buffer = '';
      const next = async (): Promise<{ event: string; data: Json }> => {
        for (;;) {
          const match = buffer.match(/event: (\w+)\ndata: (.*)\n\n/);
          if (match) {
            buffer = buffer.slice(match.index! + match[0].length);
            return { event: match[1]!, data: JSON.parse(match[2]!) };
          }
          const { value } = await reader.read();
          buffer += new TextDecoder().decode(value);
        }
      };
      const first = await next();
      expect(first.event).toBe('counts');
      const reply = await call(agent, 'POST', `/api/conversations/${conv.id}/messages`, { text: '在的' });
      expect(reply.status).toBe(201);
      const pushed = await next();
      expect(pushed).toMatchObject({ event: 'conversation', data: { id: conv.id, status: 'open' } });
      expect((await next()).event).toBe('counts');
      controller.abort();
    });
  });
});
