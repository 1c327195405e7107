// Room sets (群池): named sets of groups with a capacity that `invite_room` and the live code rotate
// through. Each set is listed with its groups, the seats left in its open groups (pending invites
// count as taken) and what needs the marketer: few seats left, QR codes expiring, expired or missing.
import { and, asc, eq, gte, isNotNull } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { lockRoomMembers } from '../../runtime/db/contact-row.ts';
import {
  type LiveCodeStats,
  LOW_SEATS,
  liveCodePath,
  QR_SCAN_LIMIT,
  type RoomSetItem,
  type RoomSetWarning,
} from '../../shared/api/rooms.ts';
import { botAccounts, roomSetDays, roomSets, rooms, workspaces } from '../../shared/db/schema.ts';
import { localDay } from '../../shared/time/zoned.ts';
import { HttpError, notFound } from '../errors.ts';
import { capacityOf, daysUntil, pendingInvitesOf, qrStatusOf, roomClock } from './seats.ts';

type RoomSetRow = typeof roomSets.$inferSelect;

export async function findRoomSet(db: Db, workspaceId: string, name: string): Promise<RoomSetRow> {
  const [row] = await db
    .select()
    .from(roomSets)
    .where(and(eq(roomSets.workspaceId, workspaceId), eq(roomSets.name, name)));
  if (!row) throw notFound('room_set', { name });
  return row;
}

/** The groups of the workspace's sets, with what seats and warnings are counted from. */
async function setRooms(db: Db, workspaceId: string, now: Date) {
  return db
    .select({
      roomSetId: rooms.roomSetId,
      open: rooms.open,
      memberCount: rooms.memberCount,
      ownCapacity: rooms.capacity,
      setCapacity: roomSets.capacity,
      qrMediaId: rooms.qrMediaId,
      qrExpiresAt: rooms.qrExpiresAt,
      clockOffsetMs: botAccounts.clockOffsetMs,
      pendingInvites: pendingInvitesOf(now),
    })
    .from(rooms)
    .innerJoin(roomSets, eq(roomSets.id, rooms.roomSetId))
    .innerJoin(botAccounts, eq(botAccounts.id, rooms.botAccountId))
    .where(and(eq(rooms.workspaceId, workspaceId), isNotNull(rooms.roomSetId)));
}

type SetRoom = Awaited<ReturnType<typeof setRooms>>[number];

const seatsOf = (r: SetRoom) => (r.open ? Math.max(0, capacityOf(r) - r.memberCount - r.pendingInvites) : 0);

function setView(set: RoomSetRow, members: SetRoom[], now: Date): RoomSetItem {
  const seatsLeft = members.reduce((n, r) => n + seatsOf(r), 0);
  const warnings = new Set<RoomSetWarning>();
  if (seatsLeft < LOW_SEATS) warnings.add('low_seats');
  // A QR code matters where the live code could show it: open groups with seats, below the scan limit.
  if (set.liveCodeSlug)
    for (const r of members) {
      if (seatsOf(r) === 0 || r.memberCount >= QR_SCAN_LIMIT) continue;
      const status = r.qrMediaId ? qrStatusOf(r.qrExpiresAt, roomClock(r, now.getTime())) : 'none';
      if (status === 'none') warnings.add('no_qr');
      else if (status === 'expired') warnings.add('qr_expired');
      else if (status === 'expiring') warnings.add('qr_expiring');
    }
  return {
    id: set.id,
    name: set.name,
    capacity: set.capacity,
    rooms: members.length,
    openRooms: members.filter((r) => r.open).length,
    members: members.reduce((n, r) => n + r.memberCount, 0),
    seatsLeft,
    warnings: [...warnings],
    liveCode: set.liveCodeSlug
      ? { slug: set.liveCodeSlug, tags: set.liveCodeTags, url: liveCodePath(set.liveCodeSlug) }
      : null,
  };
}

export async function listRoomSets(db: Db, workspaceId: string): Promise<RoomSetItem[]> {
  const now = new Date();
  const sets = await db
    .select()
    .from(roomSets)
    .where(eq(roomSets.workspaceId, workspaceId))
    .orderBy(asc(roomSets.name));
  const all = await setRooms(db, workspaceId, now);
  return sets.map((s) =>
    setView(
      s,
      all.filter((r) => r.roomSetId === s.id),
      now,
    ),
  );
}

