// A campaign's members of one bucket as contacts (the end report's lists: open in inbox, save as
// segment, follow-up campaign), paged by contact id.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../runtime/db/client.ts';
import type { BUCKET_PARAMS } from '../../shared/api/campaigns.ts';
import { cursorParam, encodeCursor } from '../../shared/api/common.ts';
import { HttpError } from '../errors.ts';

/** Which members a `bucket` query names. */
const BUCKET_WHERE: Record<(typeof BUCKET_PARAMS)[number], ReturnType<typeof sql>> = {
  intent: sql`m.bucket = 'intent'`,
  simpleReply: sql`m.bucket = 'simple_reply'`,
  otherReply: sql`m.bucket = 'other_reply'`,
  noReply: sql`m.bucket = 'no_reply'`,
  deletedUs: sql`m.bucket = 'deleted_us'`,
  failed: sql`m.status = 'failed'`,
};

type Row = {
  id: string;
  name: string;
  alias: string | null;
  friend_status: string;
  tags: string[];
  last_inbound_at: Date | string | null;
  reply: string | null;
  replied_at: Date | string | null;
  sent_at: Date | string | null;
  conversation_id: string | null;
};
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const EPOCH = new Date(0);

export async function campaignContacts(
  db: Db,
  campaignId: string,
  query: { bucket: (typeof BUCKET_PARAMS)[number]; limit: number; cursor?: string },
) {
  let after = '00000000-0000-0000-0000-000000000000';
  if (query.cursor) {
    const parsed = cursorParam.safeParse(query.cursor);
    if (!parsed.success)
      throw new HttpError('invalid_request', 'The cursor is not one this list gave', { field: 'cursor' });
    after = parsed.data.id;
  }
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select c.id, c.name, c.alias, c.friend_status, c.tags, c.last_inbound_at,
             m.reply, m.replied_at, m.sent_at, v.id as conversation_id
      from campaign_members m
      join contacts c on c.id = m.contact_id
      left join conversations v on v.contact_id = c.id
      where m.campaign_id = ${campaignId} and ${BUCKET_WHERE[query.bucket]} and m.contact_id > ${after}
      order by m.contact_id
      limit ${query.limit + 1}`),
  );
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      name: r.name,
      alias: r.alias,
      friendStatus: r.friend_status,
      tags: r.tags,
      lastInboundAt: iso(r.last_inbound_at),
      reply: r.reply,
      repliedAt: iso(r.replied_at),
      sentAt: iso(r.sent_at),
      conversationId: r.conversation_id,
    })),
    nextCursor: rows.length > query.limit ? encodeCursor(EPOCH, page.at(-1)!.id) : null,
  };
}
