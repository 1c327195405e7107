// The flow editor page at /flows/:id: loads the flow, then gives the editor its own store for it.
import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import { Link } from 'wouter';
import { Button } from '../app/ui.tsx';
import { useErrorText } from '../error-text.ts';
import { EditorLayout } from './EditorLayout.tsx';
import { type FlowDetail, flowKeys, getFlow, readGraph } from './flow-api.ts';
import { useT } from './messages.ts';
import { createFlowStore, FlowStoreProvider } from './store.ts';

export function FlowEditorPage({ flowId }: { flowId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const flow = useQuery({ queryKey: flowKeys.detail(flowId), queryFn: () => getFlow(flowId) });
  if (flow.isPending) {
    return (
      <div className="flex h-dvh items-center justify-center gap-3 bg-slate-50 text-sm text-slate-500">
        <span className="size-4 animate-spin rounded-full border-2 border-emerald-500 border-t-transparent" />
        {t('loading')}
      </div>
    );
  }
  if (flow.isError) {
    return (
      <div className="flex h-dvh flex-col items-center justify-center gap-3 bg-slate-50 text-sm text-slate-600">
        <p role="alert">{t('loadFailed', { message: errorText(flow.error) })}</p>
        <div className="flex gap-2">
          <Link href="/flows" className="rounded-lg px-3 py-1.5 text-emerald-700 hover:bg-emerald-50">
            {t('back')}
          </Link>
          <Button onClick={() => flow.refetch()}>{t('retry')}</Button>
        </div>
      </div>
    );
  }
  return <FlowEditor key={flowId} flow={flow.data} />;
}

/** The store is made from the first load only: refetches (after publishing…) refresh the status, never the canvas. */
function FlowEditor({ flow }: { flow: FlowDetail }) {
  const [store] = useState(() => createFlowStore(flow.id, readGraph(flow.graph), flow.name));
  return (
    <FlowStoreProvider store={store}>
      <ReactFlowProvider>
        <EditorLayout flow={flow} />
      </ReactFlowProvider>
    </FlowStoreProvider>
  );
}
