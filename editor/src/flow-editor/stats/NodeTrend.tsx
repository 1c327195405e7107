// One card's days: how many entered it (bars) and left by each of its exits (lines) over the range.
import type { DailyStatsBody } from '../../../../shared/api/flows.ts';
import { Chart, type ChartRow, type ChartSeries } from '../../charts/Chart.tsx';
import { useLang } from '../../i18n.ts';
import type { CanvasNode } from '../canvas-document.ts';
import { nodeName } from '../node-name.ts';
import { nodePorts } from '../node-ports.ts';
import { useT } from './messages.ts';

/** The chart's rows: a day each, with `entered` and one `exit:<port>` per exit. */
export function trendRows(daily: DailyStatsBody, nodeId: string, ports: readonly string[]): ChartRow[] {
  const counts = daily.nodes[nodeId];
  return daily.days.map((day, i) => ({
    x: day,
    entered: counts?.entered[i] ?? 0,
    ...Object.fromEntries(ports.map((port) => [`exit:${port}`, counts?.exits[port]?.[i] ?? 0])),
  }));
}

export function NodeTrend(props: {
  daily: DailyStatsBody;
  node: Pick<CanvasNode, 'id' | 'type' | 'data' | 'label'>;
}) {
  const { daily, node } = props;
  const t = useT();
  const { lang } = useLang();
  const ports = nodePorts(node.type, node.data);
  const series: ChartSeries[] = [
    {
      key: 'entered',
      label: t('enteredIn', { version: t('versionShort', { version: daily.version }) }),
      kind: 'bar',
    },
    ...ports.map((port) => ({
      key: `exit:${port.id}`,
      label: t('exitBy', { port: port.label[lang] }),
      kind: 'line' as const,
    })),
  ];
  const name = nodeName(node, lang);
  return (
    <div className="flex min-w-0 flex-col gap-1" data-testid="node-trend">
      <h3 className="truncate text-xs font-semibold text-slate-700">{t('trendTitle', { node: name })}</h3>
      <Chart
        label={t('trendTitle', { node: name })}
        rows={trendRows(
          daily,
          node.id,
          ports.map((port) => port.id),
        )}
        series={series}
        format="count"
        height={170}
      />
    </div>
  );
}
