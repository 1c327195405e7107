// Copy and paste of a selection: the selected nodes and the edges between them, pasted under new
// ids with an offset so the copy never hides the original. The clipboard is the browser's, not the
// flow's: kept in localStorage, a copy made in one flow (or tab) pastes into another.
import { flowDocumentSchema } from '../../../shared/flow/document.ts';
import { type CanvasEdge, type CanvasNode, fromDocument } from './canvas-document.ts';
import { newEdgeId, newNodeId } from './ids.ts';

export type Clipboard = { nodes: CanvasNode[]; edges: CanvasEdge[] };

export const PASTE_OFFSET = 40;

export function copySelection(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): Clipboard | null {
  const picked = nodes.filter((node) => node.selected);
  if (picked.length === 0) return null;
  const ids = new Set(picked.map((node) => node.id));
  return {
    nodes: picked.map(({ id, type, position, data, label }) => ({
      id,
      type,
      position,
      data: structuredClone(data),
      ...(label ? { label } : {}),
    })),
    edges: edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)),
  };
}

/** The pasted copy (selected), and the clipboard moved by the offset for the next paste. */
export function pasteClipboard(
  clipboard: Clipboard,
  nodes: readonly CanvasNode[],
  edges: readonly CanvasEdge[],
): { nodes: CanvasNode[]; edges: CanvasEdge[]; next: Clipboard } {
  const takenNodes = new Set(nodes.map((node) => node.id));
  const takenEdges = new Set(edges.map((edge) => edge.id));
  const idMap = new Map<string, string>();
  const next = clipboard.nodes.map((node) => ({
    ...node,
    position: { x: node.position.x + PASTE_OFFSET, y: node.position.y + PASTE_OFFSET },
  }));
  const pastedNodes = next.map((node) => {
    const id = newNodeId(node.type ?? 'node', takenNodes);
    takenNodes.add(id);
    idMap.set(node.id, id);
    return { ...node, id, data: structuredClone(node.data), selected: true };
  });
  const pastedEdges = clipboard.edges.map((edge) => {
    const id = newEdgeId(takenEdges);
    takenEdges.add(id);
    return { ...edge, id, source: idMap.get(edge.source)!, target: idMap.get(edge.target)!, selected: false };
  });
  return { nodes: pastedNodes, edges: pastedEdges, next: { nodes: next, edges: clipboard.edges } };
}

const STORAGE_KEY = 'wefunnel.clipboard';
/** Where there is no localStorage (tests, a locked-down browser) the clipboard lives in this tab. */
let inMemory: Clipboard | null = null;

export function writeClipboard(clipboard: Clipboard): void {
  inMemory = clipboard;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(clipboard));
  } catch {
    // Full or forbidden storage: this tab still has its copy.
  }
}

/** The last copy, from any tab; whatever is stored that is not a copy of nodes is no clipboard. */
export function readClipboard(): Clipboard | null {
  let stored: string | null | undefined;
  try {
    stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  } catch {
    stored = undefined;
  }
  if (stored == null) return inMemory;
  try {
    const parsed = flowDocumentSchema.safeParse(JSON.parse(stored));
    if (!parsed.success || parsed.data.nodes.length === 0) return null;
    const { nodes, edges } = fromDocument(parsed.data);
    const ids = new Set(nodes.map((node) => node.id));
    return { nodes, edges: edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)) };
  } catch {
    return null;
  }
}
