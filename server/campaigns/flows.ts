// The flows a campaign can send (the wizard's first step): published, not archived, starting with the
// Campaign trigger — one query over the published versions, not a request per flow.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import type { CampaignFlow } from '../../shared/api/campaigns.ts';
import { flows, flowVersions } from '../../shared/db/schema.ts';

type Node = { type?: unknown; data?: { variants?: unknown } };

export async function campaignFlows(db: Db, workspaceId: string): Promise<CampaignFlow[]> {
  const rows = await db
    .select({ id: flows.id, name: flows.name, graph: flowVersions.graph })
    .from(flows)
    .innerJoin(
      flowVersions,
      and(eq(flowVersions.flowId, flows.id), eq(flowVersions.version, flows.publishedVersion)),
    )
    .where(and(eq(flows.workspaceId, workspaceId), isNull(flows.archivedAt)))
    .orderBy(asc(flows.name));
  return rows.flatMap((row) => {
    const nodes = ((row.graph as { nodes?: unknown })?.nodes ?? []) as Node[];
    if (!Array.isArray(nodes) || !nodes.some((n) => n?.type === 'trigger.campaign')) return [];
    const sends = nodes.filter((n) => n?.type === 'send');
    const variants = sends.filter((n) => Array.isArray(n.data?.variants) && n.data.variants.length > 0);
    return [{ id: row.id, name: row.name, sends: sends.length, variants: variants.length }];
  });
}
