// Groups (API "Groups"): the list of every group of every account, a group's members ranked by the
// messages of the grading window and graded by the workspace's thresholds, the regional-admin flag,
// the group's chat and its search, lurkers and their removal through the outbox — with each role's
// rights and nothing of another workspace reachable.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_KIND_TABLE } from '../runtime/dispatcher/kinds.ts';
import { nextSlot, record } from '../runtime/dispatcher/pacing.ts';
import { SAFE_LIMITS } from '../shared/api/bot-limits.ts';
import { botAccounts, messages, outbox, rooms } from '../shared/db/schema.ts';
import { localDay } from '../shared/time/zoned.ts';
import { describeDb } from './support/db.ts';
import {
  addContacts,
  addDays,
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

/** A seeded generator, so the generated history is the same at every run. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describeDb('groups API', (db) => {
  let { app, workspaceId, owner, viewer, marketer, admin, sandboxId, other, call } = {} as GroupsApp;
  beforeAll(async () => {
    ({ app, workspaceId, owner, viewer, marketer, admin, sandboxId, other, call } = await groupsApp(db()));
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
      // Two joined today, one long ago; one left today.
      await addMembers(d, a, people, (i) =>
        i < 2
          ? { joinedAt: ago(60_000) }
          : i === 3
            ? { joinedAt: ago(40 * DAY_MS), leftAt: ago(60_000) }
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

  describe('members ranked by activity', () => {
    let room: Awaited<ReturnType<typeof addRoom>>;
    let people: { id: string; name: string }[];
    /** Each member's messages per local day over the last 60 days. */
    const history = new Map<string, Map<string, number>>();
    const today = () => localDay(Date.now(), 'Asia/Shanghai');
    const dayBefore = (n: number) => localDay(Date.now() - n * DAY_MS, 'Asia/Shanghai');

    /** Messages in the last `days` local days, as the window counts them. */
    const inWindow = (contactId: string, days: number) => {
      const from = dayBefore(days - 1);
      let n = 0;
      for (const [day, count] of history.get(contactId) ?? []) if (day >= from && day <= today()) n += count;
      return n;
    };

    beforeAll(async () => {
      const d = db().db;
      room = await addRoom(d, workspaceId, sandboxId, { topic: '活跃度排行群' });
      people = await addContacts(
        d,
        workspaceId,
        sandboxId,
        Array.from({ length: 40 }, (_, i) => `成员${String(i).padStart(2, '0')}`),
      );
      const random = seeded(14);
      const rows = [];
      for (const [i, p] of people.entries()) {
        const days = new Map<string, number>();
        // A third are silent; the rest speak with their own rate, some only long ago.
        const rate = i % 3 === 0 ? 0 : random();
        const quietSince = i % 5 === 1 ? 35 : 0;
        for (let n = quietSince; n < 60; n++) {
          const count = random() < rate ? 1 + Math.floor(random() * 4) : 0;
          if (count > 0) days.set(dayBefore(n), count);
        }
        history.set(p.id, days);
        for (const [day, count] of days) rows.push({ roomId: room.id, contactId: p.id, day, count });
      }
      await addDays(d, rows);
      // Other groups' counts of the same people never mix in.
      const elsewhere = await addRoom(d, workspaceId, sandboxId, { topic: 'Elsewhere' });
      await addDays(
        d,
        people.map((p) => ({ roomId: elsewhere.id, contactId: p.id, day: today(), count: 999 })),
      );
      const inviter = people[1]!;
      await addMembers(d, room, people, (i) => ({
        joinedAt: ago((70 - i) * DAY_MS),
        lastMessageAt: history.get(people[i]!.id)!.size ? ago(DAY_MS) : null,
        inviterContactId: i === 7 ? inviter.id : null,
        via: i === 7 ? 'invite' : 'qr',
        // The last two left.
        leftAt: i >= 38 ? ago(2 * DAY_MS) : null,
      }));
    });

    const expectedRanking = (days: number) =>
      people
        .slice(0, 38)
        .map((p, i) => ({ id: p.id, n: inWindow(p.id, days), joined: 70 - i }))
        // Most messages first; ties by who joined first (longest ago).
        .sort((x, y) => y.n - x.n || y.joined - x.joined);

    it('ranks members by messages in the last 30 days and grades them by the workspace thresholds', async () => {
      const detail = await get(`/api/rooms/${room.id}?limit=500`);
      expect(detail.status).toBe(200);
      expect(detail.body.grading).toEqual({ days: 30, active: 20, lurker: 0 });
      expect(detail.body.members.total).toBe(38);
      const expected = expectedRanking(30);
      const items = detail.body.members.items as Json[];
      expect(items.map((m) => [m.contactId, m.messages30d])).toEqual(expected.map((e) => [e.id, e.n]));
      for (const m of items)
        expect(m.grade, m.name).toBe(
          m.messages30d >= 20 ? 'active' : m.messages30d <= 0 ? 'lurker' : 'normal',
        );
      // The generated history has every grade.
      expect(new Set(items.map((m) => m.grade))).toEqual(new Set(['active', 'normal', 'lurker']));
      const invited = items.find((m) => m.contactId === people[7]!.id)!;
      expect(invited).toMatchObject({ via: 'invite', inviter: { id: people[1]!.id, name: '成员01' } });
    });

    it('filters by grade, name and left members, sorts by join or last message, and pages', async () => {
      const expected = expectedRanking(30);
      const active = await get(`/api/rooms/${room.id}/members?grade=active&limit=500`);
      expect(active.body.items.map((m: Json) => m.contactId)).toEqual(
        expected.filter((e) => e.n >= 20).map((e) => e.id),
      );
      expect(active.body.total).toBe(expected.filter((e) => e.n >= 20).length);
      const lurking = await get(`/api/rooms/${room.id}/members?grade=lurker&limit=500`);
      expect(lurking.body.items.map((m: Json) => m.contactId).sort()).toEqual(
        expected
          .filter((e) => e.n === 0)
          .map((e) => e.id)
          .sort(),
      );
      const normal = await get(`/api/rooms/${room.id}/members?grade=normal&limit=500`);
      expect(normal.body.total).toBe(expected.filter((e) => e.n > 0 && e.n < 20).length);

      const page2 = await get(`/api/rooms/${room.id}/members?limit=10&offset=10`);
      expect(page2.body.items.map((m: Json) => m.contactId)).toEqual(expected.slice(10, 20).map((e) => e.id));
      expect(page2.body.total).toBe(38);
      const beyond = await get(`/api/rooms/${room.id}/members?limit=10&offset=100`);
      expect(beyond.body).toEqual({ items: [], total: 38 });

      const withLeft = await get(`/api/rooms/${room.id}/members?left=true&limit=500`);
      expect(withLeft.body.total).toBe(40);
      expect(withLeft.body.items.filter((m: Json) => m.leftAt)).toHaveLength(2);

      const named = await get(`/api/rooms/${room.id}/members?q=${encodeURIComponent('成员0')}`);
      expect(named.body.total).toBe(10);

      const byJoin = await get(`/api/rooms/${room.id}/members?sort=joinedAt&limit=3`);
      expect(byJoin.body.items.map((m: Json) => m.name)).toEqual(['成员37', '成员36', '成员35']);
      const byLast = await get(`/api/rooms/${room.id}/members?sort=lastMessageAt&limit=500`);
      const last = byLast.body.items.map((m: Json) => m.lastMessageAt);
      expect(last.indexOf(null)).toBe(last.filter((x: unknown) => x !== null).length);
    });

    it('marks regional admins (marketer and up) and filters by the flag', async () => {
      const target = people[3]!;
      const url = `/api/rooms/${room.id}/members/${target.id}`;
      expect((await call(viewer, 'PATCH', url, { isAdmin: true })).status).toBe(403);
      const set = await call(marketer, 'PATCH', url, { isAdmin: true });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ contactId: target.id, isAdmin: true, name: '成员03' });
      const admins = await get(`/api/rooms/${room.id}?admin=true`);
      expect(admins.body.members.items.map((m: Json) => m.contactId)).toEqual([target.id]);
      const others = await get(`/api/rooms/${room.id}/members?admin=false&limit=500`);
      expect(others.body.total).toBe(37);
      // Someone who is no member of this group.
      const [stranger] = await addContacts(db().db, workspaceId, sandboxId, ['路人']);
      const missing = await call(marketer, 'PATCH', `/api/rooms/${room.id}/members/${stranger!.id}`, {
        isAdmin: true,
      });
      expect(missing.body.error).toMatchObject({
        code: 'not_found',
        details: { params: { what: 'room_member' } },
      });
    });

    it('grades by the thresholds and window Settings give (owner/admin set them; a bad pair is refused)', async () => {
      const grades = { days: 7, active: 6, lurker: 1 };
      expect((await call(marketer, 'PATCH', '/api/workspace', { activityGrades: grades })).status).toBe(403);
      const bad = await call(admin, 'PATCH', '/api/workspace', {
        activityGrades: { days: 7, active: 3, lurker: 3 },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details).toEqual([
        expect.objectContaining({
          path: 'body.activityGrades.lurker',
          params: { code: 'lurker_below_active' },
        }),
      ]);
      expect(
        (await call(admin, 'PATCH', '/api/workspace', { activityGrades: { ...grades, days: 0 } })).status,
      ).toBe(400);
      const saved = await call(admin, 'PATCH', '/api/workspace', { activityGrades: grades });
      expect(saved.body.activityGrades).toEqual(grades);
      expect((await get('/api/workspace')).body.activityGrades).toEqual(grades);

      const detail = await get(`/api/rooms/${room.id}?limit=500`);
      expect(detail.body.grading).toEqual(grades);
      const expected = expectedRanking(7);
      expect(detail.body.members.items.map((m: Json) => [m.contactId, m.messages30d, m.grade])).toEqual(
        expected.map((e) => [e.id, e.n, e.n >= 6 ? 'active' : e.n <= 1 ? 'lurker' : 'normal']),
      );
      await call(owner, 'PATCH', '/api/workspace', { activityGrades: { days: 30, active: 20, lurker: 0 } });
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

  describe('lurkers and their removal', () => {
    let room: Awaited<ReturnType<typeof addRoom>>;
    let people: { id: string; puppetId: string; name: string }[];

    beforeAll(async () => {
      const d = db().db;
      room = await addRoom(d, workspaceId, sandboxId, { topic: '潜水清理群', botIsAdmin: true });
      people = await addContacts(d, workspaceId, sandboxId, [
        '新来的',
        '老潜水',
        '说过话',
        '最近说话',
        '走了的',
        '群主',
      ]);
      await d.update(rooms).set({ ownerPuppetId: people[5]!.puppetId }).where(eq(rooms.id, room.id));
      await addMembers(
        d,
        room,
        people,
        (i) =>
          [
            { joinedAt: ago(3 * DAY_MS) },
            { joinedAt: ago(40 * DAY_MS) },
            { joinedAt: ago(40 * DAY_MS), lastMessageAt: ago(20 * DAY_MS) },
            { joinedAt: ago(40 * DAY_MS), lastMessageAt: ago(DAY_MS) },
            { joinedAt: ago(40 * DAY_MS), leftAt: ago(DAY_MS) },
            { joinedAt: ago(90 * DAY_MS) },
          ][i]!,
      );
    });

    it('lists members silent that long since joining and since their last message, longest silent first', async () => {
      const fortnight = await get(`/api/rooms/${room.id}/lurkers`);
      expect(fortnight.status).toBe(200);
      expect(fortnight.body.silentFor).toBe('P14D');
      expect(fortnight.body.items.map((l: Json) => l.name)).toEqual(['群主', '老潜水', '说过话']);
      const month = await get(`/api/rooms/${room.id}/lurkers?silentFor=P30D`);
      expect(month.body.items.map((l: Json) => l.name)).toEqual(['群主', '老潜水']);
      const twoDays = await get(`/api/rooms/${room.id}/lurkers?silentFor=P2D`);
      expect(twoDays.body.items.map((l: Json) => l.name)).toEqual(['群主', '老潜水', '说过话', '新来的']);
      for (const bad of ['14', 'P400D', 'soon'])
        expect((await get(`/api/rooms/${room.id}/lurkers?silentFor=${bad}`)).status, bad).toBe(400);
    });

    it('queues one paced room_remove per member still in the group (never the owner); owners and admins only', async () => {
      const ids = people.map((p) => p.id);
      const url = `/api/rooms/${room.id}/cleanup`;
      expect((await call(marketer, 'POST', url, { contactIds: ids })).status).toBe(403);
      expect((await call(viewer, 'POST', url, { contactIds: ids })).status).toBe(403);
      expect((await call(admin, 'POST', url, { contactIds: [] })).status).toBe(400);
      const cleanup = await call(admin, 'POST', url, { contactIds: [...ids, ids[1]] });
      expect(cleanup).toEqual({ status: 202, body: { queued: 4 } });
      const rows = await db()
        .db.select()
        .from(outbox)
        .where(and(eq(outbox.kind, 'room_remove'), eq(outbox.botAccountId, sandboxId)));
      expect(rows.map((r) => r.contactId).sort()).toEqual(ids.slice(0, 4).sort());
      for (const row of rows) {
        expect(row).toMatchObject({
          workspaceId,
          status: 'queued',
          payload: { roomId: room.id, reason: 'cleanup' },
          idempotencyKey: OUTBOX_KIND_TABLE.room_remove!.key({ roomId: room.id, contactId: row.contactId! }),
        });
      }
      // Asked again: the same removals are not queued twice.
      expect((await call(owner, 'POST', url, { contactIds: ids })).body).toEqual({ queued: 0 });
    });

    it('paces removals by the account’s removal budget: at most 10 an hour on a real account', () => {
      const budget = OUTBOX_KIND_TABLE.room_remove!.budget(SAFE_LIMITS);
      let state = null;
      let t = Date.UTC(2026, 0, 5, 2);
      const times: number[] = [];
      for (let i = 0; i < 25; i++) {
        t = nextSlot(budget, state, 'room_remove', t, 'Asia/Shanghai').at;
        times.push(t);
        state = record(budget, SAFE_LIMITS.jitterMs, state, 'room_remove', t, 'Asia/Shanghai', () => 0.5);
      }
      for (const start of times)
        expect(times.filter((x) => x >= start && x < start + 3_600_000).length).toBeLessThanOrEqual(10);
      expect(times.at(-1)! - times[0]!).toBeGreaterThan(2 * 3_600_000);
    });

    it('refuses with 409 room_not_managed where the bot neither owns nor manages the group', async () => {
      const d = db().db;
      const unmanaged = await addRoom(d, workspaceId, sandboxId, { topic: '别人的群', botIsAdmin: false });
      const [someone] = await addContacts(d, workspaceId, sandboxId, ['someone']);
      await addMembers(d, unmanaged, [someone!]);
      const refused = await call(owner, 'POST', `/api/rooms/${unmanaged.id}/cleanup`, {
        contactIds: [someone!.id],
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'room_not_managed',
        details: { params: { topic: '别人的群' } },
      });
      const rows = await d.select().from(outbox).where(eq(outbox.contactId, someone!.id));
      expect(rows).toEqual([]);
      const listed = await get(`/api/rooms/${unmanaged.id}`);
      expect(listed.body.botIsAdmin).toBe(false);
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
