// Between the flow document (saved, linted) and React Flow's live nodes and edges: the same shape,
// minus the UI state (selection, measured size) that would only churn saves. Opening a document
// migrates each node's data to its type's current version (node-versions.ts), so the canvas and the
// inspector only ever hold current data, and saving records that version on every node.
import type { Edge, Node } from '@xyflow/react';
import type { FlowDocument } from '../../../shared/flow/document.ts';
import { upgradeNode } from '../../../shared/flow/node-versions.ts';
import { nodeRegistry } from '../../../shared/nodes/index.ts';

/**
 * `version` is set only on a node saved by a newer build, whose data this one cannot migrate; `label`
 * is the card's own name, when it has one.
 */
export type CanvasNode = Node<Record<string, unknown>> & { version?: number; label?: string };
export type CanvasEdge = Edge;

/** Nodes without a position (flows written through the API) start at the origin; layout fixes them. */
export function fromDocument(doc: FlowDocument): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  return {
    nodes: doc.nodes.map((stored) => {
      const node = upgradeNode(stored, nodeRegistry);
      const current = nodeRegistry.get(node.type)?.version;
      return {
        id: node.id,
        type: node.type,
        position: node.position ?? { x: 0, y: 0 },
        data: (node.data ?? {}) as Record<string, unknown>,
        ...(node.label ? { label: node.label } : {}),
        ...(node.version !== undefined && node.version !== current ? { version: node.version } : {}),
      };
    }),
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
    nodes: nodes.map(({ id, type, position, data, version, label }) => {
      const saved = version ?? nodeRegistry.get(type ?? '')?.version;
      return {
        id,
        type: type ?? '',
        position: { x: Math.round(position.x), y: Math.round(position.y) },
        // Typed as is (a space between words must survive the keystroke), saved trimmed.
        ...(label?.trim() ? { label: label.trim() } : {}),
        ...(saved === undefined ? {} : { version: saved }),
        data,
      };
    }),
    edges: edges.map(({ id, source, target, sourceHandle }) => ({
      id,
      source,
      target,
      ...(sourceHandle ? { sourceHandle } : {}),
    })),
  };
}
