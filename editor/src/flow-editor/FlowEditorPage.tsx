// The flow editor page at /flows/:id: loads the flow, then gives the editor its own store for it.
// `?node=<id>` (a contact's run in the inbox links to the node it stands at) opens with that node
// selected and, once the cards are measured and the opening view fitted, centred.
import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { Button } from '../app/ui.tsx';
import { useErrorText } from '../error-text.ts';
import { EditorLayout } from './EditorLayout.tsx';
import { type FlowDetail, flowKeys, getFlow, readGraph } from './flow-api.ts';
import { LARGE_FLOW } from './large-flow.ts';
import { useT } from './messages.ts';
import { createFlowStore, FlowStoreProvider, useFlowStore, useFlowStoreApi } from './store.ts';

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
  const search = useSearch();
  const [linked] = useState(() => {
    const id = new URLSearchParams(search).get('node');
    const doc = readGraph(flow.graph);
    return id && doc.nodes.some((node) => node.id === id) ? id : null;
  });
  const [store] = useState(() => {
    const created = createFlowStore(flow.id, readGraph(flow.graph), flow.name);
    if (linked) created.getState().selectNode(linked);
    return created;
  });
  return (
    <FlowStoreProvider store={store}>
      <ReactFlowProvider>
        <EditorLayout flow={flow} />
        {linked && <CentreOnOpen nodeId={linked} />}
      </ReactFlowProvider>
    </FlowStoreProvider>
  );
}

/**
 * Centres the linked node once the canvas has settled: its cards measured (a large flow is never
 * measured whole) and, a frame later, its own opening fit done — which would otherwise move the view
 * away from the node the store focused on when it was made.
 */
function CentreOnOpen({ nodeId }: { nodeId: string }) {
  const store = useFlowStoreApi();
  const ready = useFlowStore(
    (s) => s.nodes.length > LARGE_FLOW || s.nodes.every((node) => node.measured?.height),
  );
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!ready || done) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        setDone(true);
        if (store.getState().nodes.some((node) => node.id === nodeId)) store.getState().selectNode(nodeId);
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [ready, done, store, nodeId]);
  return null;
}
