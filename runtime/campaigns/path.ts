// How many messages a campaign member gets before the flow first waits for something (a reply, a
// time, a join, a human): the `send` nodes on the trigger's path, the longest branch counted.
import type { FlowDocument } from '../../shared/flow/document.ts';

/** Nodes that end the first burst: the run waits there. `ask` and `handoff` send their own text first. */
const STOPS: Record<string, (data: Record<string, unknown>) => number> = {
  wait: () => 0,
  wait_reply: () => 0,
  invite_room: () => 0,
  ask: () => 1,
  handoff: (data) => (typeof data.text === 'string' && data.text.trim() !== '' ? 1 : 0),
};

export function sendsPerMember(graph: unknown, entryNodeId: string): number {
  const doc = graph as Partial<FlowDocument>;
  const nodes = new Map((doc.nodes ?? []).map((n) => [n.id, n]));
  const next = new Map<string, string[]>();
  for (const edge of doc.edges ?? []) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const memo = new Map<string, number>();
  const walk = (id: string): number => {
    const node = nodes.get(id);
    if (!node) return 0;
    const known = memo.get(id);
    if (known !== undefined) return known;
    memo.set(id, 0); // a loop back here adds nothing
    const stop = STOPS[node.type];
    const data = (node.data ?? {}) as Record<string, unknown>;
    const count = stop
      ? stop(data)
      : (node.type === 'send' ? 1 : 0) + Math.max(0, ...(next.get(id) ?? []).map(walk));
    memo.set(id, count);
    return count;
  };
  return walk(entryNodeId);
}
