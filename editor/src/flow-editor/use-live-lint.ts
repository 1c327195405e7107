// Re-runs the flow lint shortly after the document's content stops changing, so badges and the lint
// panel follow the marketer's edits without linting on every drag frame. Linting 500 nodes takes
// ~10-20 ms, so changes that cannot change an issue do not re-lint: React Flow measuring cards as a
// pan brings them into view, selection, and moves (issues never depend on positions). What the lint
// knows of the workspace (its room sets and their seats) re-lints at once when it arrives or changes.
import { useEffect, useMemo, useRef } from 'react';
import type { StoreApi } from 'zustand';
import { type LintContext, roomSetContext } from '../../../shared/flow/room-checks.ts';
import { useRoomSets } from '../screens/groups-api.ts';
import type { CanvasEdge, CanvasNode } from './canvas-document.ts';
import { type FlowState, lintOf } from './store.ts';

const LINT_DELAY_MS = 150;

type Graph = { nodes: readonly CanvasNode[]; edges: readonly CanvasEdge[] };

/** Whether a node or edge was added, removed or edited (not just moved, measured or selected). */
export function contentChanged(previous: Graph, next: Graph): boolean {
  if (previous.nodes !== next.nodes) {
    if (previous.nodes.length !== next.nodes.length) return true;
    for (let i = 0; i < next.nodes.length; i++) {
      const a = previous.nodes[i]!;
      const b = next.nodes[i]!;
      if (a !== b && (a.id !== b.id || a.type !== b.type || a.data !== b.data)) return true;
    }
  }
  if (previous.edges !== next.edges) {
    if (previous.edges.length !== next.edges.length) return true;
    for (let i = 0; i < next.edges.length; i++) {
      const a = previous.edges[i]!;
      const b = next.edges[i]!;
      if (
        a !== b &&
        (a.id !== b.id ||
          a.source !== b.source ||
          a.target !== b.target ||
          (a.sourceHandle ?? null) !== (b.sourceHandle ?? null))
      )
        return true;
    }
  }
  return false;
}

export function useLiveLint(store: StoreApi<FlowState>, context: LintContext | undefined) {
  const contextRef = useRef(context);
  useEffect(() => {
    contextRef.current = context;
    if (!context) return;
    const { nodes, edges, setLint } = store.getState();
    setLint(lintOf(nodes, edges, context));
  }, [store, context]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state, previous) => {
      if (!contentChanged(previous, state)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { nodes, edges, setLint } = store.getState();
        setLint(lintOf(nodes, edges, contextRef.current));
      }, LINT_DELAY_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store]);
}

/** The workspace's room sets and seats, as the server's lint sees them (undefined until loaded). */
export function useWorkspaceLintContext(): LintContext | undefined {
  const sets = useRoomSets().data;
  return useMemo(() => sets && roomSetContext(sets), [sets]);
}
