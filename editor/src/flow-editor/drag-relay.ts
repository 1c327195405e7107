// Node drags move React Flow's own copy of the nodes, not the flow store: a frame of a drag then
// renders React Flow once (its node and edge wrappers) instead of twice (our store and the whole
// canvas, then React Flow adopting the new nodes prop). The store gets the drag when it ends, as
// one document change and one undo step. Any other node change that arrives mid-drag (a card that
// scrolls into view gets measured) carries the drag's latest positions along, so handing the store's
// nodes back to React Flow never puts the dragged node back where it started.
import { applyNodeChanges, type NodeChange, type NodePositionChange } from '@xyflow/react';
import type { CanvasNode } from './canvas-document.ts';

type Change = NodeChange<CanvasNode>;

const isDragFrame = (change: Change): change is NodePositionChange =>
  change.type === 'position' && change.dragging === true;

export interface DragRelayTargets {
  /** React Flow's internal nodes and its setter (its store's `nodes` and `setNodes`). */
  live(): { nodes: CanvasNode[]; setNodes(nodes: CanvasNode[]): void };
  /** The flow store's change handler. */
  commit(changes: Change[]): void;
}

export function createDragRelay(targets: DragRelayTargets) {
  const moving = new Map<string, NodePositionChange>();
  return (changes: Change[]) => {
    if (changes.length > 0 && changes.every(isDragFrame)) {
      for (const change of changes) moving.set(change.id, change);
      const { nodes, setNodes } = targets.live();
      setNodes(applyNodeChanges(changes, nodes));
      return;
    }
    const settled = new Set(changes.flatMap((c) => (c.type === 'position' ? [c.id] : [])));
    const carried = [...moving.values()].filter((change) => !settled.has(change.id));
    if (changes.some((c) => c.type === 'position' && !c.dragging)) moving.clear();
    targets.commit(carried.length > 0 ? [...carried, ...changes] : changes);
  };
}
