// What a group can take and when: its capacity, the seats pending invites hold, its QR code's state,
// all on the group's account clock (a sandbox account's runs ahead of the wall clock).
import { sql } from 'drizzle-orm';
import type { QrStatus } from '../../shared/api/rooms.ts';
import { botAccounts, rooms } from '../../shared/db/schema.ts';

/** A group holds 500 (WeChat); the capacity of a group with none of its own and no set. */
export const ROOM_MAX = 500;
export const DAY_MS = 86_400_000;

/** Now on the joined account's clock, as SQL (`bot_accounts` must be in the query). */
export const accountNow = (now: Date) =>
  sql`(${now.toISOString()}::timestamptz + ${botAccounts.clockOffsetMs} * interval '1 millisecond')`;

/** Invites sent and not accepted yet: seats they hold until they expire (`rooms` in the query). */
export const pendingInvitesOf = (now: Date) =>
  sql<number>`(select count(*)::int from room_invites i
    where i.room_id = ${rooms.id} and i.status = 'pending' and i.expires_at > ${accountNow(now)})`;

/** The capacity that applies: the group's own, else its set's, else a full group. */
export const capacityOf = (r: { ownCapacity: number | null; setCapacity: number | null }) =>
  r.ownCapacity ?? r.setCapacity ?? ROOM_MAX;

/** Now on the group's account clock. */
export const roomClock = (r: { clockOffsetMs: number }, now = Date.now()) => new Date(now + r.clockOffsetMs);

/** A QR code is expiring within a day of its end. */
export function qrStatusOf(expiresAt: Date | null, clock: Date): QrStatus {
  if (!expiresAt) return 'none';
  const left = expiresAt.getTime() - clock.getTime();
  return left <= 0 ? 'expired' : left < DAY_MS ? 'expiring' : 'ok';
}

/** The local dates from `days - 1` days before `today` through `today` (YYYY-MM-DD). */
export function daysUntil(today: string, days: number): string[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return Array.from({ length: days }, (_, i) =>
    new Date(Date.UTC(y, m - 1, d) - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );
}
