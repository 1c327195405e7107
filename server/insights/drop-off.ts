// The node whose drop-off grew most this week against last, from the daily rollups (never node_visits).
// A node's drop-off over a week: of the runs that entered it (node_stats_daily, port ''), the share
// that did not leave through a port leading onward (a port with an edge in the version's graph) —
// `1 − onward exits / entered`. This week (the 7 local days up to today) leaves out the runs still
// waiting at the node (they have not dropped yet). Versions of one flow add up per node id. A node
// needs MIN_ENTERED runs in both weeks, and its drop-off must have grown by MIN_RISE.
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../runtime/db/client.ts';
import { readDocument } from '../../shared/analytics/experiment-nodes.ts';
import type { InsightItem } from '../../shared/api/insights.ts';
import type { FlowDocument } from '../../shared/flow/document.ts';
import { addDays, type InsightContext } from './context.ts';

export const MIN_ENTERED = 20;
export const MIN_RISE = 0.1;

type Week = { entered: number; onward: number };
type NodeWeeks = { flowId: string; flowName: string; nodeId: string; type: string; label: string | null };

/** Of one version's graph: the ports that lead on (an edge without a handle: every port of its node). */
function onwardPorts(doc: FlowDocument) {
  const ports = new Set(doc.edges.map((e) => `${e.source}\u0000${e.sourceHandle ?? ''}`));
  return (nodeId: string, port: string) =>
    ports.has(`${nodeId}\u0000${port}`) || ports.has(`${nodeId}\u0000`);
}

const rate = (w: Week) => Math.max(0, w.entered - w.onward) / w.entered;

export async function dropOffItems(ctx: InsightContext): Promise<InsightItem[]> {
  const thisWeek = addDays(ctx.today, -6);
  const lastWeek = addDays(ctx.today, -13);
  const rows = rowsOf<{
    flow_id: string;
    version_id: string;
    node_id: string;
    port: string;
    recent: boolean;
    n: number;
  }>(
    await ctx.db.execute(sql`
      select v.flow_id, d.flow_version_id as version_id, d.node_id, d.port, d.day >= ${thisWeek}::date as recent,
             sum(d.count)::int as n
      from flows f
      join flow_versions v on v.flow_id = f.id and v.preview = false
      join node_stats_daily d on d.flow_version_id = v.id and d.day between ${lastWeek}::date and ${ctx.today}::date
      where f.workspace_id = ${ctx.workspaceId}::uuid and f.archived_at is null
      group by 1, 2, 3, 4, 5`),
  );
  if (rows.length === 0) return [];
  const versionIds = [...new Set(rows.map((r) => r.version_id))];
  const ids = sql.join(
    versionIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [versions, waiting] = await Promise.all([
    ctx.db.execute(sql`
      select v.id, v.graph, f.id as flow_id, f.name from flow_versions v join flows f on f.id = v.flow_id
      where v.id in (${ids})`),
    ctx.db.execute(sql`
      select flow_version_id as version_id, current_node_id as node_id, count(*)::int as n from runs
      where flow_version_id in (${ids}) and status in ('active', 'waiting') and current_node_id is not null
      group by 1, 2`),
  ]);
  const leaving = new Set<string>();
  const graphs = new Map(
    rowsOf<{ id: string; graph: unknown; flow_id: string; name: string }>(versions).map((v) => {
      const doc = readDocument(v.graph);
      for (const e of doc.edges) leaving.add(`${v.flow_id}\u0000${e.source}`);
      return [v.id, { ...v, leadsOn: onwardPorts(doc), nodes: doc.nodes }];
    }),
  );
  const nodes = new Map<string, NodeWeeks & { recent: Week; earlier: Week }>();
  const nodeOf = (versionId: string, nodeId: string) => {
    const version = graphs.get(versionId)!;
    const key = `${version.flow_id}\u0000${nodeId}`;
    let node = nodes.get(key);
    if (!node) {
      const card = version.nodes.find((n) => n.id === nodeId);
      node = {
        flowId: version.flow_id,
        flowName: version.name,
        nodeId,
        type: card?.type ?? '',
        label: card?.label?.trim() || null,
        recent: { entered: 0, onward: 0 },
        earlier: { entered: 0, onward: 0 },
      };
      nodes.set(key, node);
    }
    return node;
  };
  for (const r of rows) {
    const node = nodeOf(r.version_id, r.node_id);
    const week = r.recent ? node.recent : node.earlier;
    if (r.port === '') week.entered += r.n;
    else if (graphs.get(r.version_id)!.leadsOn(r.node_id, r.port)) week.onward += r.n;
  }
  for (const w of rowsOf<{ version_id: string; node_id: string; n: number }>(waiting)) {
    const node = nodes.get(`${graphs.get(w.version_id)!.flow_id}\u0000${w.node_id}`);
    if (node) node.recent.entered = Math.max(node.recent.onward, node.recent.entered - w.n);
  }
  let worst: { node: NodeWeeks & { recent: Week }; now: number; before: number } | null = null;
  for (const [key, node] of nodes) {
    // A node no port leads on from (an end) always "drops" everyone: nothing to act on.
    if (!leaving.has(key)) continue;
    if (node.recent.entered < MIN_ENTERED || node.earlier.entered < MIN_ENTERED) continue;
    const now = rate(node.recent);
    const before = rate(node.earlier);
    if (now - before < MIN_RISE) continue;
    if (!worst || now - before > worst.now - worst.before) worst = { node, now, before };
  }
  if (!worst) return [];
  const { node, now, before } = worst;
  const dropped = Math.round(node.recent.entered * now);
  const pct = (x: number) => Math.round(x * 1000) / 10;
  return [
    {
      kind: 'drop_off',
      title: `Drop-off at ${node.label ?? node.nodeId} in "${node.flowName}" rose from ${pct(before)}% to ${pct(now)}% this week`,
      count: dropped,
      link: `/flows/${node.flowId}?node=${encodeURIComponent(node.nodeId)}`,
      params: {
        flowId: node.flowId,
        flowName: node.flowName,
        nodeId: node.nodeId,
        nodeType: node.type,
        nodeLabel: node.label,
        entered: node.recent.entered,
        dropOff: now,
        dropOffBefore: before,
      },
    },
  ];
}
