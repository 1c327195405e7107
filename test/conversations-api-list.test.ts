// The inbox list (API "Conversations") through HTTP: its tabs by status and assignee with the counts,
// keyset pages, search by a Chinese substring of any message, the bot tab of contacts a run waits to
// hear from, and the live stream of counts and conversations.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, runs } from '../shared/db/schema.ts';
import { login, type Session } from './support/app.ts';
import {
  addFlow,
  type Contact,
  converse,
  DAY,
  type InboxApp,
  inboxApp,
  MIN,
  say,
} from './support/conversations.ts';
import { describeDb } from './support/db.ts';
import { addContacts, addRoom, type Json } from './support/rooms.ts';
import { addWorkspace } from './support/tenants.ts';

describeDb('conversations API', (db) => {
  let { app, workspaceId, owner, viewer, sandboxId, call, agent, users, contact } = {} as InboxApp;
  beforeAll(async () => {
    ({ app, workspaceId, owner, viewer, sandboxId, call, agent, users, contact } = await inboxApp(db()));
  });
  afterAll(() => app?.close());
  const d = () => db().db;

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
