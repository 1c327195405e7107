// Renders the inspector the way the canvas does: the data it emits becomes the node's data.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, vi } from 'vitest';
import type { FlowDocument, FlowNode } from '../../../../shared/flow/document.ts';
import type { Issue } from '../../../../shared/flow/issues.ts';
import { nodeRegistry } from '../../../../shared/nodes/index.ts';
import { type Lang, LangProvider } from '../../i18n.ts';
import { Inspector } from './Inspector.tsx';

afterEach(cleanup);

/** A node of `type` with the type's initial data, or `data` over it. */
export function nodeOf(type: string, data: Record<string, unknown> = {}, id = type): FlowNode {
  const initial = structuredClone(nodeRegistry.get(type)?.initial ?? {});
  return { id, type, position: { x: 0, y: 0 }, data: { ...initial, ...data } };
}

type HarnessOptions = { others?: FlowNode[]; issues?: Issue[]; lang?: Lang; readOnly?: boolean };

function Harness(props: {
  node: FlowNode;
  options: HarnessOptions;
  onChange: (data: Record<string, unknown>) => void;
}) {
  const { node, options } = props;
  const [data, setData] = useState(node.data);
  const current = { ...node, data };
  const document: FlowDocument = { nodes: [current, ...(options.others ?? [])], edges: [] };
  const [queries] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <QueryClientProvider client={queries}>
      <LangProvider lang={options.lang ?? 'en'} setLang={() => {}}>
        <Inspector
          node={current}
          document={document}
          issues={options.issues ?? []}
          readOnly={options.readOnly}
          onChange={(next) => {
            props.onChange(next);
            setData(next);
          }}
        />
      </LangProvider>
    </QueryClientProvider>
  );
}

export function renderInspector(node: FlowNode, options: HarnessOptions = {}) {
  const onChange = vi.fn<(data: Record<string, unknown>) => void>();
  const user = userEvent.setup();
  const view = render(<Harness node={node} options={options} onChange={onChange} />);
  return {
    ...view,
    user,
    onChange,
    lastData: (): Record<string, unknown> => onChange.mock.lastCall?.[0] ?? {},
  };
}
