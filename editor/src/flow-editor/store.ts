// The editor's state for one flow: the live document, history, lint, view mode and the
// stats/simulator overlays. One store per open flow, made by `createFlowStore`, given through context.
import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import { createContext, createElement, type ReactNode, useContext } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';
import type { FlowDocument } from '../../../shared/flow/document.ts';
import { openEnds } from '../../../shared/flow/graph-checks.ts';
import { splitIssues } from '../../../shared/flow/issues.ts';
import { type LintContext, lint } from '../../../shared/flow/validate.ts';
import { nodeRegistry } from '../../../shared/nodes/index.ts';
import { canConnect } from './can-connect.ts';
import { type CanvasEdge, type CanvasNode, fromDocument, toDocument } from './canvas-document.ts';
import { copySelection, pasteClipboard, readClipboard, writeClipboard } from './clipboard.ts';
import type { FlowState, Lint } from './flow-state.ts';
import { emptyHistory, type History, record, redo, type Snapshot, undo } from './history.ts';
import { newEdgeId, newNodeId } from './ids.ts';
import { layoutNodes } from './layout.ts';

export type { EditorMode, FlowState } from './flow-state.ts';

/** The lint of the document, and its open ends from the same analysis (the cards mark them). */
export const lintOf = (
  nodes: readonly CanvasNode[],
  edges: readonly CanvasEdge[],
  context: LintContext = {},
): Lint => {
  const document = toDocument(nodes, edges);
  const model = lint(document, context);
  return { document, ...splitIssues(model.issues), openEnds: openEnds(model) };
};

/** Typing in the inspector within this many ms of the last edit of the same node is one undo step. */
const EDIT_BURST_MS = 1000;

