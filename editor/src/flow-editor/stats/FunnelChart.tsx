// A funnel as a chart and a table: contacts who entered each card of the path (bars) and the share of
// the start (line), the loss from step to step, and, when comparing, a second version beside it.
import { Chart, type ChartRow, type ChartSeries } from '../../charts/Chart.tsx';
import { formatCount, formatPercent } from '../../charts/format.ts';
import { useLang } from '../../i18n.ts';
import type { FunnelStep } from './funnel.ts';
import { useT } from './messages.ts';

export type FunnelSide = { version: number; steps: (FunnelStep | null)[] };

const cell = 'px-2 py-0.5 text-right tabular-nums whitespace-nowrap';
const A_COLORS = { bar: 'var(--color-emerald-500)', line: 'var(--color-emerald-800)' };
const B_COLORS = { bar: 'var(--color-sky-400)', line: 'var(--color-sky-700)' };

export function FunnelChart(props: {
  names: string[];
  a: FunnelSide;
  b?: FunnelSide;
  label: string;
  onFocusNode: (nodeId: string) => void;
}) {
  const { names, a, b } = props;
  const t = useT();
  const { lang } = useLang();
  const va = t('versionShort', { version: a.version });
  const vb = b && t('versionShort', { version: b.version });
  const rows: ChartRow[] = a.steps.map((step, i) => ({
    x: `${i + 1}. ${names[i]}`,
    a: step?.entered ?? null,
    aShare: step?.ofStart ?? null,
    ...(b ? { b: b.steps[i]?.entered ?? null, bShare: b.steps[i]?.ofStart ?? null } : {}),
  }));
  // Each version its own hue: its bars light, its share of the start a darker line over them.
  const series: ChartSeries[] = [
    { key: 'a', label: t('enteredIn', { version: va }), kind: 'bar', color: A_COLORS.bar },
    ...(vb
      ? [{ key: 'b', label: t('enteredIn', { version: vb }), kind: 'bar' as const, color: B_COLORS.bar }]
      : []),
    {
      key: 'aShare',
      label: t('shareIn', { version: va }),
      kind: 'line',
      axis: 'right',
      color: A_COLORS.line,
    },
    ...(vb
      ? [
          {
            key: 'bShare',
            label: t('shareIn', { version: vb }),
            kind: 'line' as const,
            axis: 'right' as const,
            dashed: true,
            color: B_COLORS.line,
          },
        ]
      : []),
  ];
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <Chart
        label={props.label}
        rows={rows}
        series={series}
        format="count"
        rightFormat="percent"
        xFormat="text"
        height={160}
        testId="funnel-chart"
      />
      <table className="w-full text-xs" data-testid="funnel-table">
        <thead className="text-slate-400">
          <tr>
            <th className="px-2 py-0.5 text-left font-medium">{t('step')}</th>
            <th className={`${cell} font-medium`}>{t('enteredIn', { version: va })}</th>
            <th className={`${cell} font-medium`}>{t('shareIn', { version: va })}</th>
            <th className={`${cell} font-medium`}>{t('lost')}</th>
            {vb && <th className={`${cell} font-medium`}>{t('enteredIn', { version: vb })}</th>}
            {vb && <th className={`${cell} font-medium`}>{t('shareIn', { version: vb })}</th>}
          </tr>
        </thead>
        <tbody className="text-slate-700">
          {a.steps.map((step, i) => {
            const other = b?.steps[i];
            return (
              <tr key={step?.nodeId ?? i} className="border-t border-slate-100" data-testid="funnel-step">
                <td className="max-w-48 truncate px-2 py-0.5">
                  <button
                    type="button"
                    className="truncate text-left hover:text-emerald-700 hover:underline"
                    onClick={() => step && props.onFocusNode(step.nodeId)}
                  >
                    {i + 1}. {names[i]}
                  </button>
                </td>
                <td className={`${cell} font-semibold`}>{formatCount(step?.entered, lang)}</td>
                <td className={`${cell} text-emerald-700`}>{formatPercent(step?.ofStart, lang)}</td>
                <td className={`${cell} text-rose-600`}>
                  {step && i > 0 && step.lost > 0
                    ? `−${formatCount(step.lost, lang)} (${formatPercent(step.lostShare, lang)})`
                    : '—'}
                </td>
                {vb && (
                  <td className={`${cell} font-semibold`} title={other ? undefined : t('notInVersion')}>
                    {formatCount(other?.entered, lang)}
                  </td>
                )}
                {vb && <td className={`${cell} text-sky-700`}>{formatPercent(other?.ofStart, lang)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
