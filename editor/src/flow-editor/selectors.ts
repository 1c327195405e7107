// Slices components subscribe to; each returns a primitive or a stable reference, so a node
// re-renders for its own changes only.

import type { OpenEnd } from '../../../shared/flow/graph-checks.ts';
import type { Issue } from '../../../shared/flow/issues.ts';
import type { CanvasNode } from './canvas-document.ts';
import { isTrigger } from './node-ports.ts';
import type { FlowState } from './store.ts';

export const issueCounts = (nodeId: string) => (state: FlowState) => {
  const mine = (issue: Issue) => issue.nodeId === nodeId;
  return `${state.lint.errors.filter(mine).length}/${state.lint.warnings.filter(mine).length}`;
};

// One pass over the open ends per lint, shared by every card, instead of one pass per card.
const endingByNode = new WeakMap<readonly OpenEnd[], Map<string, string>>();

/**
 * The node's unconnected side exits (not its main ones, which the lint warns about), through which
 * contacts end the flow, each after a newline: a string, so a card re-renders only when they change.
 */
export const endingPorts =
  (nodeId: string) =>
  (state: FlowState): string => {
    let byNode = endingByNode.get(state.lint.openEnds);
    if (!byNode) {
      byNode = new Map();
      for (const end of state.lint.openEnds) {
        if (!end.main) byNode.set(end.nodeId, `${byNode.get(end.nodeId) ?? ''}\n${end.port}`);
      }
      endingByNode.set(state.lint.openEnds, byNode);
    }
    return byNode.get(nodeId) ?? '';
  };

// One pass over the nodes per change of the array, shared by every card (see endingPorts).
const labelsByNodes = new WeakMap<readonly CanvasNode[], Map<string, string>>();

/** The card's name, trimmed; undefined when it has none. */
export const nodeLabel =
  (nodeId: string) =>
  (state: FlowState): string | undefined => {
    let labels = labelsByNodes.get(state.nodes);
    if (!labels) {
      labels = new Map();
      for (const node of state.nodes) if (node.label?.trim()) labels.set(node.id, node.label.trim());
      labelsByNodes.set(state.nodes, labels);
    }
    return labels.get(nodeId);
  };

/** Contacts who entered any trigger of the flow: the top of the funnel the shares are of. */
export const startCount = (state: FlowState): number =>
  state.stats
    ? state.nodes.reduce(
        (sum, node) => sum + (isTrigger(node.type) ? (state.stats?.nodes[node.id]?.entered ?? 0) : 0),
        0,
      )
    : 0;

/** The node the inspector edits: exactly one selected node, else none. */
export const selectedNode = (state: FlowState) => {
  const selected = state.nodes.filter((node) => node.selected);
  return selected.length === 1 ? selected[0]! : null;
};

export const canUndo = (state: FlowState) => !state.readOnly && state.history.past.length > 0;
export const canRedo = (state: FlowState) => !state.readOnly && state.history.future.length > 0;
export const editable = (state: FlowState) => !state.readOnly && state.mode === 'edit';
