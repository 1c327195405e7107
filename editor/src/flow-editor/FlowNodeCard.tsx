// The one card every node type is drawn with: category colour, the card's name (or its type's label)
// on top, the content the marketer wrote, lint badges, and one handle per port. In stats mode the
// content shrinks to one line and the counts sit under it.
import type { NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { nodeRegistry } from '../../../shared/nodes/index.ts';
import { useLang } from '../i18n.ts';
import type { CanvasNode } from './canvas-document.ts';
import { CATEGORY_STYLES, UNKNOWN_STYLE } from './categories.ts';
import { NodeIcon } from './icons.tsx';
import { LintBadges } from './LintBadges.tsx';
import { useT } from './messages.ts';
import { PortHandles, TargetHandle } from './NodeHandles.tsx';
import { NodeStats } from './NodeStats.tsx';
import { typeName } from './node-name.ts';
import { nodePorts } from './node-ports.ts';
import { NodeSummary } from './node-summary.tsx';
import { editable, endingPorts, issueCounts, nodeLabel, startCount } from './selectors.ts';
import { useFlowStore } from './store.ts';

function FlowNodeCardView({ id, type, data, selected }: NodeProps<CanvasNode>) {
  const label = useFlowStore(nodeLabel(id));
  const { lang } = useLang();
  const t = useT();
  const definition = nodeRegistry.get(type);
  const style = definition ? CATEGORY_STYLES[definition.category] : UNKNOWN_STYLE;
  const ports = useMemo(() => nodePorts(type, data), [type, data]);
  const [errors, warnings] = useFlowStore(issueCounts(id)).split('/').map(Number) as [number, number];
  const highlighted = useFlowStore((s) => s.highlightNodeId === id);
  const connectable = useFlowStore(editable);
  const stats = useFlowStore((s) => (s.mode === 'stats' ? (s.stats?.nodes[id] ?? null) : undefined));
  const start = useFlowStore(startCount);
  const inStats = stats !== undefined;
  const endingList = useFlowStore(endingPorts(id));
  const ending = useMemo(
    () => (inStats || !endingList ? undefined : new Set(endingList.split('\n').slice(1))),
    [inStats, endingList],
  );

  const ring = highlighted
    ? 'ring-4 ring-amber-300 border-amber-400'
    : selected
      ? 'ring-2 ring-emerald-500/70 border-emerald-500'
      : errors > 0
        ? 'border-rose-300'
        : 'border-slate-200 hover:border-slate-300';
  return (
    <div
      className={`group w-[272px] rounded-xl border bg-white shadow-sm transition-shadow hover:shadow-md ${ring}`}
      data-testid={`node-${id}`}
    >
      {definition?.category !== 'trigger' && <TargetHandle connectable={connectable} />}
      <div className={`h-1 rounded-t-xl ${style.stripe}`} />
      <div className="flex items-center gap-2 px-3 pt-2.5 pb-2">
        <span className={`flex size-7 shrink-0 items-center justify-center rounded-lg ring-1 ${style.tile}`}>
          <NodeIcon type={type} />
        </span>
        <div className="min-w-0 flex-1">
          <p className="truncate text-[13px] font-semibold text-slate-900" data-testid="node-title">
            {label ?? (definition ? definition.label[lang] : t('unknownType'))}
          </p>
          {label ? (
            <p className="truncate text-[10px] text-slate-400" title={id}>
              {typeName(type, lang)}
            </p>
          ) : (
            <p className="truncate font-mono text-[10px] text-slate-400">{definition ? id : type}</p>
          )}
        </div>
        <LintBadges errors={errors} warnings={warnings} />
      </div>
      {/* In stats mode one line of the content is left, so cards keep about their size and the layout holds. */}
      {definition && (
        <div className={inStats ? 'px-3 pb-2' : 'px-3 pb-3'} data-testid="node-summary">
          <div className={inStats ? 'max-h-5 overflow-hidden [&_p]:line-clamp-1' : undefined}>
            <NodeSummary definition={definition} data={data} lang={lang} />
          </div>
        </div>
      )}
      {inStats && (
        <NodeStats
          nodeId={id}
          entered={stats?.entered ?? 0}
          here={stats?.here ?? 0}
          start={start}
          lang={lang}
        />
      )}
      <PortHandles
        ports={ports}
        lang={lang}
        connectable={connectable}
        counts={inStats ? (stats?.ports ?? {}) : undefined}
        ending={ending}
      />
    </div>
  );
}

// Only what the card shows: React Flow also passes the position, size and drag state, which change on
// every frame of a drag and would otherwise redraw the whole card each frame.
export const FlowNodeCard = memo(
  FlowNodeCardView,
  (a, b) => a.id === b.id && a.type === b.type && a.data === b.data && a.selected === b.selected,
);
