// Feeds the inspector the selected node, its lint issues and the document, and writes its edits
// back to the store (one undo step per burst of typing).
import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FlowNode } from '../../../shared/flow/document.ts';
import { Inspector } from './inspector/Inspector.tsx';
import { selectedNode } from './selectors.ts';
import { useFlowStore } from './store.ts';

export function InspectorPanel() {
  const node = useFlowStore(selectedNode);
  const document = useFlowStore((s) => s.lint.document);
  const readOnly = useFlowStore((s) => s.readOnly || s.mode === 'stats');
  const updateNodeData = useFlowStore((s) => s.updateNodeData);
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
  const flowNode: FlowNode | null = node && {
    id: node.id,
    type: node.type ?? '',
    position: node.position,
    data: node.data,
  };
  return (
    <Inspector node={flowNode} document={document} issues={issues} readOnly={readOnly} onChange={onChange} />
  );
}
