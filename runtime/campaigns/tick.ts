// The campaigns' clock work, every few seconds (and at each step of a sandbox clock advance): launch
// the scheduled ones that are due, settle members whose run ended without sending, put the silent
// ones in `no_reply` once their reply window is over, and finish a campaign when every member settled.
import { type SQL, sql } from 'drizzle-orm';
import type { Bus } from '../bus.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { launchCampaign } from './launch.ts';

/** A sandbox account's own clock: only its workspace's campaigns, launched on that clock. */
export type TickScope = { accountId: string; accountNow: Date };

type Changed = { id: string; workspace_id: string };

/** Answers the campaigns whose counts or status changed (each also published on `bus` when given). */
export async function campaignTick(db: Db, wallNow: Date, scope?: TickScope, bus?: Bus): Promise<Changed[]> {
  const workspace = scope
    ? sql`workspace_id = (select workspace_id from bot_accounts where id = ${scope.accountId})`
    : sql`true`;
  const now = scope?.accountNow ?? wallNow;
  const changed = new Map<string, Changed>();
  const due = rowsOf<Changed>(
    await db.execute(sql`
      select id, workspace_id from campaigns
      where status = 'scheduled' and ${workspace} and (schedule->>'at')::timestamptz <= ${now}
      order by (schedule->>'at')::timestamptz limit 20`),
  );
  for (const campaign of due) {
    await launchCampaign(db, campaign.id, wallNow);
    changed.set(campaign.id, campaign);
  }
  for (const row of await settle(db, wallNow, now, workspace)) changed.set(row.id, row);
  const list = [...changed.values()];
  for (const c of list) bus?.publish({ kind: 'campaign', workspaceId: c.workspace_id, campaignId: c.id });
  return list;
}

/** The running campaigns' members settled, then the campaigns with nothing left to wait for finished. */
async function settle(db: Db, wallNow: Date, now: Date, workspace: SQL): Promise<Changed[]> {
  const running = sql`(select id from campaigns where status = 'running' and ${workspace})`;
  // A run that ended with nothing of it left in the outbox never sent (a condition said no).
  const skipped = await db.execute(sql`
    with u as (update campaign_members m set status = 'skipped'
    from runs r
    where m.campaign_id in ${running} and m.status = 'scheduled' and r.id = m.run_id
      and r.status not in ('active', 'waiting')
      and not exists (select 1 from outbox o where o.run_id = r.id and o.bot_account_id = m.bot_account_id
                      and (o.status = 'queued' or o.status = 'sending'))
    returning m.campaign_id as id, m.workspace_id) select distinct id, workspace_id from u`);
  // Times are on each member's account clock (a sandbox one runs ahead of the wall).
  const silent = await db.execute(sql`
    with u as (update campaign_members m set bucket = 'no_reply'
    from campaigns c, bot_accounts b
    where c.id = m.campaign_id and c.id in ${running} and b.id = m.bot_account_id
      and m.status = 'sent' and m.bucket is null and m.replied_at is null
      and m.sent_at + c.reply_window::interval
          <= ${wallNow}::timestamptz + b.clock_offset_ms * interval '1 millisecond'
    returning m.campaign_id as id, m.workspace_id) select distinct id, workspace_id from u`);
  const finished = await db.execute(sql`
    update campaigns c set status = 'finished', finished_at = ${now}
    where c.id in ${running}
      and not exists (select 1 from campaign_members m where m.campaign_id = c.id
                      and (m.status = 'scheduled' or (m.status = 'sent' and m.bucket is null)))
    returning c.id, c.workspace_id`);
  return [...rowsOf<Changed>(skipped), ...rowsOf<Changed>(silent), ...rowsOf<Changed>(finished)];
}

/** When the next scheduled campaign of the account's workspace launches: a sandbox clock advance stops there. */
export async function nextCampaignAt(db: Db, accountId: string): Promise<Date | null> {
  const [row] = rowsOf<{ at: Date | string | null }>(
    await db.execute(sql`
      select min((schedule->>'at')::timestamptz) as at from campaigns
      where status = 'scheduled'
        and workspace_id = (select workspace_id from bot_accounts where id = ${accountId})`),
  );
  return row?.at ? new Date(row.at) : null;
}
