// Points the canvas at the node where the simulated contact's run of this flow is now, and clears
// the ring when the contact changes or the panel closes.
import { useEffect } from 'react';
import { useFlowStore } from '../store.ts';
import { type ContactDetail, currentNodeOf } from './sandboxApi.ts';

export function useRunHighlight(contact: ContactDetail | undefined, flowId: string) {
  const setHighlight = useFlowStore((s) => s.setHighlight);
  const nodeId = currentNodeOf(contact, flowId);
  useEffect(() => {
    setHighlight(nodeId);
  }, [nodeId, setHighlight]);
  useEffect(() => () => setHighlight(null), [setHighlight]);
}
