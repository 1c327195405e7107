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

export interface PublishedFlow {
  flowId: string;
  flowVersionId: string;
  entries: FlowEntry[];
}

/** The workspace's published (not paused, not archived) flows, oldest first, with their trigger entries. */
export async function publishedFlows(tx: Db, workspaceId: string): Promise<PublishedFlow[]> {
  const rows = await tx
    .select({ flowId: flows.id, flowVersionId: flowVersions.id, entries: flowVersions.entries })
    .from(flows)
    .innerJoin(
      flowVersions,
      and(eq(flowVersions.flowId, flows.id), eq(flowVersions.version, flows.publishedVersion)),
    )
    .where(and(eq(flows.workspaceId, workspaceId), eq(flows.status, 'published'), isNull(flows.archivedAt)))
    .orderBy(sql`${flows.createdAt}`);
  return rows.map((r) => ({ ...r, entries: r.entries as FlowEntry[] }));
}

/** One start point per flow whose trigger matches; the first matching trigger wins. */
export function pointsFor(published: PublishedFlow[], inbound: TriggerInbound): StartPoint[] {
  const points: StartPoint[] = [];
  for (const flow of published) {
    const [entry] = matchingEntries(flow.entries, inbound);
    if (entry) points.push({ flowId: flow.flowId, flowVersionId: flow.flowVersionId, entry });
  }
  return points;
}

export const startPoints = async (tx: Db, workspaceId: string, inbound: TriggerInbound) =>
  pointsFor(await publishedFlows(tx, workspaceId), inbound);

/**
 * The flows a contact's events may start: the workspace's published flows — or, for a sandbox test
 * contact trying a draft, that draft's preview version alone (never a published flow, and no one
 * else ever starts in a preview).
 */
export async function flowsForContact(
  tx: Db,
  contact: { workspaceId: string; previewFlowVersionId: string | null },
): Promise<PublishedFlow[]> {
  if (!contact.previewFlowVersionId) return publishedFlows(tx, contact.workspaceId);
  const rows = await tx
    .select({ flowId: flowVersions.flowId, flowVersionId: flowVersions.id, entries: flowVersions.entries })
    .from(flowVersions)
    .where(
      and(
        eq(flowVersions.id, contact.previewFlowVersionId),
        eq(flowVersions.workspaceId, contact.workspaceId),
      ),
    );
  return rows.map((r) => ({ ...r, entries: r.entries as FlowEntry[] }));
}
