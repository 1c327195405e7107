// Wires the autosaver to the store: every document revision (and the name) goes to the server,
// and the react-query cache learns the saved flow so other pages see it without refetching.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { StoreApi } from 'zustand';
import { createAutosaver, type SaveStatus } from './autosaver.ts';
import { toDocument } from './canvas-document.ts';
import { flowKeys, saveFlow } from './flow-api.ts';
import type { FlowState } from './store.ts';

export function useAutosave(store: StoreApi<FlowState>) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SaveStatus>('saved');
  const saver = useMemo(() => {
    const { flowId } = store.getState();
    return createAutosaver({
      read: () => {
        const { revision, name, draftSnapshot } = store.getState();
        const { nodes, edges } = draftSnapshot();
        return {
          revision,
          body: { ...(name.trim() ? { name: name.trim() } : {}), graph: toDocument(nodes, edges) },
        };
      },
      save: async (body) => {
        const saved = await saveFlow(flowId, body);
        queryClient.setQueryData(flowKeys.detail(flowId), saved);
      },
      onStatus: setStatus,
    });
  }, [store, queryClient]);

  useEffect(() => {
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.revision !== previous.revision) saver.changed();
    });
    // Leaving with unsaved edits asks first; the browser shows its own wording.
    const warn = (event: BeforeUnloadEvent) => {
      if (saver.pending()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      unsubscribe();
      window.removeEventListener('beforeunload', warn);
      saver.flush().catch(() => {});
      saver.dispose();
    };
  }, [store, saver]);

  return { status, flush: saver.flush };
}
