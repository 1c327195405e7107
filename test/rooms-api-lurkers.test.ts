// A group's lurkers (API "Groups"): members silent that long, and their removal queued through the
// outbox, paced by the account's removal budget, never the owner, owners and admins only, and refused
// where the bot neither owns nor manages the group.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_KIND_TABLE } from '../runtime/dispatcher/kinds.ts';
import { nextSlot, record } from '../runtime/dispatcher/pacing.ts';
import { SAFE_LIMITS } from '../shared/api/bot-limits.ts';
import { outbox, rooms } from '../shared/db/schema.ts';
import { describeDb } from './support/db.ts';
import {
  addContacts,
  addMembers,
  addRoom,
  ago,
  DAY_MS,
  type GroupsApp,
  groupsApp,
  type Json,
} from './support/rooms.ts';

describeDb('groups API', (db) => {
  let { app, workspaceId, owner, viewer, marketer, admin, sandboxId, call } = {} as GroupsApp;
  beforeAll(async () => {
    ({ app, workspaceId, owner, viewer, marketer, admin, sandboxId, call } = await groupsApp(db()));
  });
  afterAll(() => app?.close());

  const get = (url: string, who = viewer) => call(who, 'GET', url);

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
});