export function createFlowStore(flowId: string, doc: FlowDocument, name = ''): StoreApi<FlowState> {
  const initial = fromDocument(doc);
  // Outside the state: they steer snapshots and must not re-render anything.
  let dragging = false;
  let lastEdit = { nodeId: '', at: 0 };
  let draft: Snapshot | null = null;

  return createStore<FlowState>()((set, get) => {
    /** Apply a document change, first snapshotting the current document for undo. */
    const change = (next: Partial<Snapshot>, options: { record?: boolean } = {}) => {
      const { nodes, edges, history, revision } = get();
      if (options.record !== false) lastEdit = { nodeId: '', at: 0 };
      set({
        ...next,
        history: options.record === false ? history : record(history, { nodes, edges }),
        revision: revision + 1,
      });
    };
    const restore = (step: { history: History; snapshot: Snapshot } | null) => {
      if (!step || get().readOnly) return;
      lastEdit = { nodeId: '', at: 0 };
      set({ ...step.snapshot, history: step.history, revision: get().revision + 1 });
    };
    const editable = () => !get().readOnly;
    /** An inspector edit of one node: typing in a burst is one undo step. */
    const editNode = (id: string, update: (node: CanvasNode) => CanvasNode) => {
      if (!editable()) return;
      const now = Date.now();
      const burst = lastEdit.nodeId === id && now - lastEdit.at < EDIT_BURST_MS;
      change(
        { nodes: get().nodes.map((node) => (node.id === id ? update(node) : node)) },
        { record: !burst },
      );
      lastEdit = { nodeId: id, at: now };
    };

    return {
      flowId,
      name,
      ...initial,
      revision: 0,
      history: emptyHistory(),
      mode: 'edit',
      stats: null,
      highlightNodeId: null,
      readOnly: false,
      viewingVersion: null,
      focus: null,
      lint: lintOf(initial.nodes, initial.edges),

      setMode: (mode) => set({ mode }),
      setStats: (stats) => set({ stats }),
      setHighlight: (highlightNodeId) => set({ highlightNodeId }),
      selectNode: (id) =>
        set((state) => ({
          nodes: state.nodes.map((node) =>
            node.selected === (node.id === id) ? node : { ...node, selected: node.id === id },
          ),
          edges: state.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)),
          focus: { nodeId: id, seq: (state.focus?.seq ?? 0) + 1 },
        })),
      setName: (next) => {
        if (editable() && next !== get().name) set({ name: next, revision: get().revision + 1 });
      },
      setLint: (lint) => set({ lint }),

      onNodesChange: (changes) => {
        const relevant = editable()
          ? changes
          : changes.filter((c) => c.type === 'select' || c.type === 'dimensions');
        const moves = relevant.filter((c) => c.type === 'position');
        const removes = relevant.some((c) => c.type === 'remove');
        const nodes = applyNodeChanges(relevant, get().nodes);
        if (moves.length === 0 && !removes) return set({ nodes });
        const dragEnds = moves.some((c) => c.type === 'position' && !c.dragging);
        // One snapshot when a drag (or a removal) starts; frames of the same drag only move.
        change({ nodes }, { record: removes || !dragging });
        dragging = !dragEnds;
      },
      onEdgesChange: (changes) => {
        const relevant = editable() ? changes : changes.filter((c) => c.type === 'select');
        const edges = applyEdgeChanges(relevant, get().edges);
        if (relevant.some((c) => c.type === 'remove')) change({ edges });
        else set({ edges });
      },
      onConnect: (connection) => {
        const { nodes, edges } = get();
        if (!editable() || !canConnect(connection, nodes, edges)) return;
        const id = newEdgeId(new Set(edges.map((edge) => edge.id)));
        const { source, target, sourceHandle } = connection;
        change({ edges: [...edges, { id, source, target, sourceHandle: sourceHandle ?? null }] });
      },
      addNode: (type, position, from) => {
        const definition = nodeRegistry.get(type);
        const { nodes, edges } = get();
        const id = newNodeId(type, new Set(nodes.map((node) => node.id)));
        if (!definition || !editable()) return id;
        const node: CanvasNode = {
          id,
          type,
          position,
          data: structuredClone(definition.initial) as Record<string, unknown>,
          selected: true,
        };
        const nextNodes = [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node];
        const nextEdges = [...edges];
        if (from && canConnect({ ...from, target: id }, nextNodes, edges)) {
          const edgeId = newEdgeId(new Set(edges.map((edge) => edge.id)));
          nextEdges.push({
            id: edgeId,
            source: from.source,
            target: id,
            sourceHandle: from.sourceHandle ?? null,
          });
        }
        change({ nodes: nextNodes, edges: nextEdges });
        return id;
      },
      updateNodeData: (id, data) => editNode(id, (node) => ({ ...node, data })),
      updateNodeLabel: (id, label) =>
        editNode(id, ({ label: _, ...node }) => (label ? { ...node, label } : node)),
      deleteEdge: (id) => {
        if (editable()) change({ edges: get().edges.filter((edge) => edge.id !== id) });
      },
      deleteSelection: () => {
        const { nodes, edges } = get();
        const gone = new Set(nodes.filter((node) => node.selected).map((node) => node.id));
        const keptEdges = edges.filter(
          (edge) => !edge.selected && !gone.has(edge.source) && !gone.has(edge.target),
        );
        if (!editable() || (gone.size === 0 && keptEdges.length === edges.length)) return;
        change({ nodes: nodes.filter((node) => !gone.has(node.id)), edges: keptEdges });
      },
      copy: () => {
        const clipboard = copySelection(get().nodes, get().edges);
        if (clipboard) writeClipboard(clipboard);
      },
      paste: () => {
        const { nodes, edges } = get();
        const clipboard = readClipboard();
        if (!clipboard || !editable()) return;
        const pasted = pasteClipboard(clipboard, nodes, edges);
        change({
          nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted.nodes],
          edges: [...edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...pasted.edges],
        });
        writeClipboard(pasted.next);
      },
      undo: () => restore(undo(get().history, { nodes: get().nodes, edges: get().edges })),
      redo: () => restore(redo(get().history, { nodes: get().nodes, edges: get().edges })),
      autoLayout: (options) => {
        const nodes = layoutNodes(get().nodes, get().edges);
        // A silent tidy-up only moves the view's cards, so it is fine on a read-only version too.
        if (options?.silent) set({ nodes });
        else if (editable()) change({ nodes });
      },

      viewVersion: (version, doc) => {
        if (!draft) draft = { nodes: get().nodes, edges: get().edges };
        set({ ...fromDocument(doc), viewingVersion: version, readOnly: true, highlightNodeId: null });
      },
      backToDraft: () => {
        if (!draft) return;
        set({ ...draft, viewingVersion: null, readOnly: false });
        draft = null;
      },
      restoreAsDraft: () => {
        if (!draft) return;
        const shown = { nodes: get().nodes, edges: get().edges };
        set({ ...draft, viewingVersion: null, readOnly: false });
        draft = null;
        change(shown);
      },
      draftSnapshot: () => draft ?? { nodes: get().nodes, edges: get().edges },
      editDraftNode: (id, edit) => {
        const shown = draft ?? { nodes: get().nodes, edges: get().edges };
        const node = shown.nodes.find((n) => n.id === id);
        const data = node && edit(node.data);
        if (!data) return false;
        const nodes = shown.nodes.map((n) => (n.id === id ? { ...n, data } : n));
        lastEdit = { nodeId: '', at: 0 };
        // While a version is shown, the draft beside it changes: an undo step of the draft, saved as any.
        if (draft) {
          set({ history: record(get().history, draft), revision: get().revision + 1 });
          draft = { ...draft, nodes };
        } else change({ nodes });
        return true;
      },
    };
  });
}

const FlowStoreContext = createContext<StoreApi<FlowState> | null>(null);

export function FlowStoreProvider(props: { store: StoreApi<FlowState>; children: ReactNode }) {
  return createElement(FlowStoreContext.Provider, { value: props.store }, props.children);
}

/** The store itself, for event handlers that read state without subscribing to it. */
export function useFlowStoreApi(): StoreApi<FlowState> {
  const store = useContext(FlowStoreContext);
  if (!store) throw new Error('useFlowStore needs a FlowStoreProvider above it');
  return store;
}

/** Subscribe to one slice of the flow state; pick the slice, never the whole nodes array. */
export const useFlowStore = <T>(selector: (state: FlowState) => T): T =>
  useStore(useFlowStoreApi(), selector);
