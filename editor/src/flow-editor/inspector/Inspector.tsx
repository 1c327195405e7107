// The inspector: the selected node's settings form, generated from its schema's UI meta.
import type { JSX } from 'react';
import type { FlowDocument, FlowNode } from '../../../../shared/flow/document.ts';
import type { Issue } from '../../../../shared/flow/issues.ts';
import { nodeRegistry } from '../../../../shared/nodes/index.ts';
import type { NodeData } from './field-values.ts';
import { useInspectorT } from './messages.ts';
import { NodeForm } from './NodeForm.tsx';

const panelClass = 'h-full overflow-y-auto bg-white text-sm';

export function Inspector(props: {
  /** Where the node sits on the canvas is not the inspector's business: moving it re-renders nothing here. */
  node: Pick<FlowNode, 'id' | 'type' | 'data' | 'label'> | null;
  document: FlowDocument;
  issues: Issue[];
  readOnly?: boolean;
  onChange: (data: Record<string, unknown>) => void;
  onLabelChange?: (label: string) => void;
}): JSX.Element {
  const { node, document, issues, readOnly = false, onChange, onLabelChange } = props;
  const t = useInspectorT();
  const definition = node && nodeRegistry.get(node.type);
  if (!node || !definition) {
    return (
      <aside aria-label={t('panel')} className={panelClass}>
        <p className="px-4 py-6 text-center text-xs text-slate-400">
          {node ? t('unknownType', { type: node.type }) : t('empty')}
        </p>
      </aside>
    );
  }
  const data = node.data && typeof node.data === 'object' ? (node.data as NodeData) : {};
  return (
    <aside aria-label={t('panel')} className={panelClass}>
      {/* Keyed by node: drafts of half-typed numbers never leak into the next selected node. */}
      <NodeForm
        key={node.id}
        nodeId={node.id}
        definition={definition}
        data={data}
        document={document}
        issues={issues}
        readOnly={readOnly}
        onChange={onChange}
        label={node.label}
        onLabelChange={onLabelChange}
      />
    </aside>
  );
}
