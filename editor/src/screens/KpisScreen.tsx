// The inbox's KPIs (`/kpis`): over the last 7 or 30 days or chosen dates, what the agents
// handled and how fast they answered and closed, and what the bot settled alone and where it handed off.
import { Card, Empty, ErrorNote, PageHeader } from '../app/ui.tsx';
import { formatCount, formatDuration, formatPercent } from '../charts/format.ts';
import { useLang } from '../i18n.ts';
import { useSession } from '../queries.ts';
import { CsvDownload } from './ContactsExport.tsx';
import { type InboxKpis, useKpis } from './inbox-stats-api.ts';
import { inboxStatsMessages } from './inbox-stats-messages.ts';
import { KpisAgents } from './KpisAgents.tsx';
import { KpisBot } from './KpisBot.tsx';
import { daysOf, MAX_DAYS, RangePicker, useDayRange } from './KpisRange.tsx';

export function KpisScreen() {
  const t = inboxStatsMessages.useT();
  const session = useSession();
  const zone = session.data?.workspace.timeZone;
  const range = useDayRange(zone);
  // Days are the workspace's: nothing is asked before its time zone is known.
  const kpis = useKpis(session.isPending || !range.ready ? null : range.range);
  const days = range.range ? daysOf(range.range) : [];
  return (
    <>
      <PageHeader
        title={t('kpisTitle')}
        subtitle={t('kpisSubtitle')}
        actions={
          <div className="flex flex-col items-end gap-1">
            <div className="flex items-center gap-2">
              <RangePicker state={range} />
              {range.range && (
                <CsvDownload path={`/inbox/kpis.csv?from=${range.range.from}&to=${range.range.to}`} />
              )}
            </div>
            {zone && <span className="text-xs text-slate-500">{t('zone', { zone })}</span>}
          </div>
        }
      />
      {!range.range && (
        <p role="alert" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {t('rangeInvalid', { max: MAX_DAYS })}
        </p>
      )}
      <ErrorNote error={kpis.error} />
      {kpis.isPending ? (
        range.range && <div className="h-64 animate-pulse rounded-xl bg-slate-100" />
      ) : !kpis.data ? null : isEmpty(kpis.data) ? (
        <Card>
          <Empty title={t('empty')} hint={t('emptyHint')} />
        </Card>
      ) : (
        <div className={`space-y-6 transition-opacity ${kpis.isPlaceholderData ? 'opacity-60' : ''}`}>
          <KpiCards kpis={kpis.data} />
          <KpisAgents kpis={kpis.data} days={days} />
          <KpisBot kpis={kpis.data} days={days} />
        </div>
      )}
    </>
  );
}

const isEmpty = (kpis: InboxKpis) =>
  kpis.agents.every((a) => a.handled === 0) &&
  kpis.bot.days.every((d) => d.contacts === 0 && d.messages === 0);

type Kpi = 'handled' | 'firstResponseMedian' | 'firstResponseP90' | 'closeMedian' | 'botOnly' | 'fallback';

function KpiCards({ kpis }: { kpis: InboxKpis }) {
  const t = inboxStatsMessages.useT();
  const { lang } = useLang();
  const team = kpis.team;
  const cards: [Kpi, string][] = [
    ['handled', formatCount(team.handled, lang)],
    ['firstResponseMedian', formatDuration(team.firstResponseMedian, lang)],
    ['firstResponseP90', formatDuration(team.firstResponseP90, lang)],
    ['closeMedian', formatDuration(team.closeMedian, lang)],
    ['botOnly', formatPercent(kpis.bot.botOnlyRate, lang)],
    ['fallback', formatPercent(kpis.bot.fallbackRate, lang)],
  ];
  return (
    <div className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6">
      {cards.map(([kpi, value]) => (
        <Card key={kpi} className="p-4">
          {/* A label on two lines keeps its value level with the others'. */}
          <div
            className="flex h-full flex-col justify-between"
            data-testid="kpi-card"
            data-kpi={kpi}
            title={t(`hint_${kpi}`)}
          >
            <div className="text-xs text-slate-500">{t(`card_${kpi}`)}</div>
            <div className="mt-1 text-xl font-semibold tabular-nums text-slate-900">{value}</div>
          </div>
        </Card>
      ))}
    </div>
  );
}
