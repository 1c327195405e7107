// Moves the sandbox clock forward so waits and timeouts fall due, and shows the sandbox's "now".
import { type FormEvent, useState } from 'react';
import { useErrorText } from '../../error-text.ts';
import { useLang } from '../../i18n.ts';
import { DURATION_UNITS, type DurationUnit, isoDuration } from './duration.ts';
import { useT } from './messages.ts';
import type { useSimActions } from './sandboxApi.ts';

const button =
  'whitespace-nowrap rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 hover:border-emerald-500 hover:text-emerald-700 disabled:opacity-50';

export function ClockControls({ action }: { action: ReturnType<typeof useSimActions>['advance'] }) {
  const t = useT();
  const errorText = useErrorText();
  const { lang } = useLang();
  const [amount, setAmount] = useState('2');
  const [unit, setUnit] = useState<DurationUnit>('hours');
  const [invalid, setInvalid] = useState(false);

  const custom = (e: FormEvent) => {
    e.preventDefault();
    const by = isoDuration(Number(amount), unit);
    setInvalid(by === null);
    if (by) action.mutate(by);
  };

  return (
    <section className="space-y-1.5 border-t border-slate-200 px-4 py-2">
      <p className="flex items-baseline justify-between gap-2 text-xs">
        <span className="font-medium text-slate-500">{t('clock')}</span>
        {action.data && (
          <span className="truncate text-slate-500" data-testid="sim-now">
            {t('sandboxNow', { now: new Date(action.data.now).toLocaleString(lang) })} ·{' '}
            {t('fired', { count: action.data.fired })}
          </span>
        )}
      </p>
      <form className="flex items-center gap-1.5" onSubmit={custom}>
        <button
          type="button"
          className={button}
          disabled={action.isPending}
          onClick={() => action.mutate('PT1H')}
          data-testid="sim-advance-1h"
        >
          {t('advance1h')}
        </button>
        <button
          type="button"
          className={button}
          disabled={action.isPending}
          onClick={() => action.mutate('P1D')}
          data-testid="sim-advance-1d"
        >
          {t('advance1d')}
        </button>
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
        <select
          className="rounded-md border border-slate-300 bg-white px-1 py-1 text-xs"
          value={unit}
          onChange={(e) => setUnit(e.target.value as DurationUnit)}
          data-testid="sim-advance-unit"
        >
          {DURATION_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(u)}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className={`${button} ml-auto`}
          disabled={action.isPending}
          data-testid="sim-advance-custom"
        >
          {t('advance')}
        </button>
      </form>
      {invalid && <p className="text-xs text-rose-600">{t('badAmount')}</p>}
      {action.error && (
        <p className="text-xs text-rose-600" role="alert">
          {errorText(action.error)}
        </p>
      )}
    </section>
  );
}