async function roomSetItem(db: Db, workspaceId: string, name: string): Promise<RoomSetItem> {
  const now = new Date();
  const set = await findRoomSet(db, workspaceId, name);
  const members = (await setRooms(db, workspaceId, now)).filter((r) => r.roomSetId === set.id);
  return setView(set, members, now);
}

/** PostgreSQL's unique_violation, through either driver (drizzle keeps the driver's error as `cause`). */
const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
};

const setExists = (name: string) =>
  new HttpError('room_set_exists', `There is a room set named ${name} already`, { name });

export async function createRoomSet(
  db: Db,
  workspaceId: string,
  body: { name: string; capacity: number },
): Promise<RoomSetItem> {
  const [row] = await db
    .insert(roomSets)
    .values({ workspaceId, name: body.name, capacity: body.capacity })
    .onConflictDoNothing()
    .returning();
  if (!row) throw setExists(body.name);
  return roomSetItem(db, workspaceId, row.name);
}

/** Updates a set's row, answering 409 when the change meets another set's name or live code. */
async function updateSet(db: Db, set: RoomSetRow, values: Partial<RoomSetRow>, taken: () => HttpError) {
  try {
    await db.update(roomSets).set(values).where(eq(roomSets.id, set.id));
  } catch (err) {
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
}

export async function patchRoomSet(
  db: Db,
  workspaceId: string,
  name: string,
  patch: { name?: string; capacity?: number },
): Promise<RoomSetItem> {
  const set = await findRoomSet(db, workspaceId, name);
  if (patch.name !== undefined || patch.capacity !== undefined)
    await updateSet(db, set, patch, () => setExists(patch.name ?? name));
  return roomSetItem(db, workspaceId, patch.name ?? name);
}

/** Deletes the set; its groups stay, in no set. */
export async function deleteRoomSet(db: Db, workspaceId: string, name: string): Promise<void> {
  const set = await findRoomSet(db, workspaceId, name);
  await db.transaction(async (tx) => {
    // Its groups leave the set, which changes their members' groups-left facts: contacts first.
    const inSet = await tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.roomSetId, set.id));
    await lockRoomMembers(
      tx,
      inSet.map((r) => r.id),
    );
    await tx.delete(roomSets).where(eq(roomSets.id, set.id));
  });
}

export async function setLiveCode(
  db: Db,
  workspaceId: string,
  name: string,
  body: { slug: string; tags: string[] },
): Promise<RoomSetItem> {
  const set = await findRoomSet(db, workspaceId, name);
  const tags = [...new Set(body.tags)];
  await updateSet(
    db,
    set,
    { liveCodeSlug: body.slug, liveCodeTags: tags },
    () => new HttpError('live_code_taken', `The live code ${body.slug} is taken`, { slug: body.slug }),
  );
  return roomSetItem(db, workspaceId, name);
}

/** The set has no public page any more (its counts stay). */
export async function clearLiveCode(db: Db, workspaceId: string, name: string): Promise<RoomSetItem> {
  const set = await findRoomSet(db, workspaceId, name);
  await db.update(roomSets).set({ liveCodeSlug: null }).where(eq(roomSets.id, set.id));
  return roomSetItem(db, workspaceId, name);
}

/**
 * A set's clock: its first group's account clock (a sandbox set counts on the sandbox's time, as the
 * runtime counts its joins), else the wall clock.
 */
export async function setClockOffset(db: Db, roomSetId: string): Promise<number> {
  const [first] = await db
    .select({ offset: botAccounts.clockOffsetMs })
    .from(rooms)
    .innerJoin(botAccounts, eq(botAccounts.id, rooms.botAccountId))
    .where(eq(rooms.roomSetId, roomSetId))
    .orderBy(asc(rooms.createdAt), asc(rooms.id))
    .limit(1);
  return first?.offset ?? 0;
}

/** Scans and joins of the set's live code per day, the last `days` days (every day, zeros too). */
export async function liveCodeStats(
  db: Db,
  workspaceId: string,
  name: string,
  days: number,
): Promise<LiveCodeStats> {
  const set = await findRoomSet(db, workspaceId, name);
  const [workspace] = await db
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const today = localDay(Date.now() + (await setClockOffset(db, set.id)), workspace!.timeZone);
  const range = daysUntil(today, days);
  const rows = await db
    .select()
    .from(roomSetDays)
    .where(and(eq(roomSetDays.roomSetId, set.id), gte(roomSetDays.day, range[0]!)));
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return {
    days: range.map((day) => ({ day, scans: byDay.get(day)?.scans ?? 0, joins: byDay.get(day)?.joins ?? 0 })),
  };
}
