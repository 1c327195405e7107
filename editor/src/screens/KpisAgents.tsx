// The agents' part of the KPIs: conversations handled per day piled up by agent, the team's first
// response per day (median and p90), and each agent's figures over the range.
import type { ReactNode } from 'react';
import { Card, Empty } from '../app/ui.tsx';
import { Chart, type ChartRow } from '../charts/Chart.tsx';
import { formatCount, formatDuration } from '../charts/format.ts';
import { SERIES_COLORS } from '../charts/palette.ts';
import { useLang } from '../i18n.ts';
import type { AgentKpis, InboxKpis } from './inbox-stats-api.ts';
import { inboxStatsMessages } from './inbox-stats-messages.ts';

export function KpiSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h2 className="mb-3 text-lg font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

export function KpisAgents({ kpis, days }: { kpis: InboxKpis; days: string[] }) {
  const t = inboxStatsMessages.useT();
  const agents = [...kpis.agents].sort((a, b) => b.handled - a.handled);
  if (agents.every((a) => a.handled === 0))
    return (
      <KpiSection title={t('agentsTitle')}>
        <Card>
          <Empty title={t('noAgents')} hint={t('noAgentsHint')} />
        </Card>
      </KpiSection>
    );
  const team = new Map(kpis.team.days.map((d) => [d.day, d]));
  const handledRows: ChartRow[] = days.map((day) => ({
    x: day,
    ...Object.fromEntries(agents.map((a, i) => [`a${i}`, a.days.find((d) => d.day === day)?.handled ?? 0])),
  }));
  const responseRows: ChartRow[] = days.map((day) => ({
    x: day,
    median: team.get(day)?.firstResponseMedian ?? null,
    p90: team.get(day)?.firstResponseP90 ?? null,
  }));
  return (
    <KpiSection title={t('agentsTitle')}>
      <div className="mb-4 grid gap-4 lg:grid-cols-2">
        <Card className="p-4">
          <h3 className="mb-2 text-sm font-medium text-slate-700">{t('handledPerDay')}</h3>
          <Chart
            label={t('handledPerDay')}
            testId="kpi-chart"
            rows={handledRows}
            format="count"
            series={agents.map((a, i) => ({
              key: `a${i}`,
              label: a.user.name,
              kind: 'bar',
              stack: 'handled',
            }))}
          />
        </Card>
        <Card className="p-4">
          <h3 className="mb-2 text-sm font-medium text-slate-700">{t('responsePerDay')}</h3>
          <Chart
            label={t('responsePerDay')}
            testId="kpi-chart"
            rows={responseRows}
            format="duration"
            series={[
              { key: 'median', label: t('median'), kind: 'line', color: SERIES_COLORS[0] },
              { key: 'p90', label: t('p90'), kind: 'line', color: SERIES_COLORS[2], dashed: true },
            ]}
          />
        </Card>
      </div>
      <AgentTable agents={agents} />
    </KpiSection>
  );
}

function AgentTable({ agents }: { agents: AgentKpis[] }) {
  const t = inboxStatsMessages.useT();
  const { lang } = useLang();
  return (
    <Card className="overflow-hidden">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-3">{t('agent')}</th>
            <th className="px-4 py-3 text-right">{t('handled')}</th>
            <th className="px-4 py-3 text-right">{t('firstResponseMedian')}</th>
            <th className="px-4 py-3 text-right">{t('firstResponseP90')}</th>
            <th className="px-4 py-3 text-right">{t('closeMedian')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {agents.map((a) => (
            <tr key={a.user.id} data-testid="kpi-agent-row">
              <td className="px-4 py-3 font-medium text-slate-900">{a.user.name}</td>
              <td className="px-4 py-3 text-right tabular-nums">{formatCount(a.handled, lang)}</td>
              <td className="px-4 py-3 text-right tabular-nums">
                {formatDuration(a.firstResponseMedian, lang)}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">
                {formatDuration(a.firstResponseP90, lang)}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{formatDuration(a.closeMedian, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
