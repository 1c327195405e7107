// The draft each test contact started trying, per open flow: kept beside the flow's store rather than
// in the simulator, which closes while the marketer edits, so reopening it can say the draft changed.
import type { StoreApi } from 'zustand';
import type { FlowDocument } from '../../../../shared/flow/document.ts';
import type { FlowState } from '../store.ts';

const bases = new WeakMap<StoreApi<FlowState>, Map<string, FlowDocument>>();

/** Remembers the document the contact's preview was made from (the lint's, which follows content). */
export function notePreview(store: StoreApi<FlowState>, contactId: string): void {
  const known = bases.get(store) ?? new Map<string, FlowDocument>();
  known.set(contactId, store.getState().lint.document);
  bases.set(store, known);
}

/** The document the contact's preview was made from, if it was made in this tab. */
export const previewBase = (store: StoreApi<FlowState>, contactId: string): FlowDocument | undefined =>
  bases.get(store)?.get(contactId);
