// The funnel of the shown version over a range of days: along the path most contacts took or one
// picked by clicking cards, optionally beside a second version, with the selected card's daily trend.
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Segmented, Select } from '../../app/ui.tsx';
import { useWorkspaceTime } from '../../app/workspace-time.ts';
import { useErrorText } from '../../error-text.ts';
import { useLang } from '../../i18n.ts';
import { nodeName } from '../node-name.ts';
import { selectedNode } from '../selectors.ts';
import { useFlowStore } from '../store.ts';
import { FunnelChart, type FunnelSide } from './FunnelChart.tsx';
import { funnelSteps, mostTakenPath, togglePicked } from './funnel.ts';
import { useT } from './messages.ts';
import { NodeTrend } from './NodeTrend.tsx';
import { useDailyStats, useVersions } from './queries.ts';
import { useStatsRange } from './range.ts';
import { StatsRange } from './StatsRange.tsx';

const PATH_MODES = ['most', 'pick'] as const;
type PathMode = (typeof PATH_MODES)[number];

/** In pick mode, a card selected on the canvas joins the path (or leaves it), unless we selected it. */
function usePicking(mode: PathMode) {
  const [picked, setPicked] = useState<string[]>([]);
  const selectedId = useFlowStore((s) => selectedNode(s)?.id ?? null);
  const ours = useRef<string | null>(null);
  useEffect(() => {
    if (mode !== 'pick' || !selectedId) return;
    if (ours.current === selectedId) ours.current = null;
    else setPicked((path) => togglePicked(path, selectedId));
  }, [mode, selectedId]);
  return { picked, setPicked, selectedId, ours };
}

export function FunnelTab({ flowId, version }: { flowId: string; version: number }) {
  const t = useT();
  const { lang } = useLang();
  const errorText = useErrorText();
  const range = useStatsRange(useWorkspaceTime().zone);
  const versions = useVersions(flowId);
  const [mode, setMode] = useState<PathMode>('most');
  const [compareWith, setCompareWith] = useState<number | null>(null);
  const { picked, setPicked, selectedId, ours } = usePicking(mode);
  const graph = useFlowStore(useShallow((s) => ({ nodes: s.nodes, edges: s.edges })));
  const selectNode = useFlowStore((s) => s.selectNode);
  const daily = useDailyStats(flowId, version, range.range);
  const other = useDailyStats(flowId, compareWith === version ? null : compareWith, range.range);

  const focus = (nodeId: string) => {
    ours.current = nodeId;
    selectNode(nodeId);
  };
  const totals = daily.data?.totals ?? {};
  const path = mode === 'most' ? mostTakenPath(graph, totals) : picked;
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const names = path.map((id) => {
    const node = byId.get(id);
    return node ? nodeName(node, lang) : id;
  });
  const a: FunnelSide = { version, steps: funnelSteps(path, totals) };
  const otherTotals = other.data?.totals;
  const b: FunnelSide | undefined =
    compareWith !== null && otherTotals
      ? {
          version: compareWith,
          // A card the other version does not have has no step there.
          steps: funnelSteps(path, otherTotals).map((step) => (otherTotals[step.nodeId] ? step : null)),
        }
      : undefined;
  const trendNode = selectedId ? byId.get(selectedId) : undefined;

  return (
    <div className="flex flex-col gap-3" data-testid="funnel-tab">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <StatsRange state={range} />
        <Segmented
          aria-label={t('path')}
          size="small"
          value={mode}
          onChange={setMode}
          options={PATH_MODES.map((m) => ({ value: m, label: t(`path_${m}`), testId: `funnel-path-${m}` }))}
        />
        <label className="flex items-center gap-2 text-xs text-slate-500">
          {t('compare')}
          <Select
            size="small"
            value={compareWith ?? ''}
            onChange={(e) => setCompareWith(e.target.value ? Number(e.target.value) : null)}
            data-testid="funnel-compare"
          >
            <option value="">{t('compareNone')}</option>
            {(versions.data ?? [])
              .filter((v) => v.version !== version)
              .reverse()
              .map((v) => (
                <option key={v.version} value={v.version}>
                  {t('versionShort', { version: v.version })}
                </option>
              ))}
          </Select>
        </label>
      </div>
      {mode === 'pick' && (
        <div className="flex flex-wrap items-center gap-1.5 text-xs" data-testid="funnel-picked">
          {picked.length === 0 && <span className="text-slate-400">{t('pickHint')}</span>}
          {picked.map((id, i) => (
            <button
              key={id}
              type="button"
              className="rounded-full bg-emerald-50 px-2 py-0.5 text-emerald-800 ring-1 ring-emerald-200 hover:bg-rose-50 hover:text-rose-700 hover:ring-rose-200"
              title={t('removeStep', { node: names[i] ?? id })}
              onClick={() => setPicked(togglePicked(picked, id))}
            >
              {i + 1}. {names[i]} ×
            </button>
          ))}
        </div>
      )}
      {(daily.error || other.error) && (
        <p className="text-xs text-rose-600" role="alert">
          {t('dailyFailed', { message: errorText(daily.error ?? other.error) })}
        </p>
      )}
      {range.range && daily.data ? (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="min-w-0">
            {a.steps[0]?.entered === 0 && <p className="mb-1 text-xs text-slate-400">{t('noEntries')}</p>}
            <FunnelChart
              names={names}
              a={a}
              b={b}
              label={t('chartLabel', { from: range.range.from, to: range.range.to })}
              onFocusNode={focus}
            />
          </div>
          {trendNode ? (
            <NodeTrend daily={daily.data} node={trendNode} />
          ) : (
            <p className="self-center text-center text-xs text-slate-400">{t('trendHint')}</p>
          )}
        </div>
      ) : (
        !daily.error && range.range && <div className="h-48 animate-pulse rounded-lg bg-slate-50" />
      )}
    </div>
  );
}
