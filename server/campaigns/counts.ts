// A campaign's counts, aggregated from its members in one pass (the members' primary key starts with
// the campaign): for one campaign or a page of them.
import { sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { rowsOf } from '../../runtime/db/client.ts';
import type { CampaignCounts } from '../../shared/api/campaigns.ts';

export const EMPTY_COUNTS: CampaignCounts = {
  audience: 0,
  scheduled: 0,
  sent: 0,
  failed: 0,
  replied: 0,
  deletedUs: 0,
  simpleReply: 0,
  intent: 0,
  otherReply: 0,
  noReply: 0,
  skipped: 0,
  cancelled: 0,
};

export async function campaignCounts(db: Db, ids: string[]): Promise<Map<string, CampaignCounts>> {
  const counts = new Map<string, CampaignCounts>();
  if (ids.length === 0) return counts;
  const rows = rowsOf<Record<string, number | string>>(
    await db.execute(sql`
      select campaign_id as id, count(*)::int as audience,
        count(*) filter (where status = 'scheduled')::int as scheduled,
        count(*) filter (where status = 'sent')::int as sent,
        count(*) filter (where status = 'failed')::int as failed,
        count(*) filter (where replied_at is not null)::int as replied,
        count(*) filter (where bucket = 'deleted_us')::int as "deletedUs",
        count(*) filter (where bucket = 'simple_reply')::int as "simpleReply",
        count(*) filter (where bucket = 'intent')::int as intent,
        count(*) filter (where bucket = 'other_reply')::int as "otherReply",
        count(*) filter (where bucket = 'no_reply')::int as "noReply",
        count(*) filter (where status = 'skipped')::int as skipped,
        count(*) filter (where status = 'cancelled')::int as cancelled
      from campaign_members
      where campaign_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      group by campaign_id`),
  );
  for (const { id, ...row } of rows) {
    const entry = { ...EMPTY_COUNTS };
    for (const key of Object.keys(EMPTY_COUNTS) as (keyof CampaignCounts)[])
      entry[key] = Number(row[key] ?? 0);
    counts.set(String(id), entry);
  }
  return counts;
}
