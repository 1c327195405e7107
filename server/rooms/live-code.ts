// The group live code (群活码): one public address per room set that always shows the QR code of a
// group that can take someone now — open, with seats below its capacity (pending invites count as
// taken), below the 200 members at which WeChat stops admitting by scan, and a QR code not expired.
// Groups fill in order, so the page shows the same group until it is full. Each view counts a scan.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { QR_SCAN_LIMIT } from '../../shared/api/rooms.ts';
import { botAccounts, roomSetDays, roomSets, rooms, workspaces } from '../../shared/db/schema.ts';
import { localDay } from '../../shared/time/zoned.ts';
import { setClockOffset } from './room-sets.ts';
import { accountNow, pendingInvitesOf, ROOM_MAX } from './seats.ts';

export interface LiveCodeRoom {
  set: { id: string; workspaceId: string; name: string; tags: string[]; timeZone: string };
  /** The group to show now; null when none can take anyone. */
  room: {
    id: string;
    topic: string;
    botAccountId: string;
    qrMediaId: string;
    qrExpiresAt: Date;
    clockOffsetMs: number;
  } | null;
}

/** The set behind a live code address and the group it shows now; null when no set has that address. */
export async function liveCodeRoomFor(db: Db, slug: string, now = new Date()): Promise<LiveCodeRoom | null> {
  const [set] = await db
    .select({
      id: roomSets.id,
      workspaceId: roomSets.workspaceId,
      name: roomSets.name,
      tags: roomSets.liveCodeTags,
      capacity: roomSets.capacity,
      timeZone: workspaces.timeZone,
    })
    .from(roomSets)
    .innerJoin(workspaces, eq(workspaces.id, roomSets.workspaceId))
    .where(eq(roomSets.liveCodeSlug, slug));
  if (!set) return null;
  const [room] = await db
    .select({
      id: rooms.id,
      topic: rooms.topic,
      botAccountId: rooms.botAccountId,
      qrMediaId: rooms.qrMediaId,
      qrExpiresAt: rooms.qrExpiresAt,
      clockOffsetMs: botAccounts.clockOffsetMs,
    })
    .from(rooms)
    .innerJoin(botAccounts, eq(botAccounts.id, rooms.botAccountId))
    .where(
      and(
        eq(rooms.roomSetId, set.id),
        eq(rooms.workspaceId, set.workspaceId),
        eq(rooms.open, true),
        isNotNull(rooms.qrMediaId),
        sql`${rooms.qrExpiresAt} > ${accountNow(now)}`,
        sql`${rooms.memberCount} < ${QR_SCAN_LIMIT}`,
        sql`${rooms.memberCount} + ${pendingInvitesOf(now)} < least(coalesce(${rooms.capacity}, ${set.capacity}), ${ROOM_MAX})`,
      ),
    )
    .orderBy(asc(rooms.createdAt), asc(rooms.id))
    .limit(1);
  const { capacity: _, ...setView } = set;
  return {
    set: setView,
    room: room ? { ...room, qrMediaId: room.qrMediaId!, qrExpiresAt: room.qrExpiresAt! } : null,
  };
}

/** One view of the live code page: a scan, on the day of the shown group's clock (else the set's). */
export async function countScan(db: Db, live: LiveCodeRoom, now = new Date()): Promise<void> {
  const offset = live.room ? live.room.clockOffsetMs : await setClockOffset(db, live.set.id);
  const day = localDay(now.getTime() + offset, live.set.timeZone);
  await db
    .insert(roomSetDays)
    .values({ roomSetId: live.set.id, day, scans: 1 })
    .onConflictDoUpdate({
      target: [roomSetDays.roomSetId, roomSetDays.day],
      set: { scans: sql`${roomSetDays.scans} + 1` },
    });
}
