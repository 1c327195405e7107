// A connection between two nodes. In stats mode its label says how many contacts took it and how
// many of those who entered its source did not (the drop-off), and its weight shows the share of the
// funnel's start; in edit mode a selected edge offers a delete button.
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type Lang, useLang } from '../i18n.ts';
import { formatCount, formatShare } from './format.ts';
import { GLYPHS, Icon } from './icons.tsx';
import { useT } from './messages.ts';
import { nodeName } from './node-name.ts';
import { edgePort } from './node-ports.ts';
import { editable, startCount } from './selectors.ts';
import { dropOff } from './stats/funnel.ts';
import { type FlowState, useFlowStore } from './store.ts';

/** Who left `source` through this edge's port, of how many entered it; null outside stats mode. */
const edgeCount =
  (source: string, handle: string | null | undefined, lang: Lang) =>
  (state: FlowState): { took: number; entered: number; from: string } | null => {
    if (state.mode !== 'stats') return null;
    const node = state.nodes.find((n) => n.id === source);
    const port = edgePort(node?.type, node?.data, handle);
    const counts = state.stats?.nodes[source];
    return {
      took: port ? (counts?.ports[port] ?? 0) : 0,
      entered: counts?.entered ?? 0,
      from: node ? nodeName(node, lang) : source,
    };
  };

function FlowEdgeView(props: EdgeProps) {
  const { id, source, sourceHandleId, selected, markerEnd } = props;
  const t = useT();
  const { lang } = useLang();
  const count = useFlowStore(useShallow(edgeCount(source, sourceHandleId, lang)));
  const took = count?.took ?? null;
  const dropped = count ? dropOff(count.took, count.entered) : null;
  const start = useFlowStore(startCount);
  const canEdit = useFlowStore(editable);
  const deleteEdge = useFlowStore((s) => s.deleteEdge);
  const [path, labelX, labelY] = getSmoothStepPath({ ...props, borderRadius: 14, offset: 24 });

  const share = took !== null && start > 0 ? Math.min(1, took / start) : 0;
  const stroke =
    took !== null
      ? took > 0
        ? `rgba(5, 150, 105, ${0.35 + share * 0.65})`
        : '#cbd5e1'
      : selected
        ? '#059669'
        : '#94a3b8';
  const strokeWidth = took !== null ? 1.5 + share * 6 : selected ? 2.25 : 1.5;

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={{ stroke, strokeWidth }}
        interactionWidth={24}
      />
      <EdgeLabelRenderer>
        {took !== null && (
          <div
            className="nodrag nopan pointer-events-auto absolute flex items-center gap-1 whitespace-nowrap rounded-full bg-white px-2 py-0.5 text-[11px] font-semibold text-emerald-700 shadow-sm ring-1 ring-emerald-200"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-took-${id}`}
            title={t('edgeTitle', {
              node: count?.from ?? '',
              entered: formatCount(count?.entered ?? 0, lang),
              took: formatCount(took, lang),
            })}
          >
            <span>{t('took', { count: formatCount(took, lang) })}</span>
            {dropped !== null && dropped > 0 && (
              <span className="font-normal text-rose-500" data-testid={`edge-drop-${id}`}>
                {t('edgeDrop', { share: formatShare(dropped, 1) })}
              </span>
            )}
          </div>
        )}
        {took === null && selected && canEdit && (
          <button
            type="button"
            className="nodrag nopan pointer-events-auto absolute flex size-6 items-center justify-center rounded-full bg-white text-slate-500 shadow ring-1 ring-slate-200 hover:bg-rose-50 hover:text-rose-600"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            onClick={() => deleteEdge(id)}
            title={t('deleteEdge')}
            aria-label={t('deleteEdge')}
          >
            <Icon d={GLYPHS.close} className="size-3.5" />
          </button>
        )}
      </EdgeLabelRenderer>
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
