// The flow a campaign sends: a published flow of the workspace whose trigger is `trigger.campaign`,
// at its current published version, and the node its runs wait at until their send time.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CampaignFlowChoice } from '../../shared/api/campaigns.ts';
import { flows, flowVersions } from '../../shared/db/schema.ts';
import type { FlowEntry } from '../../shared/flow/compile.ts';
import type { Db } from '../db/client.ts';

export const CAMPAIGN_TRIGGER = 'trigger.campaign';

export type CampaignFlow = {
  flowId: string;
  name: string;
  versionId: string;
  /** The `trigger.campaign` node: unstarted runs wait there (runtime/executor/execute.ts). */
  entryNodeId: string;
  graph: unknown;
};

/** Why a flow cannot be a campaign's: none such in the workspace, never published, or no campaign trigger. */
export type CampaignFlowProblem = 'not_found' | 'not_published' | 'not_campaign';

/** The workspace's unarchived flows (or the one flow) with their published version, if any. */
export const publishedOf = (db: Db, workspaceId: string, flowId?: string) =>
  db
    .select({
      flowId: flows.id,
      name: flows.name,
      status: flows.status,
      versionId: flowVersions.id,
      entries: flowVersions.entries,
      graph: flowVersions.graph,
    })
    .from(flows)
    .leftJoin(
      flowVersions,
      and(
        eq(flowVersions.flowId, flows.id),
        eq(flowVersions.version, flows.publishedVersion),
        eq(flowVersions.preview, false),
      ),
    )
    .where(
      and(
        eq(flows.workspaceId, workspaceId),
        isNull(flows.archivedAt),
        flowId === undefined ? undefined : eq(flows.id, flowId),
      ),
    );

type PublishedRow = Awaited<ReturnType<typeof publishedOf>>[number];

/** The flow as a campaign's, or why it cannot be one. */
function asCampaignFlow(row: PublishedRow | undefined): CampaignFlow | { problem: CampaignFlowProblem } {
  if (!row) return { problem: 'not_found' };
  if (!row.versionId || row.status !== 'published') return { problem: 'not_published' };
  const entry = (row.entries as FlowEntry[]).find((e) => e.type === CAMPAIGN_TRIGGER);
  if (!entry) return { problem: 'not_campaign' };
  return {
    flowId: row.flowId,
    name: row.name,
    versionId: row.versionId,
    entryNodeId: entry.nodeId,
    graph: row.graph,
  };
}

export async function campaignFlow(
  db: Db,
  workspaceId: string,
  flowId: string,
): Promise<CampaignFlow | { problem: CampaignFlowProblem }> {
  const [row] = await publishedOf(db, workspaceId, flowId);
  return asCampaignFlow(row);
}

type Node = { type?: unknown; data?: { variants?: unknown } };

/**
 * The flows a campaign can send (the wizard's first step, GET /api/campaigns/flows): every flow
 * `campaignFlow` takes, by name, with its sends and how many of them carry variants — one query.
 */
export async function campaignFlows(db: Db, workspaceId: string): Promise<CampaignFlowChoice[]> {
  const rows = await publishedOf(db, workspaceId).orderBy(asc(flows.name));
  return rows.flatMap((row) => {
    const flow = asCampaignFlow(row);
    if ('problem' in flow) return [];
    const nodes = ((flow.graph as { nodes?: unknown })?.nodes ?? []) as Node[];
    const sends = Array.isArray(nodes) ? nodes.filter((n) => n?.type === 'send') : [];
    const variants = sends.filter((n) => Array.isArray(n.data?.variants) && n.data.variants.length > 0);
    return [{ id: flow.flowId, name: flow.name, sends: sends.length, variants: variants.length }];
  });
}
