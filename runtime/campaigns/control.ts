// A marketer's hand on a campaign: launch (now, or at its scheduled time), pause (its runs stop
// waking — unstarted ones and started ones at a later step —, its queued messages are held), resume,
// cancel (what is unsent stops — started runs' later messages too —, the sent stay counted).
// A move the campaign's status does not allow answers the status it is in.
import { and, eq, sql } from 'drizzle-orm';
import { type CampaignStatus, campaigns } from '../../shared/db/schema.ts';
import type { Db } from '../db/client.ts';
import { launchCampaign } from './launch.ts';

export type ControlAction = 'launch' | 'pause' | 'resume' | 'cancel';

/** The statuses each move starts from. */
export const ALLOWED_FROM: Record<ControlAction, readonly CampaignStatus[]> = {
  launch: ['draft'],
  pause: ['running'],
  resume: ['paused'],
  cancel: ['scheduled', 'running', 'paused'],
};

/** Held queued messages wait until this; resuming puts them back to now. */
const HELD = new Date('9999-01-01T00:00:00Z');

export type ControlResult = { ok: true; status: CampaignStatus } | { ok: false; status: CampaignStatus };

/** The campaign's runs still waiting for their first send (unstarted, at the trigger). */
const unstartedRuns = (campaignId: string) => sql`(
  select run_id from campaign_members where campaign_id = ${campaignId} and status = 'scheduled'
    and run_id is not null)`;

/** The campaign's runs, started or not. */
const runsOf = (campaignId: string) => sql`(
  select run_id from campaign_members where campaign_id = ${campaignId} and run_id is not null)`;

/** Queued outbox rows of the campaign's runs (the `outbox_queued_run` index). */
const queuedRowsOf = (campaignId: string) => sql`
  outbox.status = 'queued' and outbox.run_id in ${runsOf(campaignId)}`;

/** Moves the campaign (of the workspace); answers its new status, or `ok: false` with the one it is in. */
export async function controlCampaign(
  db: Db,
  workspaceId: string,
  campaignId: string,
  action: ControlAction,
  wallNow: Date,
): Promise<ControlResult | null> {
  const result = await db.transaction(async (tx) => {
    const [campaign] = await tx
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)))
      .for('update');
    if (!campaign) return null;
    if (!ALLOWED_FROM[action].includes(campaign.status))
      return { ok: false as const, status: campaign.status };
    if (action === 'launch') {
      const at = campaign.schedule.at ? Date.parse(campaign.schedule.at) : null;
      if (at !== null && at > wallNow.getTime()) return setStatus(tx, campaignId, 'scheduled');
      return { ok: true as const, status: 'running' as const, launch: true };
    }
    if (action === 'pause') await pause(tx, campaignId);
    if (action === 'resume') await resume(tx, campaignId, wallNow);
    if (action === 'cancel') await cancel(tx, campaignId, wallNow);
    const next = { pause: 'paused', resume: 'running', cancel: 'cancelled' } as const;
    return setStatus(tx, campaignId, next[action], action === 'cancel' ? wallNow : undefined);
  });
  // Launching is its own transaction (it locks the campaign again and enrolls in batches).
  if (result && 'launch' in result) {
    await launchCampaign(db, campaignId, wallNow);
    return { ok: true, status: 'running' };
  }
  return result;
}

async function setStatus(
  tx: Db,
  id: string,
  status: CampaignStatus,
  finishedAt?: Date,
): Promise<ControlResult> {
  await tx
    .update(campaigns)
    .set({ status, ...(finishedAt && { finishedAt }) })
    .where(eq(campaigns.id, id));
  return { ok: true, status };
}

/**
 * A started run's wake (a delay before a follow-up, a reply's timeout) is held by moving it this far
 * ahead: past any real time, and resuming moves it back (to now, if it fell due meanwhile).
 */
const HOLD_SHIFT = sql.raw(`interval '7000 years'`);
const HELD_FROM = new Date('5000-01-01T00:00:00Z');

/** The campaign's started runs (`r`) waiting to wake (its members' runs that have a snapshot). */
const startedRuns = (campaignId: string) => sql`
  r.id in ${runsOf(campaignId)} and r.status = 'waiting' and r.snapshot is not null and r.wake_at is not null`;

async function pause(tx: Db, campaignId: string): Promise<void> {
  await tx.execute(sql`
    update runs set wake_at = null
    where id in ${unstartedRuns(campaignId)} and status = 'waiting' and snapshot is null`);
  await tx.execute(sql`
    update runs r set wake_at = r.wake_at + ${HOLD_SHIFT}
    where ${startedRuns(campaignId)} and r.wake_at < ${HELD_FROM}`);
  await tx.execute(sql`update outbox set not_before = ${HELD} where ${queuedRowsOf(campaignId)}`);
}

/** Unstarted runs wake at their send time, or now (on their account's clock) when it has passed. */
async function resume(tx: Db, campaignId: string, wallNow: Date): Promise<void> {
  await tx.execute(sql`
    update runs r
    set wake_at = greatest(m.send_at, ${wallNow}::timestamptz + b.clock_offset_ms * interval '1 millisecond')
    from campaign_members m, bot_accounts b
    where m.campaign_id = ${campaignId} and m.status = 'scheduled' and r.id = m.run_id
      and b.id = m.bot_account_id and r.status = 'waiting' and r.snapshot is null and r.wake_at is null`);
  await tx.execute(sql`
    update runs r
    set wake_at = greatest(r.wake_at - ${HOLD_SHIFT}, ${wallNow}::timestamptz + b.clock_offset_ms * interval '1 millisecond')
    from contacts c, bot_accounts b
    where ${startedRuns(campaignId)} and r.wake_at >= ${HELD_FROM} and c.id = r.contact_id and b.id = c.bot_account_id`);
  await tx.execute(sql`
    update outbox
    set not_before = ${wallNow}::timestamptz + b.clock_offset_ms * interval '1 millisecond'
    from bot_accounts b
    where b.id = outbox.bot_account_id and outbox.not_before = ${HELD} and ${queuedRowsOf(campaignId)}`);
}

/**
 * Nothing more goes out: every run of the campaign still waiting exits — unstarted ones and started
 * ones at a later step (a delay before a follow-up, a reply's timeout) — and its queued messages are
 * dismissed. What was sent stays counted; replies still get their buckets (members, not runs, hold them).
 */
async function cancel(tx: Db, campaignId: string, wallNow: Date): Promise<void> {
  await tx.execute(sql`
    update runs set status = 'exited', wake_at = null, updated_at = ${wallNow}
    where id in ${runsOf(campaignId)} and status = 'waiting'`);
  await tx.execute(
    sql`update outbox set status = 'dismissed', done_at = ${wallNow} where ${queuedRowsOf(campaignId)}`,
  );
  await tx.execute(sql`
    update campaign_members set status = 'cancelled'
    where campaign_id = ${campaignId} and status = 'scheduled'`);
}
