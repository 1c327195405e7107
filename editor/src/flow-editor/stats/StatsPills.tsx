// Run totals by status and goal counts of one version, as compact pills.
import type { StatsBody } from '../../../../shared/api/flows.ts';
import { useLang } from '../../i18n.ts';
import { useT } from './messages.ts';

const RUN_STATUSES = [
  ['active', 'bg-emerald-50 text-emerald-700 ring-emerald-200'],
  ['waiting', 'bg-amber-50 text-amber-700 ring-amber-200'],
  ['completed', 'bg-sky-50 text-sky-700 ring-sky-200'],
  ['exited', 'bg-slate-50 text-slate-600 ring-slate-200'],
  ['failed', 'bg-rose-50 text-rose-700 ring-rose-200'],
] as const;

const pill = 'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs ring-1 whitespace-nowrap';

export function StatsPills({ stats }: { stats: StatsBody }) {
  const t = useT();
  const { lang } = useLang();
  const count = new Intl.NumberFormat(lang);
  const goals = Object.entries(stats.goals);
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-1.5">
      {RUN_STATUSES.map(([status, colors]) => (
        <span key={status} className={`${pill} ${colors}`} data-testid={`stats-runs-${status}`}>
          {t(status)}
          <strong className="font-semibold tabular-nums">{count.format(stats.runs[status])}</strong>
        </span>
      ))}
      <span className="mx-1 h-4 w-px bg-slate-200" aria-hidden />
      {goals.length === 0 && <span className="text-xs text-slate-400">{t('noGoals')}</span>}
      {goals.map(([name, n]) => (
        <span
          key={name}
          className={`${pill} bg-white text-slate-700 ring-emerald-300`}
          data-testid="stats-goal"
        >
          <span className="text-emerald-600">◎</span>
          {t('goal')} {name}
          <strong className="font-semibold tabular-nums">{count.format(n)}</strong>
        </span>
      ))}
    </div>
  );
}
