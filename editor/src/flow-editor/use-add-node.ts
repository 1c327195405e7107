// Where a node from the palette lands: at the drop point, or (on click) under the selected node
// (beside what is already there), connected from its first free port, or else mid-canvas beside
// any card already there.
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { freeSpot, NODE_WIDTH } from './layout.ts';
import { nodePorts } from './node-ports.ts';
import { selectedNode } from './selectors.ts';
import { useFlowStoreApi } from './store.ts';

const GAP = 72;

/** A new card's corner for a point on the canvas: the point holds the card by its header. */
const heldAt = (point: { x: number; y: number }) => ({ x: point.x - NODE_WIDTH / 2, y: point.y - 20 });

export function useAddNode() {
  const store = useFlowStoreApi();
  const flow = useReactFlow();
  const flowStore = useStoreApi();

  const addAt = useCallback(
    (type: string, client: { x: number; y: number }) => {
      // The pointer holds the card by its header, as it looked while dragged.
      store.getState().addNode(type, heldAt(flow.screenToFlowPosition(client)));
    },
    [flow, store],
  );

  const addNear = useCallback(
    (type: string) => {
      const state = store.getState();
      const anchor = selectedNode(state);
      if (anchor) {
        const below = freeSpot(
          { x: anchor.position.x, y: anchor.position.y + (anchor.measured?.height ?? 120) + GAP },
          state.nodes,
        );
        const used = new Set(
          state.edges.filter((e) => e.source === anchor.id).map((e) => e.sourceHandle ?? null),
        );
        const ports = nodePorts(anchor.type, anchor.data);
        const free = ports.find((port, i) => !used.has(port.id) && !(i === 0 && used.has(null)));
        const id = state.addNode(type, below, free && { source: anchor.id, sourceHandle: free.id });
        state.selectNode(id);
        return;
      }
      const rect = flowStore.getState().domNode?.getBoundingClientRect();
      const centre = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: 0, y: 0 };
      const spot = freeSpot(heldAt(flow.screenToFlowPosition(centre)), state.nodes);
      state.selectNode(state.addNode(type, spot));
    },
    [store, flowStore, flow],
  );

  return { addAt, addNear };
}
