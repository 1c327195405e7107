// Room sets and the group live code (API "Groups"): sets with their capacity, seats left (pending
// invites taken) and warnings; a group's QR code upload; the public `/j/<slug>` page that shows the
// QR code of the group that can take someone now — skipping full, closed, expired and scan-full
// groups — counts a scan per view, and says "full, try later" in the visitor's language.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveCodeRoomFor } from '../server/rooms/live-code.ts';
import { botAccounts, roomSetDays, rooms } from '../shared/db/schema.ts';
import { localDay } from '../shared/time/zoned.ts';
import { login, type Session } from './support/app.ts';
import { describeDb } from './support/db.ts';
import {
  addContacts,
  addInvites,
  addMembers,
  addRoom,
  DAY_MS,
  type GroupsApp,
  groupsApp,
  type Json,
  PNG,
} from './support/rooms.ts';

/** A second image (a 2×1 PNG), so two QR codes are two files. */
const PNG2 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mNk+M/AwMDAxAAAEQMBA0wGkVgAAAAASUVORK5CYII=',
  'base64',
);

describeDb('room sets and the live code', (db) => {
  let { app, workspaceId, owner, viewer, marketer, sandboxId, other, call } = {} as GroupsApp;
  beforeAll(async () => {
    ({ app, workspaceId, owner, viewer, marketer, sandboxId, other, call } = await groupsApp(db()));
  });
  afterAll(() => app?.close());

  const uploadQr = (who: Session, roomId: string, image = PNG, query = '') =>
    app.inject({
      method: 'PUT',
      url: `/api/rooms/${roomId}/qr${query}`,
      payload: image,
      headers: { ...who.headers, 'content-type': 'image/png' },
    });
  const visit = (slug: string, language?: string, method: 'GET' | 'HEAD' = 'GET') =>
    app.inject({ method, url: `/j/${slug}`, headers: language ? { 'accept-language': language } : {} });
  const scansToday = async (setId: string) => {
    const rows = await db().db.select().from(roomSetDays).where(eq(roomSetDays.roomSetId, setId));
    return rows.find((r) => r.day === localDay(Date.now(), 'Asia/Shanghai'))?.scans ?? 0;
  };

  it('creates sets (marketer and up, 450 seats by default), refuses a name twice, renames and deletes', async () => {
    expect((await call(viewer, 'POST', '/api/room-sets', { name: '体验课群' })).status).toBe(403);
    const created = await call(marketer, 'POST', '/api/room-sets', { name: '体验课群' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: '体验课群',
      capacity: 450,
      rooms: 0,
      seatsLeft: 0,
      warnings: ['low_seats'],
      liveCode: null,
    });
    const twice = await call(marketer, 'POST', '/api/room-sets', { name: '体验课群', capacity: 100 });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({
      code: 'room_set_exists',
      details: { params: { name: '体验课群' } },
    });
    // Another workspace may use the same name.
    const theirs = await call(await login(app, other.owner), 'POST', '/api/room-sets', { name: '体验课群' });
    expect(theirs.status).toBe(201);

    await call(marketer, 'POST', '/api/room-sets', { name: 'Spare', capacity: 10 });
    const clash = await call(marketer, 'PATCH', `/api/room-sets/Spare`, { name: '体验课群' });
    expect(clash.body.error).toMatchObject({ code: 'room_set_exists' });
    const renamed = await call(marketer, 'PATCH', '/api/room-sets/Spare', { name: 'Spare 2', capacity: 20 });
    expect(renamed.body).toMatchObject({ name: 'Spare 2', capacity: 20 });
    expect((await call(marketer, 'PATCH', '/api/room-sets/Spare', { capacity: 5 })).status).toBe(404);
    const room = await addRoom(db().db, workspaceId, sandboxId, { topic: 'In spare' });
    await call(marketer, 'PATCH', `/api/rooms/${room.id}`, { roomSet: 'Spare 2' });
    expect((await call(viewer, 'DELETE', '/api/room-sets/Spare%202')).status).toBe(403);
    expect((await call(marketer, 'DELETE', '/api/room-sets/Spare%202')).status).toBe(204);
    // The group stays, in no set.
    expect((await call(viewer, 'GET', `/api/rooms/${room.id}`)).body).toMatchObject({ roomSet: null });
    const names = (await call(viewer, 'GET', '/api/room-sets')).body.map((s: Json) => s.name);
    expect(names).toEqual(['体验课群']);
  });

  it('counts seats left in open groups below capacity (pending invites taken) and warns below 50', async () => {
    const d = db().db;
    await call(marketer, 'POST', '/api/room-sets', { name: 'Seats', capacity: 40 });
    const sets = () =>
      call(viewer, 'GET', '/api/room-sets').then((r) => r.body.find((s: Json) => s.name === 'Seats'));
    const a = await addRoom(d, workspaceId, sandboxId, { topic: 'Seats A' });
    const b = await addRoom(d, workspaceId, sandboxId, { topic: 'Seats B', capacity: 30 });
    const closed = await addRoom(d, workspaceId, sandboxId, { topic: 'Seats closed', open: false });
    for (const r of [a, b, closed]) await call(marketer, 'PATCH', `/api/rooms/${r.id}`, { roomSet: 'Seats' });
    const people = await addContacts(d, workspaceId, sandboxId, ['1', '2', '3', '4', '5']);
    await addMembers(d, a, people.slice(0, 3));
    await addInvites(d, a, people.slice(3, 5));
    // A: 40 − 3 members − 2 invites = 35; B: 30; closed: none.
    expect(await sets()).toMatchObject({ rooms: 3, openRooms: 2, members: 3, seatsLeft: 65, warnings: [] });
    await call(marketer, 'PATCH', `/api/rooms/${b.id}`, { open: false });
    expect(await sets()).toMatchObject({ seatsLeft: 35, warnings: ['low_seats'] });
  });

  it('uploads a group’s QR code (expires in 7 days unless told), shown in the list with its state', async () => {
    const room = await addRoom(db().db, workspaceId, sandboxId, { topic: 'QR group' });
    expect((await uploadQr(viewer, room.id)).statusCode).toBe(403);
    const uploaded = await uploadQr(marketer, room.id);
    expect(uploaded.statusCode).toBe(200);
    const { url, expiresAt } = uploaded.json();
    expect(url).toMatch(/^\/api\/media\/[0-9a-f-]{36}$/);
    expect(Math.abs(Date.parse(expiresAt) - (Date.now() + 7 * DAY_MS))).toBeLessThan(60_000);
    expect((await app.inject({ url, headers: { cookie: viewer.cookie } })).rawPayload).toEqual(PNG);

    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const again = await uploadQr(marketer, room.id, PNG2, `?expiresAt=${soon}`);
    expect(again.json().expiresAt).toBe(soon);
    const item = (await call(viewer, 'GET', `/api/rooms/${room.id}`)).body;
    expect(item).toMatchObject({ qr: { expiresAt: soon }, qrStatus: 'expiring' });
    expect(item.qr.url).not.toBe(url);

    const json = await app.inject({
      method: 'PUT',
      url: `/api/rooms/${room.id}/qr`,
      payload: { image: 'no' },
      headers: marketer.headers,
    });
    expect(json.statusCode).toBe(415);
    const text = await uploadQr(marketer, room.id, Buffer.from('not an image'));
    expect(text.statusCode).toBe(415);
    expect((await uploadQr(marketer, room.id, PNG, '?expiresAt=tomorrow')).statusCode).toBe(400);
    const theirs = await addRoom(db().db, other.workspaceId, other.sandboxId);
    expect((await uploadQr(owner, theirs.id)).statusCode).toBe(404);
  });

  describe('the live code', () => {
    let setId: string;
    let shown: Json;

    beforeAll(async () => {
      const d = db().db;
      const created = await call(marketer, 'POST', '/api/room-sets', { name: '活码群池', capacity: 450 });
      setId = created.body.id;
      const inSet = async (topic: string, values: Partial<typeof rooms.$inferInsert>, members = 0) => {
        const room = await addRoom(d, workspaceId, sandboxId, { topic, ...values });
        await call(marketer, 'PATCH', `/api/rooms/${room.id}`, { roomSet: '活码群池' });
        if (members > 0) await d.update(rooms).set({ memberCount: members }).where(eq(rooms.id, room.id));
        const upload = await uploadQr(marketer, room.id, Buffer.concat([PNG, Buffer.from(topic)]));
        expect(upload.statusCode).toBe(200);
        return room;
      };
      // Oldest first: each of these is skipped for its own reason.
      await inSet('已满的群', { capacity: 10 }, 10);
      await inSet('扫码满 200 的群', {}, 200);
      await inSet('关闭的群', { open: false });
      const expired = await inSet('二维码过期的群', {});
      await d
        .update(rooms)
        .set({ qrExpiresAt: new Date(Date.now() - 60_000) })
        .where(eq(rooms.id, expired.id));
      await addRoom(d, workspaceId, sandboxId, { topic: '没有二维码的群', roomSetId: setId });
      const invited = await inSet('邀请占满的群', { capacity: 2 });
      await addInvites(d, invited, await addContacts(d, workspaceId, sandboxId, ['a', 'b']));
      shown = await inSet('北京瑜伽 3 群 <新>', {}, 120);
      await inSet('后面的群', {});
    });

    it('gives a set a public address (marketer and up); an address is one set’s, everywhere', async () => {
      const body = { slug: 'yoga-beijing', tags: ['活码', '瑜伽', '活码'] };
      expect((await call(viewer, 'PUT', '/api/room-sets/活码群池/live-code', body)).status).toBe(403);
      for (const slug of ['Yoga', 'ab', '-yoga', 'yoga beijing', 'x'.repeat(41)]) {
        const bad = await call(marketer, 'PUT', '/api/room-sets/活码群池/live-code', { slug });
        expect(bad.body.error.details[0].params, slug).toEqual({ code: 'live_code_slug' });
      }
      const set = await call(
        marketer,
        'PUT',
        `/api/room-sets/${encodeURIComponent('活码群池')}/live-code`,
        body,
      );
      expect(set.body).toMatchObject({
        liveCode: { slug: 'yoga-beijing', tags: ['活码', '瑜伽'], url: '/j/yoga-beijing' },
      });
      // The expired code, the group without one: the set says so.
      expect(set.body.warnings).toEqual(expect.arrayContaining(['qr_expired', 'no_qr']));
      const theirs = await call(await login(app, other.owner), 'POST', '/api/room-sets', { name: 'Theirs' });
      const taken = await call(await login(app, other.owner), 'PUT', '/api/room-sets/Theirs/live-code', {
        slug: 'yoga-beijing',
      });
      expect(theirs.status).toBe(201);
      expect(taken.body.error).toMatchObject({
        code: 'live_code_taken',
        details: { params: { slug: 'yoga-beijing' } },
      });
    });

    it('shows the first group with room now, skipping full, scan-full, closed, expired and invite-held ones', async () => {
      const page = await visit('yoga-beijing', 'zh-CN,zh;q=0.9,en;q=0.8');
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['content-security-policy']).toMatch(/default-src 'none'.*style-src 'sha256-/);
      expect(page.body).not.toMatch(/<script/i);
      expect(page.body).toContain('<html lang="zh-CN">');
      expect(page.body).toContain('北京瑜伽 3 群 &lt;新&gt;');
      expect(page.body).toContain('长按下方二维码');
      const qr = await app.inject({ url: '/j/yoga-beijing/qr' });
      expect(qr.statusCode).toBe(200);
      expect(qr.headers['content-type']).toBe('image/png');
      expect(qr.rawPayload).toEqual(Buffer.concat([PNG, Buffer.from('北京瑜伽 3 群 <新>')]));

      const live = await liveCodeRoomFor(db().db, 'yoga-beijing');
      expect(live).toMatchObject({ set: { id: setId, tags: ['活码', '瑜伽'] }, room: { id: shown.id } });
      expect(await liveCodeRoomFor(db().db, 'no-such-code')).toBeNull();
    });

    it('moves on when that group fills, and says "full, try later" in the visitor’s language when none can take anyone', async () => {
      const d = db().db;
      await d.update(rooms).set({ memberCount: 450 }).where(eq(rooms.id, shown.id));
      expect((await visit('yoga-beijing', 'en-US,en;q=0.9')).body).toContain('后面的群');
      await d.update(rooms).set({ open: false }).where(eq(rooms.topic, '后面的群'));
      const full = await visit('yoga-beijing', 'en-US,en;q=0.9,zh;q=0.5');
      expect(full.statusCode).toBe(200);
      expect(full.body).toContain('<html lang="en">');
      expect(full.body).toContain('The groups are full right now');
      expect(full.body).toContain('data-state="full"');
      expect((await visit('yoga-beijing', 'fr-FR,zh-TW;q=0.8')).body).toContain('群暂时满了');
      expect((await app.inject({ url: '/j/yoga-beijing/qr' })).statusCode).toBe(404);
      await d.update(rooms).set({ memberCount: 120 }).where(eq(rooms.id, shown.id));
    });

    it('counts a scan per page view (not a HEAD), per day, in the live code stats', async () => {
      const before = await scansToday(setId);
      await visit('yoga-beijing');
      await visit('yoga-beijing');
      await visit('yoga-beijing', undefined, 'HEAD');
      expect(await scansToday(setId)).toBe(before + 2);
      const stats = await call(
        viewer,
        'GET',
        `/api/room-sets/${encodeURIComponent('活码群池')}/live-code/stats?days=7`,
      );
      expect(stats.status).toBe(200);
      expect(stats.body.days).toHaveLength(7);
      expect(stats.body.days.at(-1)).toEqual({
        day: localDay(Date.now(), 'Asia/Shanghai'),
        scans: before + 2,
        joins: 0,
      });
      expect(stats.body.days.slice(0, 6).every((d: Json) => d.scans === 0)).toBe(true);
      expect((await call(viewer, 'GET', '/api/room-sets/nope/live-code/stats')).status).toBe(404);
    });

    it('answers an unknown or malformed address with a friendly 404 page', async () => {
      for (const slug of ['no-such-code', 'UPPER', '%E4%BD%A0%E5%A5%BD', 'x'.repeat(60)]) {
        const page = await visit(slug, 'en');
        expect(page.statusCode, slug).toBe(404);
        expect(page.body, slug).toContain('This live code does not exist');
      }
    });

    it('reads the groups’ QR expiry on their account’s clock (a sandbox clock ahead expires them sooner)', async () => {
      const d = db().db;
      await d
        .update(botAccounts)
        .set({ clockOffsetMs: 8 * DAY_MS })
        .where(eq(botAccounts.id, sandboxId));
      try {
        expect((await visit('yoga-beijing', 'en')).body).toContain('data-state="full"');
      } finally {
        await d.update(botAccounts).set({ clockOffsetMs: 0 }).where(eq(botAccounts.id, sandboxId));
      }
      expect((await visit('yoga-beijing', 'en')).body).toContain('data-state="room"');
    });

    it('stops serving a set whose live code was taken off', async () => {
      const off = await call(
        marketer,
        'DELETE',
        `/api/room-sets/${encodeURIComponent('活码群池')}/live-code`,
      );
      expect(off.body.liveCode).toBeNull();
      expect((await visit('yoga-beijing')).statusCode).toBe(404);
    });
  });
});
