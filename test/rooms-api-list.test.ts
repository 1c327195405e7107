// Groups (API "Groups"): the list of every group of every account with its search, set filter and
// pages, a group's settings (its set, capacity, open), the group's chat and its search — with each
// role's rights (a viewer reads every group endpoint) and nothing of another workspace reachable.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayStart } from '../runtime/commands/chat.ts';
import { SAFE_LIMITS } from '../shared/api/bot-limits.ts';
import { botAccounts, messages, rooms, workspaces } from '../shared/db/schema.ts';
import { describeDb } from './support/db.ts';
import {
  addContacts,
  addInvites,
  addMembers,
  addRoom,
  addRoomSet,
  ago,
  DAY_MS,
  type GroupsApp,
  groupsApp,
  type Json,
} from './support/rooms.ts';

describeDb('groups API', (db) => {
  let { app, workspaceId, owner, viewer, marketer, sandboxId, other, call } = {} as GroupsApp;
  beforeAll(async () => {
    ({ app, workspaceId, owner, viewer, marketer, sandboxId, other, call } = await groupsApp(db()));
  });
  afterAll(() => app?.close());

  const get = (url: string, who = viewer) => call(who, 'GET', url);

  describe('the list', () => {
    it('lists every group of every account, newest first, with members, capacity, today and QR', async () => {
      const d = db().db;
      const [real] = await d
        .insert(botAccounts)
        .values({ workspaceId, name: '客服号', puppet: 'wechaty-puppet-service', limits: SAFE_LIMITS })
        .returning();
      const set = await addRoomSet(d, workspaceId, '北京群池', { capacity: 300 });
      const a = await addRoom(d, workspaceId, sandboxId, { topic: '北京瑜伽交流群 1', roomSetId: set.id });
      const b = await addRoom(d, workspaceId, real!.id, {
        topic: '上海读书会',
        capacity: 120,
        open: false,
      });
      const c = await addRoom(d, workspaceId, sandboxId, { topic: 'Empty group' });
      const people = await addContacts(d, workspaceId, sandboxId, ['甲', '乙', '丙', '丁']);
      // Two joined today, one long ago; one left today. "Today" is the workspace's local day: a minute
      // ago is yesterday in the first minute after its midnight (CI ran then once), so today's
      // events are at most a minute old and never before the day began.
      const [ws] = await d.select().from(workspaces).where(eq(workspaces.id, workspaceId));
      const now = new Date();
      const today = new Date(Math.max(now.getTime() - 60_000, dayStart(now, ws!.timeZone).at.getTime()));
      await addMembers(d, a, people, (i) =>
        i < 2
          ? { joinedAt: today }
          : i === 3
            ? { joinedAt: ago(40 * DAY_MS), leftAt: today }
            : { joinedAt: ago(40 * DAY_MS) },
      );
      await addInvites(d, a, await addContacts(d, workspaceId, sandboxId, ['戊']));
      // Another workspace's group is never listed.
      await addRoom(d, other.workspaceId, other.sandboxId, { topic: '北京瑜伽 (other workspace)' });

      const list = await get('/api/rooms');
      expect(list.status).toBe(200);
      expect(list.body.items.map((r: Json) => r.id)).toEqual([c.id, b.id, a.id]);
      const byId = new Map(list.body.items.map((r: Json) => [r.id, r]));
      expect(byId.get(a.id)).toMatchObject({
        topic: '北京瑜伽交流群 1',
        botAccountId: sandboxId,
        memberCount: 3,
        capacity: 300,
        roomSet: '北京群池',
        open: true,
        joinedToday: 2,
        leftToday: 1,
        pendingInvites: 1,
        qr: null,
        qrStatus: 'none',
      });
      expect(byId.get(b.id)).toMatchObject({
        capacity: 120,
        open: false,
        roomSet: null,
        botAccountName: '客服号',
      });
      expect(byId.get(c.id)).toMatchObject({ capacity: 500, memberCount: 0, joinedToday: 0 });

      // Search by a Chinese substring of the topic; filter by set.
      expect(
        (await get(`/api/rooms?q=${encodeURIComponent('瑜伽')}`)).body.items.map((r: Json) => r.id),
      ).toEqual([a.id]);
      expect(
        (await get(`/api/rooms?roomSet=${encodeURIComponent('北京群池')}`)).body.items.map((r: Json) => r.id),
      ).toEqual([a.id]);
      expect((await get('/api/rooms?roomSet=nope')).body.items).toEqual([]);
      // Keyset pages: two, then the rest.
      const first = await get('/api/rooms?limit=2');
      expect(first.body.items).toHaveLength(2);
      const second = await get(`/api/rooms?limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body).toMatchObject({ items: [{ id: a.id }], nextCursor: null });
    });

    it('keeps another workspace’s group out of reach', async () => {
      const theirs = await addRoom(db().db, other.workspaceId, other.sandboxId, { topic: 'Theirs' });
      for (const url of ['', '/messages', '/lurkers', '/members'])
        expect((await get(`/api/rooms/${theirs.id}${url}`)).status, url).toBe(404);
      expect((await call(owner, 'PATCH', `/api/rooms/${theirs.id}`, { open: false })).status).toBe(404);
      expect(
        (await call(owner, 'POST', `/api/rooms/${theirs.id}/cleanup`, { contactIds: [theirs.id] })).body,
      ).toMatchObject({ error: { code: 'not_found', details: { params: { what: 'room' } } } });
      const [row] = await db().db.select().from(rooms).where(eq(rooms.id, theirs.id));
      expect(row!.open).toBe(true);
    });
  });

  describe('settings of a group', () => {
    it('puts a group in a set that exists (404 otherwise), sets its capacity and closes it — marketers and up', async () => {
      const d = db().db;
      const room = await addRoom(d, workspaceId, sandboxId, { topic: 'Settings group' });
      const url = `/api/rooms/${room.id}`;
      expect((await call(viewer, 'PATCH', url, { open: false })).status).toBe(403);
      const missing = await call(marketer, 'PATCH', url, { roomSet: '没有这个群池' });
      expect(missing.status).toBe(404);
      expect(missing.body.error.details.params).toEqual({ what: 'room_set', name: '没有这个群池' });
      // A set of another workspace is no set of this one.
      await addRoomSet(d, other.workspaceId, 'Their set');
      expect((await call(marketer, 'PATCH', url, { roomSet: 'Their set' })).status).toBe(404);

      await addRoomSet(d, workspaceId, '上海群池', { capacity: 200 });
      const patched = await call(marketer, 'PATCH', url, { roomSet: '上海群池', open: false });
      expect(patched.body).toMatchObject({ roomSet: '上海群池', capacity: 200, open: false });
      const own = await call(marketer, 'PATCH', url, { capacity: 80 });
      expect(own.body).toMatchObject({ roomSet: '上海群池', capacity: 80, open: false });
      const back = await call(marketer, 'PATCH', url, { roomSet: null, capacity: null, open: true });
      expect(back.body).toMatchObject({ roomSet: null, capacity: 500, open: true });
      expect((await call(marketer, 'PATCH', url, { capacity: 501 })).status).toBe(400);
    });
  });

  describe('the group’s chat', () => {
    it('shows what members and the bot said in the group, newest first, searchable by Chinese substrings', async () => {
      const d = db().db;
      const room = await addRoom(d, workspaceId, sandboxId, { topic: 'Chat group' });
      const elsewhere = await addRoom(d, workspaceId, sandboxId, { topic: 'Other chat' });
      const [mei, lei] = await addContacts(d, workspaceId, sandboxId, ['小美', '小雷']);
      const say = (
        roomId: string | null,
        contactId: string,
        text: string,
        minutesAgo: number,
        out = false,
      ) => ({
        workspaceId,
        botAccountId: sandboxId,
        contactId,
        roomId,
        direction: out ? ('out' as const) : ('in' as const),
        author: out ? ('bot' as const) : ('contact' as const),
        wechatMessageId: `m-${Math.random()}`,
        text,
        at: ago(minutesAgo * 60_000),
      });
      await d
        .insert(messages)
        .values([
          say(room.id, mei!.id, '大家好，请问周末有优惠活动吗？', 30),
          say(room.id, lei!.id, '我也想知道', 20),
          say(room.id, mei!.id, '欢迎 @小美 ，本周末全场优惠八折！', 10, true),
          say(elsewhere.id, mei!.id, '优惠在别的群', 5),
          say(null, mei!.id, '私聊里的优惠', 4),
        ]);
      const chat = await get(`/api/rooms/${room.id}/messages`);
      expect(chat.status).toBe(200);
      expect(chat.body.map((m: Json) => [m.name, m.direction, m.author, m.text])).toEqual([
        ['', 'out', 'bot', '欢迎 @小美 ，本周末全场优惠八折！'],
        ['小雷', 'in', 'contact', '我也想知道'],
        ['小美', 'in', 'contact', '大家好，请问周末有优惠活动吗？'],
      ]);
      expect(chat.body[0].contactId).toBeNull();
      expect(chat.body[1].contactId).toBe(lei!.id);

      const found = await get(`/api/rooms/${room.id}/messages?q=${encodeURIComponent('优惠')}`);
      expect(found.body.map((m: Json) => m.text)).toEqual([
        '欢迎 @小美 ，本周末全场优惠八折！',
        '大家好，请问周末有优惠活动吗？',
      ]);
      // A LIKE wildcard is searched as itself.
      expect((await get(`/api/rooms/${room.id}/messages?q=${encodeURIComponent('%')}`)).body).toEqual([]);
      const older = await get(`/api/rooms/${room.id}/messages?limit=1&before=${chat.body[0].id}`);
      expect(older.body.map((m: Json) => m.text)).toEqual(['我也想知道']);
    });
  });

  it('lets a viewer read every group endpoint', async () => {
    const room = await addRoom(db().db, workspaceId, sandboxId, { topic: 'Read only' });
    for (const url of [
      '/api/rooms',
      `/api/rooms/${room.id}`,
      `/api/rooms/${room.id}/members`,
      `/api/rooms/${room.id}/messages`,
      `/api/rooms/${room.id}/lurkers`,
      '/api/room-sets',
    ])
      expect((await get(url, viewer)).status, url).toBe(200);
  });
});
