// Stats mode counts a published version, so the canvas shows that version's graph (read-only) while
// the mode is on: a node added to the draft since has no count, and a node the draft dropped still has
// its own. Leaving the mode puts the draft back.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { flowKeys, getVersion, readGraph } from '../flow-api.ts';
import { useFlowStore } from '../store.ts';

export function useVersionOnCanvas(flowId: string, version: number | null): void {
  const queryClient = useQueryClient();
  const viewVersion = useFlowStore((s) => s.viewVersion);
  const backToDraft = useFlowStore((s) => s.backToDraft);

  useEffect(() => {
    if (version === null) return;
    let live = true;
    queryClient
      .fetchQuery({
        queryKey: flowKeys.version(flowId, version),
        queryFn: () => getVersion(flowId, version),
        staleTime: Number.POSITIVE_INFINITY,
      })
      .then((detail) => {
        if (live) viewVersion(version, readGraph(detail.graph));
      })
      // The counts still show in the bar; the canvas keeps the draft.
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [flowId, version, queryClient, viewVersion]);

  useEffect(() => backToDraft, [backToDraft]);
}
