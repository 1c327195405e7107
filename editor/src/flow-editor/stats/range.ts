// The funnel's days: today, the last 7 or 30 days up to today in the workspace's time zone, or two
// dates of one's own (at most MAX_DAYS, as the server counts them).
import { useState } from 'react';
import type { DayRange } from '../../screens/inbox-stats-api.ts';
import { addDays, MAX_DAYS, todayIn } from '../../screens/KpisRange.tsx';

export type { DayRange };
export const RANGE_PRESETS = ['today', '7', '30', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The days a preset means, ending `today` (custom: the last 7, to start from). */
export const presetRange = (preset: RangePreset, today: string): DayRange => ({
  from: addDays(today, preset === 'today' ? 0 : preset === '30' ? -29 : -6),
  to: today,
});

export type RangeProblem = 'incomplete' | 'reversed' | 'future' | 'tooLong';

/** What is wrong with a range of one's own, or null when the server would take it. */
export function rangeProblem(range: DayRange, today: string): RangeProblem | null {
  if (!range.from || !range.to) return 'incomplete';
  if (range.from > range.to) return 'reversed';
  if (range.to > today) return 'future';
  if (addDays(range.from, MAX_DAYS - 1) < range.to) return 'tooLong';
  return null;
}

/** The chosen range (null while the custom dates do not make one) and why not. */
export function useStatsRange(zone: string | undefined) {
  const today = todayIn(zone);
  const [preset, setPreset] = useState<RangePreset>('7');
  const [custom, setCustom] = useState<DayRange>(() => presetRange('7', today));
  const problem = preset === 'custom' ? rangeProblem(custom, today) : null;
  const range = preset === 'custom' ? (problem ? null : custom) : presetRange(preset, today);
  const choose = (next: RangePreset) => {
    if (next === 'custom' && range) setCustom(range);
    setPreset(next);
  };
  return { preset, choose, custom, setCustom, range, problem, today };
}

export type StatsRangeState = ReturnType<typeof useStatsRange>;
