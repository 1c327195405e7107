// The bot's part of the KPIs: contacts who wrote in private per day against those it settled alone,
// with the day's fallback rate, and the flow nodes that handed contacts off to an agent.
import { Link } from 'wouter';
import { Card } from '../app/ui.tsx';
import { Chart, type ChartRow } from '../charts/Chart.tsx';
import { formatCount } from '../charts/format.ts';
import { SERIES_COLORS } from '../charts/palette.ts';
import { useLang } from '../i18n.ts';
import type { InboxKpis } from './inbox-stats-api.ts';
import { inboxStatsMessages } from './inbox-stats-messages.ts';
import { KpiSection } from './KpisAgents.tsx';

export function KpisBot({ kpis, days }: { kpis: InboxKpis; days: string[] }) {
  const t = inboxStatsMessages.useT();
  const byDay = new Map(kpis.bot.days.map((d) => [d.day, d]));
  const rows: ChartRow[] = days.map((day) => {
    const d = byDay.get(day);
    return {
      x: day,
      contacts: d?.contacts ?? 0,
      botOnly: d?.botOnly ?? 0,
      fallbackRate: d?.messages ? d.fallback / d.messages : null,
    };
  });
  return (
    <KpiSection title={t('botTitle')}>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="p-4">
          <h3 className="mb-2 text-sm font-medium text-slate-700">{t('botPerDay')}</h3>
          <Chart
            label={t('botPerDay')}
            testId="kpi-chart"
            rows={rows}
            format="count"
            rightFormat="percent"
            series={[
              { key: 'contacts', label: t('contacts'), kind: 'bar', color: SERIES_COLORS[1] },
              { key: 'botOnly', label: t('botOnly'), kind: 'bar', color: SERIES_COLORS[0] },
              {
                key: 'fallbackRate',
                label: t('fallbackRate'),
                kind: 'line',
                axis: 'right',
                color: SERIES_COLORS[2],
              },
            ]}
          />
        </Card>
        <NodeTable nodes={kpis.bot.byNode} />
      </div>
    </KpiSection>
  );
}

function NodeTable({ nodes }: { nodes: InboxKpis['bot']['byNode'] }) {
  const t = inboxStatsMessages.useT();
  const { lang } = useLang();
  const sorted = [...nodes].sort((a, b) => b.handoffs - a.handoffs);
  return (
    <Card className="overflow-hidden">
      <h3 className="px-4 pt-4 pb-2 text-sm font-medium text-slate-700">{t('handoffsTitle')}</h3>
      {sorted.length === 0 ? (
        <p className="px-4 pb-4 text-sm text-slate-500">{t('noHandoffs')}</p>
      ) : (
        <div className="max-h-72 overflow-y-auto">
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2">{t('flow')}</th>
                <th className="px-4 py-2">{t('node')}</th>
                <th className="px-4 py-2 text-right">{t('handoffs')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sorted.map((n) => (
                <tr key={`${n.flowId}/${n.nodeId}`} data-testid="kpi-node-row">
                  <td className="max-w-48 truncate px-4 py-2">
                    <Link
                      href={`/flows/${n.flowId}`}
                      className="font-medium text-emerald-700 hover:underline"
                    >
                      {n.flowName}
                    </Link>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs text-slate-600">{n.nodeLabel ?? n.nodeId}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatCount(n.handoffs, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
