// The KPIs' days: the last 7 or 30 days up to today in the workspace's time zone, or two dates of
// one's own (at most 92 days, as the server counts them).
import { useState } from 'react';
import { Input, Segmented } from '../app/ui.tsx';
import { useSandboxClock } from '../flow-editor/simulator/sandboxApi.ts';
import type { DayRange } from './inbox-stats-api.ts';
import { inboxStatsMessages } from './inbox-stats-messages.ts';

export const MAX_DAYS = 92;
const PRESETS = ['7', '30', 'custom'] as const;
type Preset = (typeof PRESETS)[number];

/** Today's date (`YYYY-MM-DD`) in `zone`; the browser's own day when the zone is unknown to it. */
export function todayIn(zone: string | undefined, now = new Date()): string {
  const day = (timeZone?: string) => {
    const parts = new Intl.DateTimeFormat('en', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    return `${part('year')}-${part('month')}-${part('day')}`;
  };
  try {
    return day(zone);
  } catch {
    return day();
  }
}

export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Every day of the range, first to last. */
export function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to && days.length < MAX_DAYS; day = addDays(day, 1)) days.push(day);
  return days;
}

const lastDays = (n: number, today: string): DayRange => ({ from: addDays(today, 1 - n), to: today });

const valid = (range: DayRange) =>
  Boolean(range.from && range.to) && range.from <= range.to && addDays(range.from, MAX_DAYS - 1) >= range.to;

/**
 * The chosen range; null while the custom dates do not make one. Days end at the workspace's furthest
 * clock: a sandbox moved ahead has its conversations on its own days (as the server's reports do).
 * `ready`: false while that clock is still being read.
 */
export function useDayRange(zone: string | undefined) {
  const clock = useSandboxClock();
  const sandboxNow = clock.data ? Date.parse(clock.data.now) : Number.NaN;
  const today = todayIn(zone, new Date(Math.max(Date.now(), Number.isNaN(sandboxNow) ? 0 : sandboxNow)));
  const [preset, setPreset] = useState<Preset>('7');
  const [custom, setCustom] = useState<DayRange>(() => lastDays(7, today));
  const range = preset === 'custom' ? (valid(custom) ? custom : null) : lastDays(Number(preset), today);
  const choose = (next: Preset) => {
    if (next === 'custom' && range) setCustom(range);
    setPreset(next);
  };
  return { preset, choose, custom, setCustom, range, today, ready: !clock.isPending };
}

export function RangePicker({ state }: { state: ReturnType<typeof useDayRange> }) {
  const t = inboxStatsMessages.useT();
  const { custom, setCustom } = state;
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {state.preset === 'custom' && (
        <>
          <Input
            type="date"
            aria-label={t('from')}
            value={custom.from}
            max={state.today}
            onChange={(e) => setCustom({ ...custom, from: e.target.value })}
            data-testid="kpi-from"
          />
          <span className="text-slate-400">–</span>
          <Input
            type="date"
            aria-label={t('to')}
            value={custom.to}
            max={state.today}
            onChange={(e) => setCustom({ ...custom, to: e.target.value })}
            data-testid="kpi-to"
          />
        </>
      )}
      <Segmented
        aria-label={t('range')}
        value={state.preset}
        onChange={state.choose}
        options={PRESETS.map((p) => ({ value: p, label: t(`range_${p}`), testId: `kpi-range-${p}` }))}
      />
    </div>
  );
}
