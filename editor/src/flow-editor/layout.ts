// Auto-layout, top to bottom, with dagre; sizes come from React Flow's measurements when known.
import dagre from '@dagrejs/dagre';
import type { CanvasEdge, CanvasNode } from './canvas-document.ts';

export const NODE_WIDTH = 272;
export const FALLBACK_HEIGHT = 120;

export function layoutNodes(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): CanvasNode[] {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 48, ranksep: 72, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const size = (node: CanvasNode) => ({
    width: node.measured?.width ?? NODE_WIDTH,
    height: node.measured?.height ?? FALLBACK_HEIGHT,
  });
  for (const node of nodes) graph.setNode(node.id, size(node));
  for (const edge of edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  }
  dagre.layout(graph);
  // dagre gives centres; React Flow positions are top-left corners.
  return nodes.map((node) => {
    const { x, y } = graph.node(node.id);
    const { width, height } = size(node);
    return { ...node, position: { x: Math.round(x - width / 2), y: Math.round(y - height / 2) } };
  });
}

type Box = { x: number; y: number; w: number; h: number };

const boxOf = (node: CanvasNode): Box => ({
  x: node.position.x,
  y: node.position.y,
  w: node.measured?.width ?? NODE_WIDTH,
  h: node.measured?.height ?? FALLBACK_HEIGHT,
});

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Whether two nodes overlap: a hand-written document (API, fixtures) that deserves a layout. */
export function hasOverlaps(nodes: readonly CanvasNode[]): boolean {
  const boxes = nodes.map(boxOf);
  return boxes.some((a, i) => boxes.some((b, j) => j > i && overlap(a, b)));
}

/** The first place at or right of `position` where a new card covers no other node. */
export function freeSpot(position: { x: number; y: number }, nodes: readonly CanvasNode[]) {
  const boxes = nodes.map(boxOf);
  const spot = { ...position };
  while (boxes.some((box) => overlap(box, { ...spot, w: NODE_WIDTH, h: FALLBACK_HEIGHT }))) {
    spot.x += NODE_WIDTH + 48;
  }
  return spot;
}
