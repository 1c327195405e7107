// The flow a campaign sends: a published flow of the workspace whose trigger is `trigger.campaign`,
// at its current published version, and the node its runs wait at until their send time.
import { and, eq, isNull } from 'drizzle-orm';
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

export async function campaignFlow(
  db: Db,
  workspaceId: string,
  flowId: string,
): Promise<CampaignFlow | { problem: CampaignFlowProblem }> {
  const [row] = await db
    .select({
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
    .where(and(eq(flows.id, flowId), eq(flows.workspaceId, workspaceId), isNull(flows.archivedAt)));
  if (!row) return { problem: 'not_found' };
  if (!row.versionId || row.status !== 'published') return { problem: 'not_published' };
  const entry = (row.entries as FlowEntry[]).find((e) => e.type === CAMPAIGN_TRIGGER);
  if (!entry) return { problem: 'not_campaign' };
  return { flowId, name: row.name, versionId: row.versionId, entryNodeId: entry.nodeId, graph: row.graph };
}
