// Moves the view for the editor: once the cards of a freshly shown document (the draft, or a
// version) are measured, lays it out if they overlap and fits it; and centres a node whenever
// someone asks the store to (lint panel, simulator). A flow that opened empty is never fitted on its
// first cards: the card stays where it was dropped, at the zoom the marketer chose.
import { type FitViewOptions, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { LARGE_FLOW, READABLE_ZOOM, startViewport } from './large-flow.ts';
import { hasOverlaps, NODE_WIDTH } from './layout.ts';
import { useFlowStore, useFlowStoreApi } from './store.ts';

/**
 * Fitting keeps the cards clear of what floats over the canvas: the zoom controls top-left and the
 * lint panel bottom-left (its summary line is about 50 px above the bottom edge). Pixels, not a
 * share of the canvas, so a short window keeps the same clearance.
 */
export const FIT: FitViewOptions = {
  padding: { top: '40px', right: '40px', bottom: '84px', left: '56px' },
  maxZoom: 1,
};

/** Returns whether React Flow should fit the view itself once the opening document is measured. */
export function useCanvasView(fit: FitViewOptions): { fitOnOpen: boolean } {
  const store = useFlowStoreApi();
  const flow = useReactFlow();
  const reactFlow = useStoreApi();
  const shown = useFlowStore((s) => s.viewingVersion);
  const [openedEmpty] = useState(() => store.getState().nodes.length === 0);
  // A large flow renders only the nodes in view, so it is never measured whole: it keeps its layout.
  const measured = useFlowStore(
    (s) =>
      s.nodes.length > 0 && s.nodes.length <= LARGE_FLOW && s.nodes.every((node) => node.measured?.height),
  );
  const tidiedFor = useRef<number | null | undefined>(undefined);
  const focus = useFlowStore((s) => s.focus);

  useEffect(() => {
    if (!measured || tidiedFor.current === shown) return;
    const first = tidiedFor.current === undefined;
    tidiedFor.current = shown;
    // The marketer's first cards on an empty canvas: nothing to tidy, and the view is theirs.
    if (first && openedEmpty) return;
    // Flows written by hand or through the API often stack nodes; measured sizes lay them out well.
    const tidy = hasOverlaps(store.getState().nodes);
    if (tidy) store.getState().autoLayout({ silent: true });
    // The first load was already fitted by React Flow itself, unless it just moved.
    requestAnimationFrame(async () => {
      if (tidy || !first) await flow.fitView(fit);
      if (flow.getZoom() < READABLE_ZOOM)
        await flow.setViewport(startViewport(store.getState().nodes, reactFlow.getState().width));
    });
  }, [measured, shown, store, flow, fit, reactFlow, openedEmpty]);

  useEffect(() => {
    if (!focus) return;
    const node = flow.getInternalNode(focus.nodeId);
    if (!node) return;
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? NODE_WIDTH;
    const height = node.measured.height ?? 120;
    flow.setCenter(x + width / 2, y + height / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 400 });
  }, [focus, flow]);

  return { fitOnOpen: !openedEmpty };
}
