// When a waiting run should wake: the sweeper's schedule for `wait` (duration, time window, best
// time) and timeouts, as a pure function of `now` in the workspace time zone.

import type { TimeWindow, WaitSpec } from './context.ts';
import { boundedDurationMs } from './duration.ts';
import { localTime, zonedEpoch } from './zoned-time.ts';

export type WakeOptions = {
  now: number;
  /** IANA zone of the workspace, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** This contact's message counts per hour of the week: index = weekday (0 = Sunday) × 24 + hour. */
  activity?: readonly number[];
};

const HOUR = 3_600_000;
const DAY_MINUTES = 24 * 60;

/** Epoch ms at which the run should receive its TIMER. */
export function nextWake(spec: WaitSpec, { now, timeZone, activity = [] }: WakeOptions): number {
  if (spec.kind === 'timeout') return now + boundedDurationMs(spec.timeout);
  const earliest = now + boundedDurationMs(spec.duration);
  if (!spec.window && !spec.bestTime) return earliest;
  const window = spec.window ?? { from: '00:00', to: '00:00' };
  const [begin, end] = nextWindow(earliest, window, timeZone);
  return spec.bestTime ? bestSlot(begin, end, timeZone, activity) : begin;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * The first stretch [begin, end) inside the window that is not over at `earliest`. A window whose
 * end is not after its start runs past midnight (22:00–06:00); equal ends mean the whole day.
 */
function nextWindow(earliest: number, window: TimeWindow, timeZone: string): [number, number] {
  const from = minutesOf(window.from);
  let to = minutesOf(window.to);
  if (to <= from) to += DAY_MINUTES;
  const today = localTime(earliest, timeZone);
  for (let offset = -1; offset <= 7; offset++) {
    const date = { year: today.year, month: today.month, day: today.day + offset };
    const start = zonedEpoch(date, from, timeZone);
    const end = zonedEpoch(date, to, timeZone);
    if (end > earliest) return [Math.max(start, earliest), end];
  }
  return [earliest, earliest + HOUR];
}

/** Inside [begin, end), the start of the hour this contact was most active in; ties go to the earliest. */
function bestSlot(begin: number, end: number, timeZone: string, activity: readonly number[]): number {
  let best = begin;
  let bestScore = score(begin, timeZone, activity);
  const first = localTime(begin, timeZone);
  let candidate = begin - (first.minute * 60 + first.second) * 1000 - (begin % 1000) + HOUR;
  for (; candidate < end; candidate += HOUR) {
    const candidateScore = score(candidate, timeZone, activity);
    if (candidateScore > bestScore) [best, bestScore] = [candidate, candidateScore];
  }
  return best;
}

function score(instant: number, timeZone: string, activity: readonly number[]): number {
  const t = localTime(instant, timeZone);
  return activity[t.weekday * 24 + t.hour] ?? 0;
}
