// Attribution to acquisition channels (API "Analytics"): a contact who was never our friend before
// is the channel's — by a friend request whose hello holds the channel's code (the strongest
// signal), else by the latest unclaimed view of a channel's page that showed this account within
// the scan window, else (on accept) by the lead form it filled in. The first channel wins; its tags
// are added to the contact in the database and on the locked row the first turn reads.
import { sql } from 'drizzle-orm';
import { SCAN_WINDOW_MS } from '../../shared/api/channels.ts';
import { type Db, rowsOf } from '../db/client.ts';
import type { ContactRow } from './contacts.ts';

interface Attribution {
  channelId: string;
  tags: string[];
}

/** Is this contact still for a channel to claim: never attributed, never a friend before. */
const claimable = (contact: ContactRow) => !contact.channelId && !contact.firstAddedAt;

/** A friend request: its hello code, else the page view that showed this account. */
export async function attributeFriendRequest(
  tx: Db,
  account: { id: string; workspaceId: string },
  contact: ContactRow,
  hello: string,
  now: Date,
): Promise<void> {
  if (!claimable(contact)) return;
  const byCode = hello
    ? rowsOf<Attribution>(
        await tx.execute(sql`
          select id as "channelId", tags from channels
          where workspace_id = ${account.workspaceId} and archived_at is null and hello_code is not null
            and strpos(lower(${hello}), lower(hello_code)) > 0
          order by length(hello_code) desc, created_at
          limit 1`),
      )
    : [];
  const found = byCode[0] ?? (await claimScan(tx, account.id, contact.id, now));
  if (found) await attribute(tx, contact, found, now);
}

/** The latest view at this account within the window, claimed by this contact (once). */
async function claimScan(tx: Db, accountId: string, contactId: string, now: Date) {
  const since = new Date(now.getTime() - SCAN_WINDOW_MS);
  const [claimed] = rowsOf<Attribution>(
    await tx.execute(sql`
      with scan as (
        select s.id from channel_scans s
        join channels ch on ch.id = s.channel_id and ch.archived_at is null
        where s.bot_account_id = ${accountId} and s.contact_id is null
          and s.at > ${since.toISOString()}::timestamptz and s.at <= ${now.toISOString()}::timestamptz
        order by s.at desc, s.id desc
        limit 1
        for update of s skip locked
      ),
      claimed as (
        update channel_scans s set contact_id = ${contactId} from scan where s.id = scan.id
        returning s.channel_id
      )
      select ch.id as "channelId", ch.tags from claimed join channels ch on ch.id = claimed.channel_id`),
  );
  return claimed ?? null;
}

/** Leads accepted now that a channel's page took: their contacts are the channel's. */
export async function attributeLeads(
  tx: Db,
  accepted: { contact: ContactRow; channelId: string | null }[],
  now: Date,
): Promise<void> {
  const open = accepted.filter((a) => a.channelId && claimable(a.contact));
  if (open.length === 0) return;
  const rows = rowsOf<Attribution>(
    await tx.execute(sql`
      select id as "channelId", tags from channels
      where id = any(${sql.param(open.map((a) => a.channelId))}::uuid[])`),
  );
  for (const { contact, channelId } of open) {
    const channel = rows.find((r) => r.channelId === channelId);
    if (channel) await attribute(tx, contact, channel, now);
  }
}

async function attribute(tx: Db, contact: ContactRow, channel: Attribution, now: Date): Promise<void> {
  const [row] = rowsOf<{ tags: string[] }>(
    await tx.execute(sql`
      update contacts set channel_id = ${channel.channelId}, channel_at = ${now.toISOString()}::timestamptz,
        tags = array(select distinct t from unnest(tags || ${sql.param(channel.tags)}::text[]) t order by t)
      where id = ${contact.id} and channel_id is null
      returning tags`),
  );
  if (!row) return;
  contact.channelId = channel.channelId;
  contact.channelAt = now;
  contact.tags = row.tags;
}
