// The bot's quality over the last 7 or 30 days (or chosen dates): per flow and per account, private
// chats apart from groups — messages in, the share the bot answered, fallback and handoff rates, and
// goals per 100 contacts who wrote.
import type { BotQualityRow } from '../../../shared/api/insights.ts';
import { Card } from '../app/ui.tsx';
import { formatCount, formatPercent } from '../charts/format.ts';
import { useLang } from '../i18n.ts';
import { useSession } from '../queries.ts';
import { useBotQuality } from './insights-api.ts';
import { insightsMessages } from './insights-messages.ts';
import { RangePicker, useDayRange } from './KpisRange.tsx';

export function InsightsBotQuality() {
  const t = insightsMessages.useT();
  const session = useSession();
  const range = useDayRange(session.data?.workspace.timeZone);
  const quality = useBotQuality(session.isPending || !range.ready ? null : range.range);
  return (
    <section className="mt-10" data-testid="bot-quality">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">{t('qualityTitle')}</h2>
          <p className="text-sm text-slate-500">{t('qualitySubtitle')}</p>
        </div>
        <RangePicker state={range} />
      </div>
      <div className="space-y-4">
        <QualityTable title={t('byFlow')} rows={quality.data?.flows} testId="quality-flows" />
        <QualityTable title={t('byAccount')} rows={quality.data?.accounts} testId="quality-accounts" />
      </div>
    </section>
  );
}

function QualityTable(props: { title: string; rows: BotQualityRow[] | undefined; testId: string }) {
  const t = insightsMessages.useT();
  const { lang } = useLang();
  const pct = (v: number | null) => formatPercent(v, lang);
  const rows = props.rows ?? [];
  return (
    <Card className="overflow-x-auto">
      <h3 className="border-b border-slate-100 px-4 py-3 text-sm font-medium text-slate-700">
        {props.title}
      </h3>
      {props.rows && rows.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-slate-500">{t('noQuality')}</p>
      ) : (
        <table className="w-full text-sm" data-testid={props.testId}>
          <thead className="bg-slate-50 text-left text-xs font-medium text-slate-500">
            <tr>
              <th className="px-3 py-2">{t('name')}</th>
              <th className="px-3 py-2">{t('scope')}</th>
              <th className="px-3 py-2 text-right">{t('turns')}</th>
              <th className="px-3 py-2 text-right">{t('answered')}</th>
              <th className="px-3 py-2 text-right">{t('fallback')}</th>
              <th className="px-3 py-2 text-right">{t('handoff')}</th>
              <th className="px-3 py-2 text-right">{t('goalsPer100')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums">
            {rows.map((r) => (
              <tr key={`${r.id}-${r.scope}`}>
                <td className="max-w-48 truncate px-3 py-2 font-medium text-slate-800">
                  {r.name ?? t('noFlow')}
                </td>
                <td className="px-3 py-2 text-slate-600">{t(`scope_${r.scope}`)}</td>
                <td className="px-3 py-2 text-right">{formatCount(r.turns, lang)}</td>
                <td className="px-3 py-2 text-right">{pct(r.answeredRate)}</td>
                <td className="px-3 py-2 text-right">{pct(r.fallbackRate)}</td>
                <td className="px-3 py-2 text-right">{pct(r.handoffRate)}</td>
                <td className="px-3 py-2 text-right">
                  {r.goalsPer100 === null ? '—' : formatCount(Math.round(r.goalsPer100 * 10) / 10, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
