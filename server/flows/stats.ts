// Per-node counts of a flow version (DESIGN "Counting"): node_stats counters written by the turns,
// "here now" from the runs' current node, goals per name. Never COUNT(*) over history.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../runtime/db/client.ts';
import type { StatsBody } from '../../shared/api/flows.ts';
import { goals, nodeStats, runs } from '../../shared/db/schema.ts';

export async function versionStats(
  db: Db,
  version: { id: string; version: number; graph: unknown },
): Promise<StatsBody> {
  const nodes: StatsBody['nodes'] = {};
  const graphNodes = ((version.graph as { nodes?: { id?: unknown }[] })?.nodes ?? []).filter(
    (n) => typeof n?.id === 'string',
  );
  for (const n of graphNodes) nodes[n.id as string] = { entered: 0, here: 0, ports: {} };
  const counters = await db
    .select({
      nodeId: nodeStats.nodeId,
      port: nodeStats.port,
      count: sql<number>`sum(${nodeStats.count})::int`,
    })
    .from(nodeStats)
    .where(eq(nodeStats.flowVersionId, version.id))
    .groupBy(nodeStats.nodeId, nodeStats.port);
  for (const c of counters) {
    nodes[c.nodeId] ??= { entered: 0, here: 0, ports: {} };
    const node = nodes[c.nodeId]!;
    if (c.port === '') node.entered = c.count;
    else node.ports[c.port] = c.count;
  }
  const here = await db
    .select({ nodeId: runs.currentNodeId, n: sql<number>`count(*)::int` })
    .from(runs)
    .where(and(eq(runs.flowVersionId, version.id), inArray(runs.status, ['active', 'waiting'])))
    .groupBy(runs.currentNodeId);
  for (const h of here) if (h.nodeId && nodes[h.nodeId]) nodes[h.nodeId]!.here = h.n;
  const byStatus = await db
    .select({ status: runs.status, n: sql<number>`count(*)::int` })
    .from(runs)
    .where(eq(runs.flowVersionId, version.id))
    .groupBy(runs.status);
  const runCounts = { active: 0, waiting: 0, completed: 0, exited: 0, failed: 0 };
  for (const s of byStatus) runCounts[s.status] = s.n;
  const goalRows = await db
    .select({ name: goals.name, n: sql<number>`count(*)::int` })
    .from(goals)
    .where(eq(goals.flowVersionId, version.id))
    .groupBy(goals.name);
  return {
    version: version.version,
    runs: runCounts,
    nodes,
    goals: Object.fromEntries(goalRows.map((g) => [g.name, g.n])),
  };
}

/**
 * Per flow of a workspace, from the published version's counters (no scan of runs): contacts that
 * entered through a trigger, and arrivals at goal nodes.
 */
export async function publishedCounts(
  db: Db,
  workspaceId: string,
): Promise<Map<string, { entered: number; goals: number }>> {
  const rows = rowsOf<{ flow_id: string; entered: number; goals: number }>(
    await db.execute(sql`
      select v.flow_id,
             coalesce(sum(s.count) filter (where n.type like 'trigger.%'), 0)::int as entered,
             coalesce(sum(s.count) filter (where n.type = 'goal'), 0)::int as goals
      from flows f
      join flow_versions v on v.flow_id = f.id and v.version = f.published_version
      cross join lateral jsonb_to_recordset(v.graph -> 'nodes') as n(id text, type text)
      join node_stats s on s.flow_version_id = v.id and s.node_id = n.id and s.port = ''
      where f.workspace_id = ${workspaceId}
      group by v.flow_id`),
  );
  return new Map(rows.map((r) => [r.flow_id, { entered: r.entered, goals: r.goals }]));
}
