// The groups of a workspace (API "Groups"): every group of every account with its member count and
// capacity, today's joins and leaves, its room set and QR code; a group's settings (set, capacity,
// open) and its QR upload. Times are on the group's account clock: a sandbox account's runs ahead.
import { and, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { lockRoomMembers } from '../../runtime/db/contact-row.ts';
import { encodeCursor } from '../../shared/api/common.ts';
import { mediaUrl } from '../../shared/api/media.ts';
import { type ActivityGrades, QR_LIFETIME_DAYS, type RoomItem } from '../../shared/api/rooms.ts';
import { botAccounts, roomSets, rooms, workspaces } from '../../shared/db/schema.ts';
import { notFound } from '../errors.ts';
import { storeUpload } from '../media/media.ts';
import { findRoomSet } from './room-sets.ts';
import { accountNow, capacityOf, DAY_MS, pendingInvitesOf, qrStatusOf, roomClock } from './seats.ts';

/** The first instant of today in the workspace's zone, on the account's clock (`workspaces` joined too). */
const startOfToday = (now: Date) =>
  sql`(date_trunc('day', ${accountNow(now)} at time zone ${workspaces.timeZone}) at time zone ${workspaces.timeZone})`;

const roomColumns = (now: Date) => ({
  id: rooms.id,
  workspaceId: rooms.workspaceId,
  topic: rooms.topic,
  botAccountId: rooms.botAccountId,
  botAccountName: botAccounts.name,
  clockOffsetMs: botAccounts.clockOffsetMs,
  ownerPuppetId: rooms.ownerPuppetId,
  memberCount: rooms.memberCount,
  ownCapacity: rooms.capacity,
  setCapacity: roomSets.capacity,
  roomSetId: rooms.roomSetId,
  roomSet: roomSets.name,
  open: rooms.open,
  botIsAdmin: rooms.botIsAdmin,
  qrMediaId: rooms.qrMediaId,
  qrExpiresAt: rooms.qrExpiresAt,
  createdAt: rooms.createdAt,
  timeZone: workspaces.timeZone,
  activityGrades: workspaces.activityGrades,
  joinedToday: sql<number>`(select count(*)::int from room_members m
    where m.room_id = ${rooms.id} and m.joined_at >= ${startOfToday(now)})`,
  leftToday: sql<number>`(select count(*)::int from room_members m
    where m.room_id = ${rooms.id} and m.left_at >= ${startOfToday(now)})`,
  pendingInvites: pendingInvitesOf(now),
});

/** A group as the API reads it, with what its members and actions need (account clock, zone, grades). */
export interface RoomRow {
  id: string;
  workspaceId: string;
  topic: string;
  botAccountId: string;
  botAccountName: string;
  clockOffsetMs: number;
  ownerPuppetId: string | null;
  memberCount: number;
  ownCapacity: number | null;
  setCapacity: number | null;
  roomSetId: string | null;
  roomSet: string | null;
  open: boolean;
  botIsAdmin: boolean;
  qrMediaId: string | null;
  qrExpiresAt: Date | null;
  createdAt: Date;
  timeZone: string;
  activityGrades: ActivityGrades;
  joinedToday: number;
  leftToday: number;
  pendingInvites: number;
}

const selectRooms = (db: Db, now: Date) =>
  db
    .select(roomColumns(now))
    .from(rooms)
    .innerJoin(botAccounts, eq(botAccounts.id, rooms.botAccountId))
    .innerJoin(workspaces, eq(workspaces.id, rooms.workspaceId))
    .leftJoin(roomSets, eq(roomSets.id, rooms.roomSetId));

export function roomView(r: RoomRow, now: Date): RoomItem {
  const clock = roomClock(r, now.getTime());
  const hasQr = r.qrMediaId !== null && r.qrExpiresAt !== null;
  return {
    id: r.id,
    topic: r.topic,
    botAccountId: r.botAccountId,
    botAccountName: r.botAccountName,
    memberCount: r.memberCount,
    capacity: capacityOf(r),
    ownCapacity: r.ownCapacity,
    roomSet: r.roomSet,
    open: r.open,
    botIsAdmin: r.botIsAdmin,
    joinedToday: r.joinedToday,
    leftToday: r.leftToday,
    pendingInvites: r.pendingInvites,
    qr: hasQr ? { url: mediaUrl(r.qrMediaId!), expiresAt: r.qrExpiresAt!.toISOString() } : null,
    qrStatus: hasQr ? qrStatusOf(r.qrExpiresAt, clock) : 'none',
    clockNow: clock.toISOString(),
  };
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export async function listRooms(
  db: Db,
  workspaceId: string,
  query: { q?: string; roomSet?: string; limit: number; cursor?: { at: Date; id: string } },
) {
  const now = new Date();
  const where: (SQL | undefined)[] = [eq(rooms.workspaceId, workspaceId)];
  if (query.q) where.push(ilike(rooms.topic, like(query.q)));
  if (query.roomSet) where.push(eq(roomSets.name, query.roomSet));
  if (query.cursor)
    where.push(sql`(${rooms.createdAt}, ${rooms.id}) < (${query.cursor.at}, ${query.cursor.id}::uuid)`);
  const rows = await selectRooms(db, now)
    .where(and(...where))
    .orderBy(desc(rooms.createdAt), desc(rooms.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => roomView(r, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

/** A group of the workspace; another workspace's is not found. */
export async function findRoom(db: Db, workspaceId: string, id: string, now = new Date()): Promise<RoomRow> {
  const [row] = await selectRooms(db, now).where(and(eq(rooms.id, id), eq(rooms.workspaceId, workspaceId)));
  if (!row) throw notFound('room');
  return row;
}

export async function patchRoom(
  db: Db,
  workspaceId: string,
  id: string,
  patch: { roomSet?: string | null; capacity?: number | null; open?: boolean },
): Promise<RoomItem> {
  const room = await findRoom(db, workspaceId, id);
  const set: Partial<typeof rooms.$inferInsert> = {};
  if (patch.roomSet !== undefined)
    set.roomSetId = patch.roomSet === null ? null : (await findRoomSet(db, workspaceId, patch.roomSet)).id;
  if (patch.capacity !== undefined) set.capacity = patch.capacity;
  if (patch.open !== undefined) set.open = patch.open;
  if (Object.keys(set).length > 0)
    await db.transaction(async (tx) => {
      // Another set changes the members' groups-left facts: their contacts first (contact-row.ts).
      if (set.roomSetId !== undefined) await lockRoomMembers(tx, [room.id]);
      await tx.update(rooms).set(set).where(eq(rooms.id, room.id));
    });
  const now = new Date();
  return roomView(await findRoom(db, workspaceId, id, now), now);
}

/** The group's QR code (an image upload) and when WeChat expires it: 7 days from now unless told. */
export async function setRoomQr(
  db: Db,
  workspaceId: string,
  id: string,
  body: unknown,
  expiresAt?: string,
): Promise<{ url: string; expiresAt: string }> {
  const room = await findRoom(db, workspaceId, id);
  const file = await storeUpload(db, workspaceId, body, `qr-${room.id}`);
  const expires = expiresAt
    ? new Date(expiresAt)
    : new Date(roomClock(room).getTime() + QR_LIFETIME_DAYS * DAY_MS);
  await db.update(rooms).set({ qrMediaId: file.id, qrExpiresAt: expires }).where(eq(rooms.id, room.id));
  return { url: file.url, expiresAt: expires.toISOString() };
}
