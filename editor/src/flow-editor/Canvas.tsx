// The canvas: React Flow wired to the flow store, with drop-from-palette, the connecting rules,
// our minimap, zoom controls, dotted background and the lint panel.
import '@xyflow/react/dist/style.css';
import {
  ConnectionLineType,
  Controls,
  type IsValidConnection,
  MarkerType,
  type OnError,
  Panel,
  ReactFlow,
  useStoreApi,
} from '@xyflow/react';
import { type DragEvent, useCallback, useMemo, useState } from 'react';
import { useLang } from '../i18n.ts';
import { canConnect } from './can-connect.ts';
import type { CanvasEdge, CanvasNode } from './canvas-document.ts';
import { DotGrid } from './DotGrid.tsx';
import { createDragRelay } from './drag-relay.ts';
import { EmptyCanvas } from './EmptyCanvas.tsx';
import { edgeTypes, nodeTypes } from './element-types.ts';
import { FlowMiniMap } from './FlowMiniMap.tsx';
import { LintPanel } from './LintPanel.tsx';
import { LARGE_FLOW, startViewport } from './large-flow.ts';
import { useT } from './messages.ts';
import { NODE_DRAG_TYPE } from './Palette.tsx';
import { editable } from './selectors.ts';
import { useFlowStore, useFlowStoreApi } from './store.ts';
import { useAddNode } from './use-add-node.ts';
import { FIT, useCanvasView } from './use-canvas-view.ts';

const DEFAULT_EDGE = {
  type: 'flow',
  // In user space, so an edge drawn thick in stats mode keeps a normal arrow head.
  markerEnd: {
    type: MarkerType.ArrowClosed,
    width: 16,
    height: 16,
    color: '#94a3b8',
    markerUnits: 'userSpaceOnUse',
  },
};

// Unknown node types are drawn by our own card (see element-types.ts): not worth a console warning.
const onError: OnError = (code, message) => {
  if (code !== '003') console.warn(message);
};

export function Canvas() {
  const t = useT();
  const store = useFlowStoreApi();
  const nodes = useFlowStore((s) => s.nodes);
  const edges = useFlowStore((s) => s.edges);
  const reactFlow = useStoreApi<CanvasNode, CanvasEdge>();
  const onNodesChange = useMemo(
    () =>
      createDragRelay({
        live: () => reactFlow.getState(),
        commit: (changes) => store.getState().onNodesChange(changes),
      }),
    [reactFlow, store],
  );
  const onEdgesChange = useFlowStore((s) => s.onEdgesChange);
  const onConnect = useFlowStore((s) => s.onConnect);
  const canEdit = useFlowStore(editable);
  const hasTrigger = useFlowStore((s) => !s.lint.errors.some((issue) => issue.code === 'no_trigger'));
  const empty = useFlowStore((s) => s.nodes.length === 0);
  const stats = useFlowStore((s) => s.mode === 'stats');
  const large = useFlowStore((s) => s.nodes.length > LARGE_FLOW);
  // Decided once, on the document the canvas opened with.
  const [opening] = useState(() => (large ? startViewport(store.getState().nodes) : null));
  const { addAt } = useAddNode();
  const { fitOnOpen } = useCanvasView(FIT);
  const { lang } = useLang();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `t` is new each render; `lang` is what it depends on
  const ariaLabels = useMemo(
    () => ({
      'controls.ariaLabel': t('canvasControls'),
      'controls.zoomIn.ariaLabel': t('zoomIn'),
      'controls.zoomOut.ariaLabel': t('zoomOut'),
      'controls.fitView.ariaLabel': t('fitView'),
      'minimap.ariaLabel': t('minimap'),
      'node.a11yDescription.default': t('nodeA11y'),
      'node.a11yDescription.keyboardDisabled': t('nodeA11y'),
      'edge.a11yDescription.default': t('edgeA11y'),
      'handle.ariaLabel': t('handle'),
    }),
    [lang],
  );

  const isValidConnection = useCallback<IsValidConnection>(
    (connection) => canConnect(connection, store.getState().nodes, store.getState().edges),
    [store],
  );
  const onDragOver = (event: DragEvent) => {
    if (!canEdit || !event.dataTransfer.types.includes(NODE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  };
  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(NODE_DRAG_TYPE);
    if (!type || !canEdit) return;
    event.preventDefault();
    addAt(type, { x: event.clientX, y: event.clientY });
  };

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      defaultEdgeOptions={DEFAULT_EDGE}
      connectionLineType={ConnectionLineType.SmoothStep}
      connectionLineStyle={{ stroke: '#059669', strokeWidth: 2 }}
      nodesDraggable={canEdit}
      nodesConnectable={canEdit}
      deleteKeyCode={null}
      fitView={!opening && fitOnOpen}
      fitViewOptions={FIT}
      defaultViewport={opening ?? undefined}
      onlyRenderVisibleElements={large}
      minZoom={0.2}
      ariaLabelConfig={ariaLabels}
      maxZoom={1.75}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onError={onError}
      className="bg-slate-50"
    >
      <DotGrid gap={20} size={1.4} color="#cbd5e1" />
      <Controls
        position="top-left"
        showInteractive={false}
        fitViewOptions={FIT}
        className="overflow-hidden rounded-lg shadow-sm"
      />
      {!empty && <FlowMiniMap />}
      {/* An empty flow has one error, "no trigger": the guide in the middle says what to do instead.
          Stats mode shows a published version nobody edits there, over a canvas the funnel panel
          shortens: the lint would only cover its cards. */}
      {!empty && !stats && (
        <Panel position="bottom-left">
          <LintPanel />
        </Panel>
      )}
      {empty && canEdit && (
        <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center">
          <EmptyCanvas />
        </div>
      )}
      {!empty && !hasTrigger && canEdit && (
        <Panel position="top-center">
          <p className="whitespace-nowrap rounded-full bg-white px-4 py-2 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">
            {t('noTrigger')}
          </p>
        </Panel>
      )}
    </ReactFlow>
  );
}
