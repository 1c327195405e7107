// When a waiting run should wake. A wait kind is a table entry (STYLE §7): its name, which a waiting
// state's `meta.wait` carries, and how to turn that spec into a wake time, as a pure function of `now`
// in the workspace time zone. Node files list the kinds they use (`waitKinds`); the registry collects
// them. Below: the `timeout` kind several nodes share, and the window arithmetic of the `wait` node.

import { boundedDurationMs } from '../time/duration.ts';
import { localTime, zonedEpoch } from '../time/zoned.ts';
import type { WaitSpec } from './context.ts';

export type WakeOptions = {
  now: number;
  /** IANA zone of the workspace, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** This contact's message counts per hour of the week: index = weekday (0 = Sunday) × 24 + hour. */
  activity?: readonly number[];
};

/**
 * A kind of wait. Its specs are stored inside compiled machines, so a kind never changes what its
 * spec means: a new meaning is a new kind.
 */
export type WaitKind<S extends WaitSpec = WaitSpec> = {
  kind: S['kind'];
  /** Epoch ms at which a run waiting with `spec` should receive its TIMER. */
  wakeAt(spec: S, options: WakeOptions): number;
};

export const defineWaitKind = <S extends WaitSpec>(kind: WaitKind<S>): WaitKind =>
  kind as unknown as WaitKind;

/** Where the wait kinds come from: a node registry (registry.ts). */
export type WaitKinds = { waitKind(kind: string): WaitKind | undefined };

/** `{kind: 'timeout', timeout}`: the TIMER comes `timeout` (an ISO-8601 duration) after the state was entered. */
export const timeoutWait = defineWaitKind<{ kind: 'timeout'; timeout: string }>({
  kind: 'timeout',
  wakeAt: (spec, { now }) => now + boundedDurationMs(spec.timeout),
});

/** Epoch ms at which the run should receive its TIMER; throws for a kind no node type registered. */
export function nextWake(spec: WaitSpec, options: WakeOptions, kinds: WaitKinds): number {
  const kind = kinds.waitKind(spec.kind);
  if (!kind) throw new Error(`No node type registers the wait kind \`${spec.kind}\``);
  return kind.wakeAt(spec, options);
}

/** A daily window in local time, `HH:MM` to `HH:MM`. */
export type TimeWindow = { from: string; to: string };

/** A window that is open all day. */
export const WHOLE_DAY: TimeWindow = { from: '00:00', to: '00:00' };

const HOUR = 3_600_000;
const DAY_MINUTES = 24 * 60;

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * The first stretch [begin, end) inside the window that is not over at `earliest`. A window whose
 * end is not after its start runs past midnight (22:00–06:00); equal ends mean the whole day.
 */
export function nextWindow(earliest: number, window: TimeWindow, timeZone: string): [number, number] {
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
export function bestSlot(begin: number, end: number, timeZone: string, activity: readonly number[]): number {
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
