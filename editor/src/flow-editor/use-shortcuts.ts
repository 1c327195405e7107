// Keyboard shortcuts of the canvas: undo/redo, copy/paste, delete. Keys typed into a field or a
// dialog belong to that field, not to the canvas.
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { FlowState } from './store.ts';

function belongsToField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"]') !== null
  );
}

export function useShortcuts(store: StoreApi<FlowState>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || belongsToField(event.target)) return;
      const state = store.getState();
      const mod = event.metaKey || event.ctrlKey;
      const key = event.key.toLowerCase();
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      // Copying text the marketer selected on the page stays the browser's job.
      if (mod && key === 'c' && !window.getSelection()?.toString()) return run(state.copy);
      // Stats mode looks at the funnel; only edit mode changes it.
      if (state.mode !== 'edit') return;
      if (mod && key === 'z') run(event.shiftKey ? state.redo : state.undo);
      else if (mod && key === 'y') run(state.redo);
      else if (mod && key === 'v') run(state.paste);
      else if (!mod && (key === 'delete' || key === 'backspace')) run(state.deleteSelection);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
