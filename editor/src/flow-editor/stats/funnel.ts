// The funnel of a version: which cards it runs through (the path most contacts took, or one the
// marketer picks) and how many entered each, with the share of the start and the drop-off.
import type { DailyStatsBody } from '../../../../shared/api/flows.ts';
import type { CanvasEdge, CanvasNode } from '../canvas-document.ts';
import { edgePort, isTrigger, nodePorts } from '../node-ports.ts';

/** Per node: contacts who entered, and who left by each port (a range's or all time's). */
export type NodeTotals = DailyStatsBody['totals'];
export type FunnelGraph = {
  nodes: readonly Pick<CanvasNode, 'id' | 'type' | 'data'>[];
  edges: readonly Pick<CanvasEdge, 'source' | 'target' | 'sourceHandle'>[];
};

/** `part` of `whole` (0–1); null when there is no whole to be a share of. */
export const shareOf = (part: number, whole: number): number | null =>
  whole > 0 ? Math.min(1, Math.max(0, part / whole)) : null;

/** Of those who entered a card, the share that did not go on through one of its connections. */
export const dropOff = (took: number, entered: number): number | null => {
  const share = shareOf(took, entered);
  return share === null ? null : 1 - share;
};

/**
 * From the trigger most contacts entered, at each card the connected exit most contacts left by (the
 * exits' own order breaks ties, so with no counts yet the main path shows), up to the first goal, a
 * card with no connection out, or a card already on the path.
 */
export function mostTakenPath(graph: FunnelGraph, totals: NodeTotals): string[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const entered = (id: string) => totals[id]?.entered ?? 0;
  const triggers = graph.nodes.filter((node) => isTrigger(node.type));
  let current = triggers.reduce<(typeof triggers)[number] | undefined>(
    (best, node) => (!best || entered(node.id) > entered(best.id) ? node : best),
    undefined,
  );
  const path: string[] = [];
  while (current && !path.includes(current.id)) {
    path.push(current.id);
    if (current.type === 'goal') break;
    const node = current;
    const order = nodePorts(node.type, node.data).map((port) => port.id);
    const exits = graph.edges
      .filter((edge) => edge.source === node.id && byId.has(edge.target))
      .map((edge) => ({ port: edgePort(node.type, node.data, edge.sourceHandle) ?? '', target: edge.target }))
      .map((exit) => ({
        ...exit,
        took: totals[node.id]?.exits[exit.port] ?? 0,
        rank: order.indexOf(exit.port),
      }));
    const next = exits.reduce<(typeof exits)[number] | undefined>(
      (best, exit) =>
        !best || exit.took > best.took || (exit.took === best.took && exit.rank < best.rank) ? exit : best,
      undefined,
    );
    current = next && byId.get(next.target);
  }
  return path;
}

export type FunnelStep = {
  nodeId: string;
  entered: number;
  /** Share of the first step's contacts; null when nobody started. */
  ofStart: number | null;
  /** Lost since the previous step (0 at the first, never negative), and as a share of it. */
  lost: number;
  lostShare: number | null;
};

/** The steps of `path` with their counts from `totals` (a node without counts entered 0). */
export function funnelSteps(path: readonly string[], totals: NodeTotals): FunnelStep[] {
  const start = totals[path[0] ?? '']?.entered ?? 0;
  return path.map((nodeId, i) => {
    const entered = totals[nodeId]?.entered ?? 0;
    const previous = i === 0 ? entered : (totals[path[i - 1]!]?.entered ?? 0);
    const lost = Math.max(0, previous - entered);
    return { nodeId, entered, ofStart: shareOf(entered, start), lost, lostShare: shareOf(lost, previous) };
  });
}

/** A picked path with `nodeId` added at its end, or taken out when it is on it already. */
export const togglePicked = (path: readonly string[], nodeId: string): string[] =>
  path.includes(nodeId) ? path.filter((id) => id !== nodeId) : [...path, nodeId];
