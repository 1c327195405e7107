// The published flows of a workspace and the trigger entries an inbound event starts.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { flows, flowVersions } from '../../shared/db/schema.ts';
import { type FlowEntry, matchingEntries, type TriggerInbound } from '../../shared/flow/index.ts';
import type { Db } from '../db/client.ts';

export interface StartPoint {
  flowId: string;
  flowVersionId: string;
  entry: FlowEntry;
}

/** One start point per published (not paused) flow whose trigger matches; the first matching trigger wins. */
export async function startPoints(
  tx: Db,
  workspaceId: string,
  inbound: TriggerInbound,
): Promise<StartPoint[]> {
  const published = await tx
    .select({ flowId: flows.id, flowVersionId: flowVersions.id, entries: flowVersions.entries })
    .from(flows)
    .innerJoin(
      flowVersions,
      and(eq(flowVersions.flowId, flows.id), eq(flowVersions.version, flows.publishedVersion)),
    )
    .where(and(eq(flows.workspaceId, workspaceId), eq(flows.status, 'published'), isNull(flows.archivedAt)))
    .orderBy(sql`${flows.createdAt}`);
  const points: StartPoint[] = [];
  for (const flow of published) {
    const [entry] = matchingEntries(flow.entries as FlowEntry[], inbound);
    if (entry) points.push({ flowId: flow.flowId, flowVersionId: flow.flowVersionId, entry });
  }
  return points;
}
