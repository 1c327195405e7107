// Slices components subscribe to; each returns a primitive or a stable reference, so a node
// re-renders for its own changes only.
import type { Issue } from '../../../shared/flow/issues.ts';
import { isTrigger } from './node-ports.ts';
import type { FlowState } from './store.ts';

export const issueCounts = (nodeId: string) => (state: FlowState) => {
  const mine = (issue: Issue) => issue.nodeId === nodeId;
  return `${state.lint.errors.filter(mine).length}/${state.lint.warnings.filter(mine).length}`;
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
