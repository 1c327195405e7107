// Between the flow document (saved, linted) and React Flow's live nodes and edges: the same shape,
// minus the UI state (selection, measured size) that would only churn saves.
import type { Edge, Node } from '@xyflow/react';
import type { FlowDocument } from '../../../shared/flow/document.ts';

export type CanvasNode = Node<Record<string, unknown>>;
export type CanvasEdge = Edge;

/** Nodes without a position (flows written through the API) start at the origin; layout fixes them. */
export function fromDocument(doc: FlowDocument): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  return {
    nodes: doc.nodes.map((node) => ({
      id: node.id,
      type: node.type,
      position: node.position ?? { x: 0, y: 0 },
      data: (node.data ?? {}) as Record<string, unknown>,
    })),
    edges: doc.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.sourceHandle ?? null,
    })),
  };
}

export function toDocument(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): FlowDocument {
  return {
    nodes: nodes.map(({ id, type, position, data }) => ({
      id,
      type: type ?? '',
      position: { x: Math.round(position.x), y: Math.round(position.y) },
      data,
    })),
    edges: edges.map(({ id, source, target, sourceHandle }) => ({
      id,
      source,
      target,
      ...(sourceHandle ? { sourceHandle } : {}),
    })),
  };
}
