// Re-runs the flow lint shortly after the document stops changing, so badges and the lint panel
// follow the marketer's edits without linting on every drag frame.
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import { type FlowState, lintOf } from './store.ts';

const LINT_DELAY_MS = 150;

export function useLiveLint(store: StoreApi<FlowState>) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.nodes === previous.nodes && state.edges === previous.edges) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { nodes, edges, setLint } = store.getState();
        setLint(lintOf(nodes, edges));
      }, LINT_DELAY_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store]);
}
