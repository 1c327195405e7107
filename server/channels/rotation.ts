// Which account a channel's friend page shows: of the channel's accounts (the ones it names, else
// every running account with a friend QR code, else — a workspace without any — its sandbox), the
// one with the most room today: the lesser of the friend requests it may still accept today (its
// `acceptsPerDay` less what the pacer counted) and the places left under its friend cap, less the
// page views still waiting for their friend request. An account with no room is never shown.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { rowsOf } from '../../runtime/db/client.ts';
import type { PacingState } from '../../runtime/dispatcher/pacing.ts';
import type { BotLimits } from '../../shared/api/bot-limits.ts';
import { type ChannelAccount, friendCapOf, SCAN_WINDOW_MS } from '../../shared/api/channels.ts';
import { mediaUrl } from '../../shared/api/media.ts';
import { channelScans, channels, workspaces } from '../../shared/db/schema.ts';
import { localDay } from '../../shared/time/zoned.ts';

export type ChannelRow = typeof channels.$inferSelect;
export type RotationAccount = ChannelAccount & { qrMediaId: string | null; clockOffsetMs: number };

/** An open (not archived) channel behind a public address, with its workspace's time zone. */
export async function channelBySlug(db: Db, slug: string) {
  const [row] = await db
    .select({ channel: channels, timeZone: workspaces.timeZone })
    .from(channels)
    .innerJoin(workspaces, eq(workspaces.id, channels.workspaceId))
    .where(and(eq(channels.slug, slug), isNull(channels.archivedAt)));
  return row ?? null;
}

interface AccountRow {
  id: string;
  name: string;
  puppet: string;
  limits: BotLimits;
  pacing: PacingState | null;
  clock_offset_ms: string | number;
  media_id: string | null;
  friends: number;
  pending: number;
}

/**
 * The accounts a channel rotates across (or, without a channel, every running account of the
 * workspace), each with its room today, the roomiest first.
 */
export async function accountsWithRoom(
  db: Db,
  workspaceId: string,
  timeZone: string,
  channel: Pick<ChannelRow, 'botAccountIds'> | null,
  now = new Date(),
): Promise<RotationAccount[]> {
  const named = channel?.botAccountIds.length
    ? sql`and a.id = any(${sql.param(channel.botAccountIds)}::uuid[])`
    : sql``;
  const rows = rowsOf<AccountRow>(
    await db.execute(sql`
      select a.id, a.name, a.puppet, a.limits, a.pacing, a.clock_offset_ms, q.media_id,
        (select count(*) from contacts c
          where c.bot_account_id = a.id and c.friend_status = 'friend')::int as friends,
        (select count(*) from channel_scans s
          where s.bot_account_id = a.id and s.contact_id is null
            and s.at > ${now.toISOString()}::timestamptz + (a.clock_offset_ms - ${SCAN_WINDOW_MS}) * interval '1 millisecond'
        )::int as pending
      from bot_accounts a
      left join friend_qrs q on q.bot_account_id = a.id
      where a.workspace_id = ${workspaceId} and a.desired = 'running' ${named}
      order by a.created_at, a.id`),
  );
  const accounts = rows.map((r) => roomOf(r, timeZone, now));
  return accounts.sort((a, b) => b.room - a.room);
}

function roomOf(r: AccountRow, timeZone: string, now: Date): RotationAccount {
  const offset = Number(r.clock_offset_ms);
  const today = localDay(now.getTime() + offset, timeZone);
  const accepted = r.pacing?.day === today ? (r.pacing.today.friend_accept ?? 0) : 0;
  const acceptsLeftToday = Math.max(0, r.limits.acceptsPerDay - accepted);
  const { cap, kind } = friendCapOf(r.puppet);
  const left = Math.min(acceptsLeftToday, Math.max(0, cap - r.friends));
  return {
    botAccountId: r.id,
    name: r.name,
    puppet: r.puppet,
    kind,
    friends: r.friends,
    friendCap: cap,
    acceptsLeftToday,
    // An account with places left keeps at least one, so waiting views spread but never hide it.
    room: left > 0 ? Math.max(1, left - r.pending) : 0,
    qrUrl: r.media_id ? mediaUrl(r.media_id) : null,
    qrMediaId: r.media_id,
    clockOffsetMs: offset,
  };
}

/** The account the page shows now: the channel's roomiest with a QR code; null when none has room. */
export async function accountToShow(
  db: Db,
  channel: ChannelRow,
  timeZone: string,
  now = new Date(),
): Promise<RotationAccount | null> {
  const all = await accountsWithRoom(db, channel.workspaceId, timeZone, channel, now);
  // Named accounts are shown as they are; otherwise real accounts need their uploaded QR code, and
  // only a workspace without any falls back to its sandbox (whose QR code is made up).
  const withQr = all.filter((a) => a.qrMediaId);
  const pool = channel.botAccountIds.length
    ? all
    : withQr.length
      ? withQr
      : all.filter((a) => a.puppet === 'sandbox');
  return pool.find((a) => a.room > 0 && (a.qrMediaId || a.puppet === 'sandbox')) ?? null;
}

/** One view of the page that showed `account`: a friend request there soon after is the visitor's. */
export async function recordScan(db: Db, channel: ChannelRow, account: RotationAccount, now = new Date()) {
  const [row] = await db
    .insert(channelScans)
    .values({
      workspaceId: channel.workspaceId,
      channelId: channel.id,
      botAccountId: account.botAccountId,
      at: new Date(now.getTime() + account.clockOffsetMs),
    })
    .returning({ id: channelScans.id });
  return row!.id;
}

/** The account a recorded view showed, for its QR image; null for another channel's view. */
export async function scanAccount(db: Db, channelId: string, scanId: number) {
  const [row] = await db
    .select({ botAccountId: channelScans.botAccountId })
    .from(channelScans)
    .where(and(eq(channelScans.id, scanId), eq(channelScans.channelId, channelId)));
  return row?.botAccountId ?? null;
}
