// Campaigns of a workspace (API.md "Segments and campaigns"): drafts made and edited with a published
// `trigger.campaign` flow and a segment (or rules), their detail with counts, and deletion of drafts.
import { and, desc, eq } from 'drizzle-orm';
import { campaignFlow } from '../../runtime/campaigns/flow.ts';
import type { Db } from '../../runtime/db/client.ts';
import type { CampaignBody, CampaignDetail } from '../../shared/api/campaigns.ts';
import { campaigns, flows, segments } from '../../shared/db/schema.ts';
import { DEFAULT_EXCLUSIONS } from '../../shared/segments/rules.ts';
import { HttpError, notFound } from '../errors.ts';
import { campaignCounts, EMPTY_COUNTS } from './counts.ts';

type CampaignRow = typeof campaigns.$inferSelect;
const iso = (d: Date | null) => d?.toISOString() ?? null;

export function campaignView(c: CampaignRow, flowName: string, counts = EMPTY_COUNTS): CampaignDetail {
  return {
    id: c.id,
    name: c.name,
    flowId: c.flowId,
    flowName,
    segmentId: c.segmentId,
    rules: c.rules,
    exclusions: c.exclusions,
    schedule: c.schedule,
    sendTime: c.sendTime,
    window: c.window,
    replyTo: c.replyTo,
    replyWindow: c.replyWindow,
    status: c.status,
    parentId: c.parentId,
    launchedAt: iso(c.launchedAt),
    finishedAt: iso(c.finishedAt),
    createdAt: c.createdAt.toISOString(),
    counts,
  };
}

/** The campaign of the workspace, locked when asked; another workspace's is not found. */
export async function campaignOf(db: Db, workspaceId: string, id: string): Promise<CampaignRow> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.workspaceId, workspaceId)));
  if (!row) throw notFound('campaign');
  return row;
}

export async function campaignDetail(db: Db, workspaceId: string, id: string): Promise<CampaignDetail> {
  const row = await campaignOf(db, workspaceId, id);
  const [flow] = await db.select({ name: flows.name }).from(flows).where(eq(flows.id, row.flowId));
  const counts = await campaignCounts(db, [row.id]);
  return campaignView(row, flow?.name ?? '', counts.get(row.id));
}

export async function listCampaigns(db: Db, workspaceId: string): Promise<CampaignDetail[]> {
  const rows = await db
    .select({ campaign: campaigns, flowName: flows.name })
    .from(campaigns)
    .innerJoin(flows, eq(flows.id, campaigns.flowId))
    .where(eq(campaigns.workspaceId, workspaceId))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(500);
  const counts = await campaignCounts(
    db,
    rows.map((r) => r.campaign.id),
  );
  return rows.map((r) => campaignView(r.campaign, r.flowName, counts.get(r.campaign.id)));
}

/** The columns a body sets: its flow checked, a named segment's rules copied. */
async function draftValues(db: Db, workspaceId: string, body: CampaignBody) {
  const flow = await campaignFlow(db, workspaceId, body.flowId);
  if ('problem' in flow)
    throw new HttpError('campaign_flow', `The flow cannot be sent as a campaign: ${flow.problem}`, {
      reason: flow.problem,
    });
  let rules = body.rules;
  if (body.segmentId) {
    const [segment] = await db
      .select({ rules: segments.rules })
      .from(segments)
      .where(and(eq(segments.id, body.segmentId), eq(segments.workspaceId, workspaceId)));
    if (!segment) throw notFound('segment');
    rules = segment.rules;
  }
  return {
    name: body.name,
    flowId: body.flowId,
    segmentId: body.segmentId ?? null,
    rules: rules ?? { match: 'all' as const, rules: [] },
    exclusions: body.exclusions ?? DEFAULT_EXCLUSIONS,
    schedule: body.schedule,
    sendTime: body.sendTime,
    window: body.window ?? null,
    replyTo: body.replyTo,
    replyWindow: body.replyWindow,
  };
}

export async function createCampaign(
  db: Db,
  workspaceId: string,
  userId: string | null,
  body: CampaignBody,
): Promise<CampaignDetail> {
  const values = await draftValues(db, workspaceId, body);
  const [row] = await db
    .insert(campaigns)
    .values({ ...values, workspaceId, createdBy: userId, status: 'draft' })
    .returning();
  return campaignDetail(db, workspaceId, row!.id);
}

const notDraft = (row: CampaignRow, action: 'edit' | 'delete') =>
  new HttpError('campaign_status', `Only a draft campaign can be ${action}ed`, {
    status: row.status,
    action,
  });

export async function updateCampaign(
  db: Db,
  workspaceId: string,
  id: string,
  body: CampaignBody,
): Promise<CampaignDetail> {
  const row = await campaignOf(db, workspaceId, id);
  if (row.status !== 'draft') throw notDraft(row, 'edit');
  const values = await draftValues(db, workspaceId, body);
  const [updated] = await db
    .update(campaigns)
    .set(values)
    .where(and(eq(campaigns.id, id), eq(campaigns.status, 'draft')))
    .returning({ id: campaigns.id });
  if (!updated) throw notDraft(await campaignOf(db, workspaceId, id), 'edit');
  return campaignDetail(db, workspaceId, id);
}

export async function deleteCampaign(db: Db, workspaceId: string, id: string): Promise<void> {
  const row = await campaignOf(db, workspaceId, id);
  if (row.status !== 'draft') throw notDraft(row, 'delete');
  await db.delete(campaigns).where(and(eq(campaigns.id, id), eq(campaigns.status, 'draft')));
}
