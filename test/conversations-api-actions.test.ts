// What members do with the inbox through HTTP, with each role's rights: who takes conversations (and
// when they were last seen), assigning (only to members who take conversations), snoozing, reopening
// and closing, taking a contact over from the bot, and the saved replies.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../shared/db/schema.ts';
import { converse, DAY, type InboxApp, inboxApp, MIN, NOWHERE } from './support/conversations.ts';
import { describeDb } from './support/db.ts';
import type { Json } from './support/rooms.ts';

describeDb('conversations API', (db) => {
  let { app, owner, viewer, marketer, call, agent, stranger, users, contact } = {} as InboxApp;
  beforeAll(async () => {
    ({ app, owner, viewer, marketer, call, agent, stranger, users, contact } = await inboxApp(db()));
  });
  afterAll(() => app?.close());
  const d = () => db().db;

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
});
