// Feeds the inspector the selected node, its lint issues and the document, and writes its edits
// back to the store (one undo step per burst of typing). It follows the selected node's id, type and
// data only, so dragging that node around the canvas does not re-render the form on every frame.
import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Inspector } from './inspector/Inspector.tsx';
import { selectedNode } from './selectors.ts';
import { type FlowState, useFlowStore } from './store.ts';

/** The selected node's id, type, name and data, not its position; kept stable (useShallow) while it moves. */
const selectedContent = (state: FlowState) => {
  const node = selectedNode(state);
  return node && { id: node.id, type: node.type ?? '', data: node.data, label: node.label };
};

export function InspectorPanel() {
  const node = useFlowStore(useShallow(selectedContent));
  const document = useFlowStore((s) => s.lint.document);
  const readOnly = useFlowStore((s) => s.readOnly || s.mode === 'stats');
  const updateNodeData = useFlowStore((s) => s.updateNodeData);
  const updateNodeLabel = useFlowStore((s) => s.updateNodeLabel);
  const issues = useFlowStore(
    useShallow((s) =>
      node ? [...s.lint.errors, ...s.lint.warnings].filter((issue) => issue.nodeId === node.id) : [],
    ),
  );
  const nodeId = node?.id;
  const onChange = useCallback(
    (data: Record<string, unknown>) => {
      if (nodeId) updateNodeData(nodeId, data);
    },
    [nodeId, updateNodeData],
  );
  const onLabelChange = useCallback(
    (label: string) => {
      if (nodeId) updateNodeLabel(nodeId, label);
    },
    [nodeId, updateNodeLabel],
  );
  return (
    <Inspector
      node={node}
      document={document}
      issues={issues}
      readOnly={readOnly}
      onChange={onChange}
      onLabelChange={onLabelChange}
    />
  );
}
