// The pacer: when may an account perform its next action of a kind? Pure and JSON-serializable, so
// the dispatcher keeps the state on the account row. Guarantees, for every account:
//   - messages in any sliding 60 s window ≤ messagesPerMinute; friend accepts in any sliding hour ≤ acceptsPerHour;
//   - per local day (workspace time zone) ≤ messagesPerDay / acceptsPerDay;
//   - two consecutive actions are at least a random gap in [jitterMs[0], jitterMs[1]] apart.
import type { BotLimits } from '../../shared/api/bot-limits.ts';
import type { OutboxKind } from '../../shared/db/schema.ts';

export interface PacingState {
  /** Times of recent actions per kind, newest last, within the rate window. */
  recent: Record<string, number[]>;
  day: string;
  today: Record<string, number>;
  last: number | null;
  /** The human-like gap before the next action, drawn when the previous one was recorded. */
  gap: number;
}

const WINDOW: Record<OutboxKind, number> = { message: 60_000, friend_accept: 3_600_000 };
const rateOf = (l: BotLimits, kind: OutboxKind) =>
  kind === 'message' ? l.messagesPerMinute : l.acceptsPerHour;
const capOf = (l: BotLimits, kind: OutboxKind) => (kind === 'message' ? l.messagesPerDay : l.acceptsPerDay);

const dayFormat = new Map<string, Intl.DateTimeFormat>();
export function localDay(at: number, timeZone: string): string {
  let f = dayFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormat.set(timeZone, f);
  }
  return f.format(at);
}

/** The first instant of the next local day after `at` (found by stepping, so DST-safe). */
function nextLocalMidnight(at: number, timeZone: string): number {
  const today = localDay(at, timeZone);
  let t = at;
  for (let step = 3_600_000; localDay(t, timeZone) === today; ) t += step;
  t = Math.floor(t / 60_000) * 60_000; // zone offsets are whole minutes
  for (let step = 60_000; localDay(t - step, timeZone) !== today; ) t -= step;
  return t;
}

export const emptyPacing = (): PacingState => ({ recent: {}, day: '', today: {}, last: null, gap: 0 });

export function nextSlot(
  limits: BotLimits,
  state: PacingState | null,
  kind: OutboxKind,
  now: number,
  timeZone: string,
): { at: number; reason?: 'rate' | 'daily_cap' | 'jitter' } {
  const s = state ?? emptyPacing();
  const day = localDay(now, timeZone);
  if (s.day === day && (s.today[kind] ?? 0) >= capOf(limits, kind)) {
    return { at: nextLocalMidnight(now, timeZone), reason: 'daily_cap' };
  }
  const recent = (s.recent[kind] ?? []).filter((t) => t > now - WINDOW[kind]);
  const rate = rateOf(limits, kind);
  if (recent.length >= rate) return { at: recent[recent.length - rate]! + WINDOW[kind], reason: 'rate' };
  if (s.last !== null && s.last + s.gap > now) return { at: s.last + s.gap, reason: 'jitter' };
  return { at: now };
}

export function record(
  limits: BotLimits,
  state: PacingState | null,
  kind: OutboxKind,
  at: number,
  timeZone: string,
  random: () => number = Math.random,
): PacingState {
  const s = state ?? emptyPacing();
  const day = localDay(at, timeZone);
  const today = s.day === day ? { ...s.today } : {};
  today[kind] = (today[kind] ?? 0) + 1;
  const keep = rateOf(limits, kind);
  const recent = {
    ...s.recent,
    [kind]: [...(s.recent[kind] ?? []), at].filter((t) => t > at - WINDOW[kind]).slice(-keep),
  };
  const [min, max] = limits.jitterMs;
  return { recent, day, today, last: at, gap: Math.round(min + (max - min) * random()) };
}
