// Launching a campaign: its audience snapshotted into `campaign_members` (each with its send time),
// then one unstarted run per member waiting at the flow's `trigger.campaign` until that time — in
// batched statements, idempotently (a member and its run are made once, however often it launches).
import { eq, sql } from 'drizzle-orm';
import { campaigns } from '../../shared/db/schema.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { audienceSql } from '../segments/audience.ts';
import { workspaceSettings } from '../workspace-settings.ts';
import { campaignFlow } from './flow.ts';
import { nextOccurrence } from './occurrence.ts';
import { bestSendAt, windowSlots } from './send-time.ts';

/** Members per statement: large enough to amortise round trips, small enough to keep each quick. */
export const LAUNCH_BATCH = 5_000;

type CampaignRow = typeof campaigns.$inferSelect;
/** Below every uuid: keyset paging starts here. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Enrolls the campaign's audience and makes their runs; the campaign is running from `wallNow` on.
 * A scheduled or draft campaign launches; a running one only gets what an earlier launch missed.
 * Answers how many members and runs this call made.
 */
export async function launchCampaign(
  db: Db,
  campaignId: string,
  wallNow: Date,
): Promise<{ members: number; runs: number }> {
  return db.transaction(async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for('update');
    if (!campaign || !['draft', 'scheduled', 'running'].includes(campaign.status))
      return { members: 0, runs: 0 };
    const flow = await campaignFlow(tx, campaign.workspaceId, campaign.flowId);
    const settings = await workspaceSettings(tx, campaign.workspaceId);
    if ('problem' in flow || !settings) {
      // Its flow was unpublished or archived since: the campaign cannot send (nor wait forever to).
      await tx
        .update(campaigns)
        .set({ status: 'cancelled', finishedAt: wallNow })
        .where(eq(campaigns.id, campaign.id));
      return { members: 0, runs: 0 };
    }
    const members = await enroll(tx, campaign, wallNow, settings);
    if (campaign.sendTime === 'best_hour') await bestHours(tx, campaign, wallNow, settings.timeZone);
    let runs = 0;
    let after = NO_ID;
    for (;;) {
      const made = await makeRuns(tx, campaign, flow, wallNow, after);
      runs += made.runs;
      if (made.batch < LAUNCH_BATCH || !made.last) break;
      after = made.last;
    }
    await skipRunless(tx, campaign.id);
    if (campaign.status !== 'running') {
      await tx
        .update(campaigns)
        .set({ status: 'running', launchedAt: wallNow })
        .where(eq(campaigns.id, campaign.id));
      await nextOccurrence(tx, campaign, wallNow);
    }
    return { members, runs };
  });
}

/** The audience as members; a contact already a member stays as it is. `send_at`: now on its account's clock. */
async function enroll(
  tx: Db,
  campaign: CampaignRow,
  wallNow: Date,
  settings: NonNullable<Awaited<ReturnType<typeof workspaceSettings>>>,
): Promise<number> {
  const audience = audienceSql(campaign.workspaceId, campaign.rules, campaign.exclusions, wallNow, settings);
  const result = await tx.execute(sql`
    insert into campaign_members (campaign_id, contact_id, workspace_id, bot_account_id, send_at)
    select ${campaign.id}, a.contact_id, ${campaign.workspaceId}, a.bot_account_id,
           ${wallNow}::timestamptz + b.clock_offset_ms * interval '1 millisecond'
    from (${audience}) a join bot_accounts b on b.id = a.bot_account_id
    on conflict do nothing
    returning 1`);
  return rowsOf(result).length;
}

/**
 * Each unscheduled member's best hour of the week inside the window, from its account's clock. The
 * slots are worked out once per account; the members are read and written in batches.
 */
async function bestHours(tx: Db, campaign: CampaignRow, wallNow: Date, timeZone: string): Promise<void> {
  const accounts = rowsOf<{ id: string; offset: string | number }>(
    await tx.execute(sql`
      select b.id, b.clock_offset_ms as offset from bot_accounts b
      where b.id in (select distinct bot_account_id from campaign_members
                     where campaign_id = ${campaign.id} and run_id is null)`),
  );
  for (const account of accounts) {
    const slots = windowSlots(wallNow.getTime() + Number(account.offset), campaign.window, timeZone);
    let after = NO_ID;
    for (;;) {
      const rows = rowsOf<{ id: string; activity: number[] }>(
        await tx.execute(sql`
          select m.contact_id as id, c.activity from campaign_members m join contacts c on c.id = m.contact_id
          where m.campaign_id = ${campaign.id} and m.bot_account_id = ${account.id} and m.run_id is null
            and m.status = 'scheduled' and m.contact_id > ${after}
          order by m.contact_id limit ${LAUNCH_BATCH}`),
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      const times = rows.flatMap((r) => {
        const at = bestSendAt(r.activity, slots);
        return at === null ? [] : [{ c: r.id, t: new Date(at).toISOString() }];
      });
      await tx.execute(sql`
        update campaign_members m set send_at = x.t
        from jsonb_to_recordset(${JSON.stringify(times)}::jsonb) as x(c uuid, t timestamptz)
        where m.campaign_id = ${campaign.id} and m.contact_id = x.c`);
      if (rows.length < LAUNCH_BATCH) break;
    }
  }
}

/**
 * One batch of members without a run, after `after` in contact order: each gets an unstarted run
 * waking at its send time. A contact with an open run of the flow already (one open run per flow)
 * gets none here, and is skipped once every batch is done.
 */
async function makeRuns(
  tx: Db,
  campaign: CampaignRow,
  flow: { flowId: string; versionId: string; entryNodeId: string },
  wallNow: Date,
  after: string,
): Promise<{ batch: number; runs: number; last: string | null }> {
  const result = await tx.execute(sql`
    with batch as (
      select contact_id, send_at from campaign_members
      where campaign_id = ${campaign.id} and contact_id > ${after} and run_id is null and status = 'scheduled'
      order by contact_id limit ${LAUNCH_BATCH}
    ), made as (
      insert into runs (workspace_id, flow_id, flow_version_id, contact_id, status, current_node_id,
                        wake_at, wake_token, started_at, updated_at)
      select ${campaign.workspaceId}, ${flow.flowId}, ${flow.versionId}, b.contact_id, 'waiting',
             ${flow.entryNodeId}, b.send_at, gen_random_uuid()::text, ${wallNow}, ${wallNow}
      from batch b
      on conflict do nothing
      returning id, contact_id
    ), linked as (
      update campaign_members m set run_id = made.id from made
      where m.campaign_id = ${campaign.id} and m.contact_id = made.contact_id
      returning 1
    )
    select (select count(*) from batch)::int as batch, (select count(*) from linked)::int as runs,
           (select contact_id from batch order by contact_id desc limit 1) as last`);
  const [row] = rowsOf<{ batch: number; runs: number; last: string | null }>(result);
  return { batch: Number(row?.batch ?? 0), runs: Number(row?.runs ?? 0), last: row?.last ?? null };
}

/** Members left without a run: their contact was already in the flow. */
async function skipRunless(tx: Db, campaignId: string): Promise<void> {
  await tx.execute(sql`
    update campaign_members set status = 'skipped'
    where campaign_id = ${campaignId} and run_id is null and status = 'scheduled'`);
}
