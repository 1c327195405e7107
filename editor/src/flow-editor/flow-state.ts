// What the editor knows about one open flow, and what it can do with it: the contract the canvas,
// the inspector, the simulator and the stats bar share. `store.ts` implements it.
import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import type { StatsBody } from '../../../shared/api/flows.ts';
import type { FlowDocument } from '../../../shared/flow/document.ts';
import type { OpenEnd } from '../../../shared/flow/graph-checks.ts';
import type { ValidationResult } from '../../../shared/flow/issues.ts';
import type { CanvasEdge, CanvasNode } from './canvas-document.ts';
import type { History, Snapshot } from './history.ts';

export type EditorMode = 'edit' | 'stats';
/** The issues of the document's content; `document` is what was linted (its positions may lag behind
 * moves, which change no issue: see use-live-lint.ts). `openEnds`: its unconnected ports. */
export type Lint = ValidationResult & { document: FlowDocument; openEnds: OpenEnd[] };

export type FlowState = {
  flowId: string;
  name: string;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** Bumped by every change to the saved document (not selection or measuring): autosave follows it. */
  revision: number;
  history: History;
  mode: EditorMode;
  stats: StatsBody | null;
  /** The node the simulator's contact is at. */
  highlightNodeId: string | null;
  /** True while a published version is shown instead of the draft: nothing edits it. */
  readOnly: boolean;
  viewingVersion: number | null;
  /** A node to bring into view; `seq` makes asking twice for the same node move the view again. */
  focus: { nodeId: string; seq: number } | null;
  /** The live lint of the shown document, at most ~150 ms behind it. */
  lint: Lint;
} & FlowActions;

export type FlowActions = {
  setMode(mode: EditorMode): void;
  setStats(stats: StatsBody | null): void;
  setHighlight(id: string | null): void;
  /** Select exactly this node and center the view on it. */
  selectNode(id: string): void;
  setName(name: string): void;
  setLint(lint: Lint): void;
  onNodesChange(changes: NodeChange<CanvasNode>[]): void;
  onEdgesChange(changes: EdgeChange<CanvasEdge>[]): void;
  onConnect(connection: Connection): void;
  /** Adds a node (selected), connected from `from` when that connection is allowed. */
  addNode(
    type: string,
    position: { x: number; y: number },
    from?: { source: string; sourceHandle: string | null },
  ): string;
  updateNodeData(id: string, data: Record<string, unknown>): void;
  /** Names the card (trimmed by the schema on save); an empty name removes it. */
  updateNodeLabel(id: string, label: string): void;
  deleteEdge(id: string): void;
  deleteSelection(): void;
  copy(): void;
  paste(): void;
  undo(): void;
  redo(): void;
  /** `silent`: a tidy-up on load, neither an undo step nor an edit to save. */
  autoLayout(options?: { silent: boolean }): void;
  viewVersion(version: number, doc: FlowDocument): void;
  backToDraft(): void;
  restoreAsDraft(): void;
  /** The draft document, also while a version is shown in its place. */
  draftSnapshot(): Snapshot;
  /**
   * Edits a card of the draft (also while a version is shown) as one undo step; `edit` answers the new
   * data or null to leave it. False when the draft has no such card or `edit` declined.
   */
  editDraftNode(id: string, edit: (data: Record<string, unknown>) => Record<string, unknown> | null): boolean;
};
