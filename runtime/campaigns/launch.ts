// Launching a campaign: its audience snapshotted into `campaign_members` (each with its send time and
// the id its run will have), then one unstarted run per member waiting at the flow's `trigger.campaign`
// until that time — set-wise, never a statement per member, idempotently (a member and its run are
// made once, however often it launches). A fixed send time is one statement for both.
import { eq, type SQL, sql } from 'drizzle-orm';
import { campaigns, NO_ACTIVITY } from '../../shared/db/schema.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { audienceSql } from '../segments/audience.ts';
import { sharedClock } from '../segments/scope.ts';
import { workspaceSettings } from '../workspace-settings.ts';
import { campaignFlow } from './flow.ts';
import { nextOccurrence } from './occurrence.ts';
import { bestSendAt, windowSlots } from './send-time.ts';

/** Best-hour members read and written per statement. */
export const LAUNCH_BATCH = 5_000;

type CampaignRow = typeof campaigns.$inferSelect;
type Flow = { flowId: string; versionId: string; entryNodeId: string };
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
    const audience = audienceSql(campaign.workspaceId, campaign.rules, campaign.exclusions, wallNow, {
      ...settings,
      sharedClockMs: await sharedClock(tx, campaign.workspaceId),
    });
    let made: { members: number; runs: number; lost: number };
    if (campaign.sendTime === 'best_hour') {
      const members = await count(tx, enrolled(campaign, audience, wallNow));
      await bestHours(tx, campaign, wallNow, settings.timeZone);
      made = { members, ...(await makeRuns(tx, campaign, flow, unmade(campaign.id), wallNow)) };
    } else {
      made = await enrollWithRuns(tx, campaign, flow, audience, wallNow);
    }
    if (made.lost > 0) await skipRunless(tx, campaign.id);
    if (campaign.status !== 'running') {
      await tx
        .update(campaigns)
        .set({ status: 'running', launchedAt: wallNow })
        .where(eq(campaigns.id, campaign.id));
      await nextOccurrence(tx, campaign, wallNow);
    }
    return { members: made.members, runs: made.runs };
  });
}

/** `m` (a member) has a run id whose run is not made yet. */
const unmadeRun = sql`m.run_id is not null and not exists (select 1 from runs r where r.id = m.run_id)`;

/**
 * The audience inserted as members (`returning contact_id, run_id, send_at`), each with its run's id;
 * a contact already a member stays as it is. `send_at`: now on its account's clock.
 */
function enrolled(campaign: CampaignRow, audience: SQL, wallNow: Date): SQL {
  return sql`insert into campaign_members (campaign_id, contact_id, workspace_id, bot_account_id, send_at, run_id)
    select ${campaign.id}, a.contact_id, ${campaign.workspaceId}, a.bot_account_id,
           ${wallNow}::timestamptz + b.clock_offset_ms * interval '1 millisecond', gen_random_uuid()
    from (${audience}) a join bot_accounts b on b.id = a.bot_account_id
    on conflict do nothing
    returning contact_id, run_id, send_at`;
}

/** The members still waiting for their runs (after the best hours were set). */
const unmade = (
  campaignId: string,
): SQL => sql`select m.contact_id, m.run_id, m.send_at from campaign_members m
  where m.campaign_id = ${campaignId} and m.status = 'scheduled' and ${unmadeRun}`;

/** `insert … returning 1` of the runs of `source` (contact_id, run_id, send_at), each waking at its send time. */
function runsOf(campaign: CampaignRow, flow: Flow, source: string, wallNow: Date): SQL {
  return sql`insert into runs (id, workspace_id, flow_id, flow_version_id, contact_id, status, current_node_id,
                    wake_at, wake_token, started_at, updated_at)
    select s.run_id, ${campaign.workspaceId}, ${flow.flowId}, ${flow.versionId}, s.contact_id, 'waiting',
           ${flow.entryNodeId}, s.send_at, gen_random_uuid()::text, ${wallNow}, ${wallNow}
    from ${sql.raw(source)} s where s.run_id is not null
    on conflict do nothing
    returning 1`;
}

/**
 * A fixed send time: the members and their runs in one statement. `lost`: members whose contact is in
 * the flow already (one open run per flow: its run is not made), skipped afterwards.
 */
async function enrollWithRuns(tx: Db, campaign: CampaignRow, flow: Flow, audience: SQL, wallNow: Date) {
  const [row] = rowsOf<{ members: number; runs: number; lost: number }>(
    await tx.execute(sql`with e as (${enrolled(campaign, audience, wallNow)}), made as (${runsOf(campaign, flow, 'e', wallNow)})
      select (select count(*) from e)::int as members, (select count(*) from made)::int as runs,
             (select count(*) from e where run_id is not null)::int - (select count(*) from made)::int as lost`),
  );
  return { members: Number(row?.members ?? 0), runs: Number(row?.runs ?? 0), lost: Number(row?.lost ?? 0) };
}

/** The runs of the members `source` selects. */
async function makeRuns(tx: Db, campaign: CampaignRow, flow: Flow, source: SQL, wallNow: Date) {
  const [row] = rowsOf<{ runs: number; lost: number }>(
    await tx.execute(sql`with s as (${source}), made as (${runsOf(campaign, flow, 's', wallNow)})
      select (select count(*) from made)::int as runs,
             (select count(*) from s)::int - (select count(*) from made)::int as lost`),
  );
  return { runs: Number(row?.runs ?? 0), lost: Number(row?.lost ?? 0) };
}

const count = async (tx: Db, insert: SQL) =>
  Number(
    rowsOf<{ n: number }>(await tx.execute(sql`with x as (${insert}) select count(*)::int as n from x`))[0]
      ?.n ?? 0,
  );

/**
 * Each member still without its run: its best hour of the week inside the window, from its account's
 * clock. The slots are worked out once per account; the members are read and written in batches.
 */
async function bestHours(tx: Db, campaign: CampaignRow, wallNow: Date, timeZone: string): Promise<void> {
  const accounts = rowsOf<{ id: string; offset: string | number }>(
    await tx.execute(sql`
      select b.id, b.clock_offset_ms as offset from bot_accounts b
      where b.id in (select distinct bot_account_id from campaign_members
                     where campaign_id = ${campaign.id} and run_id is not null and status = 'scheduled')`),
  );
  for (const account of accounts) {
    const slots = windowSlots(wallNow.getTime() + Number(account.offset), campaign.window, timeZone);
    let after = NO_ID;
    for (;;) {
      const rows = rowsOf<{ id: string; activity: number[] }>(
        await tx.execute(sql`
          select m.contact_id as id, coalesce(a.counts, ${sql.raw(NO_ACTIVITY)}) as activity
          from campaign_members m left join contact_activity a on a.contact_id = m.contact_id
          where m.campaign_id = ${campaign.id} and m.bot_account_id = ${account.id} and m.status = 'scheduled'
            and ${unmadeRun} and m.contact_id > ${after}
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

/** Members whose run was not made (the contact already in the flow): skipped, without a run. */
async function skipRunless(tx: Db, campaignId: string): Promise<void> {
  await tx.execute(sql`
    update campaign_members m set status = 'skipped', run_id = null
    where m.campaign_id = ${campaignId} and m.status = 'scheduled' and ${unmadeRun}`);
}
