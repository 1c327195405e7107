// Undo/redo as a stack of document snapshots. A snapshot is taken before a meaningful change
// (add, delete, connect, the start of a drag, an edit burst), never per drag frame or keystroke.
import type { CanvasEdge, CanvasNode } from './canvas-document.ts';

export type Snapshot = { nodes: CanvasNode[]; edges: CanvasEdge[] };
export type History = { past: Snapshot[]; future: Snapshot[] };

const LIMIT = 100;

export const emptyHistory = (): History => ({ past: [], future: [] });

export const record = (history: History, current: Snapshot): History => ({
  past: [...history.past, current].slice(-LIMIT),
  future: [],
});

export function undo(history: History, current: Snapshot): { history: History; snapshot: Snapshot } | null {
  const snapshot = history.past.at(-1);
  if (!snapshot) return null;
  return { snapshot, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

export function redo(history: History, current: Snapshot): { history: History; snapshot: Snapshot } | null {
  const [snapshot, ...future] = history.future;
  if (!snapshot) return null;
  return { snapshot, history: { past: [...history.past, current], future } };
}
