// A live code's last two weeks: scans and joins per day as small paired bars, with the totals.
import { useLang } from '../i18n.ts';
import { useLiveCodeStats } from './groups-api.ts';
import { groupsMessages } from './groups-messages.ts';

const DAYS = 14;

export function LiveCodeStatsChart({ name }: { name: string }) {
  const t = groupsMessages.useT();
  const { lang } = useLang();
  const stats = useLiveCodeStats(name, DAYS);
  const days = stats.data?.days ?? [];
  const most = Math.max(1, ...days.map((d) => Math.max(d.scans, d.joins)));
  const total = (key: 'scans' | 'joins') => days.reduce((n, d) => n + d[key], 0);
  const height = (n: number) => `${Math.round((n / most) * 100)}%`;
  const dayLabel = (day: string) =>
    new Date(`${day}T00:00:00Z`).toLocaleDateString(lang, {
      month: 'numeric',
      day: 'numeric',
      timeZone: 'UTC',
    });
  return (
    <figure className="w-72 shrink-0" data-testid="live-code-stats">
      <div className="flex h-20 items-end gap-1 rounded-lg bg-slate-50 p-2">
        {days.map((d) => (
          <div
            key={d.day}
            className="flex h-full flex-1 items-end gap-px"
            title={t('dayStats', { day: dayLabel(d.day), scans: d.scans, joins: d.joins })}
          >
            <div className="flex-1 rounded-t-sm bg-emerald-200" style={{ height: height(d.scans) }} />
            <div className="flex-1 rounded-t-sm bg-emerald-600" style={{ height: height(d.joins) }} />
          </div>
        ))}
      </div>
      <figcaption className="mt-1.5 flex items-center gap-3 text-xs text-slate-500">
        <span className="flex items-center gap-1">
          <span className="inline-block size-2 rounded-sm bg-emerald-200" /> {t('scans')}
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block size-2 rounded-sm bg-emerald-600" /> {t('joins')}
        </span>
        <span className="ml-auto" data-testid="live-code-totals">
          {t('stats', { days: DAYS, scans: total('scans'), joins: total('joins') })}
        </span>
      </figcaption>
    </figure>
  );
}
