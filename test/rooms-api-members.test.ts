// A group's members (API "Groups") ranked by the messages of the grading window over a generated
// history and graded by the workspace's thresholds (owner/admin set them), filtered, sorted and
// paged, and the regional-admin flag (marketer and up).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../shared/time/zoned.ts';
import { describeDb } from './support/db.ts';
import {
  addContacts,
  addDays,
  addMembers,
  addRoom,
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
  let { app, workspaceId, owner, viewer, marketer, admin, sandboxId, call } = {} as GroupsApp;
  beforeAll(async () => {
    ({ app, workspaceId, owner, viewer, marketer, admin, sandboxId, call } = await groupsApp(db()));
  });
  afterAll(() => app?.close());

  const get = (url: string, who = viewer) => call(who, 'GET', url);

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
});
