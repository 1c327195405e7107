// The sandbox's "now", shown from the start in the workspace's time zone, and (marketers and up) the
// controls that move it forward so waits and timeouts fall due; one advance moves it at most 90 days.
import { type FormEvent, useState } from 'react';
import { Button, Select } from '../../app/ui.tsx';
import { useWorkspaceTime } from '../../app/workspace-time.ts';
import { useErrorText } from '../../error-text.ts';
import { useRoleAtLeast } from '../../queries.ts';
import { DURATION_UNITS, type DurationUnit, isoDuration, withinOneAdvance } from './duration.ts';
import { useT } from './messages.ts';
import { useSandboxClock, type useSimActions } from './sandboxApi.ts';

/** The one-click advances. */
const QUICK = [
  { by: 'PT1H', label: 'advance1h', testId: 'sim-advance-1h' },
  { by: 'P1D', label: 'advance1d', testId: 'sim-advance-1d' },
] as const;

export function ClockControls({ action }: { action: ReturnType<typeof useSimActions>['advance'] }) {
  const t = useT();
  const errorText = useErrorText();
  const clock = useSandboxClock();
  const time = useWorkspaceTime();
  const canAdvance = useRoleAtLeast('marketer');
  const [amount, setAmount] = useState('2');
  const [unit, setUnit] = useState<DurationUnit>('hours');
  const [problem, setProblem] = useState<'badAmount' | 'tooFar' | null>(null);

  const custom = (e: FormEvent) => {
    e.preventDefault();
    const by = isoDuration(Number(amount), unit);
    const refused = by === null ? 'badAmount' : withinOneAdvance(by) ? null : 'tooFar';
    setProblem(refused);
    if (by && !refused) action.mutate(by);
  };

  return (
    <section className="space-y-1.5 border-t border-slate-200 px-4 py-2">
      <p className="flex items-baseline justify-between gap-2 text-xs">
        <span className="font-medium text-slate-500" title={t('clockHint', { zone: time.zone ?? '—' })}>
          {t('clock')}
        </span>
        <span className="truncate text-slate-700 tabular-nums" data-testid="sim-now">
          {clock.data ? time.format(clock.data.now) : '—'}
          {action.data && (
            <span className="text-slate-400"> · {t('fired', { count: action.data.fired })}</span>
          )}
        </span>
      </p>
      {canAdvance ? (
        <form className="flex items-center gap-1.5" onSubmit={custom}>
          {QUICK.map(({ by, label, testId }) => (
            <Button
              key={by}
              size="small"
              disabled={action.isPending}
              onClick={() => action.mutate(by)}
              data-testid={testId}
            >
              {t(label)}
            </Button>
          ))}
          <input
            className="w-12 rounded-md border border-slate-300 px-1.5 py-1 text-xs focus:border-emerald-500 focus:outline-none"
            type="number"
            min={1}
            step={1}
            aria-label={t('advance')}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            data-testid="sim-advance-amount"
          />
          <Select
            size="small"
            value={unit}
            onChange={(e) => setUnit(e.target.value as DurationUnit)}
            data-testid="sim-advance-unit"
          >
            {DURATION_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(u)}
              </option>
            ))}
          </Select>
          <Button
            type="submit"
            size="small"
            className="ml-auto"
            disabled={action.isPending}
            data-testid="sim-advance-custom"
          >
            {t('advance')}
          </Button>
        </form>
      ) : (
        <p className="text-xs text-slate-400" data-testid="sim-clock-readonly">
          {t('clockReadOnly')}
        </p>
      )}
      {problem && (
        <p className="text-xs text-rose-600" role="alert">
          {t(problem)}
        </p>
      )}
      {(action.error || clock.error) && (
        <p className="text-xs text-rose-600" role="alert">
          {errorText(action.error ?? clock.error)}
        </p>
      )}
    </section>
  );
}
