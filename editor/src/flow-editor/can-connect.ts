// The connecting rules the canvas enforces while a connection is dragged (NODES.md): nothing enters
// a trigger, a port leads to at most one node, no edge twice.
import type { CanvasEdge, CanvasNode } from './canvas-document.ts';
import { edgePort, isTrigger } from './node-ports.ts';

type Ends = { source: string; target: string; sourceHandle?: string | null };

export function canConnect(
  connection: Ends,
  nodes: readonly Pick<CanvasNode, 'id' | 'type' | 'data'>[],
  edges: readonly Pick<CanvasEdge, 'source' | 'target' | 'sourceHandle'>[],
): boolean {
  const source = nodes.find((node) => node.id === connection.source);
  const target = nodes.find((node) => node.id === connection.target);
  if (!source || !target || isTrigger(target.type)) return false;
  const port = edgePort(source.type, source.data, connection.sourceHandle);
  if (port === null) return false;
  // A port already in use is refused rather than silently rewired: the marketer deletes the old
  // edge first, so no branch disappears by accident.
  return !edges.some(
    (edge) => edge.source === source.id && edgePort(source.type, source.data, edge.sourceHandle) === port,
  );
}
