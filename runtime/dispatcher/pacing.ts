// The pacer: when may an account perform its next action of a kind? Each outbox kind spends its own
// budget (kinds.ts): sliding windows ("≤ N in any 60 s"), a cap per local day in the workspace time
// zone, and every action keeps a human-like random gap after the previous one. `null` is no limit.
// Pure and JSON-serializable, so the dispatcher keeps the state on the account row. Guarantees, for
// every account and kind: in any sliding window of a budget, at most its `max` actions; per local
// day at most `perDay`; two consecutive actions at least the drawn gap in [jitter min, max] apart.
import type { BotLimits } from '../../shared/api/bot-limits.ts';
import { localDay, nextLocalMidnight } from '../../shared/time/zoned.ts';

/** What one kind of action may spend. */
export interface Budget {
  windows: { ms: number; max: number | null }[];
  perDay: number | null;
}

export interface PacingState {
  /** Times of recent actions per kind, oldest first, within the kind's longest window. */
  recent: Record<string, number[]>;
  day: string;
  today: Record<string, number>;
  last: number | null;
  /** The human-like gap before the next action, drawn when the previous one was recorded. */
  gap: number;
}

export const emptyPacing = (): PacingState => ({ recent: {}, day: '', today: {}, last: null, gap: 0 });

export type SlotReason = 'rate' | 'daily_cap' | 'jitter';

/** The earliest moment ≥ `t` that one limit allows, or `t` itself. */
function earliestFor(budget: Budget, s: PacingState, kind: string, t: number, timeZone: string) {
  const cap = budget.perDay;
  const countToday = s.day === localDay(t, timeZone) ? (s.today[kind] ?? 0) : 0;
  if (cap !== null && countToday >= cap)
    return { at: nextLocalMidnight(t, timeZone), reason: 'daily_cap' as const };
  const times = s.recent[kind] ?? [];
  for (const { ms, max } of budget.windows) {
    if (max === null) continue;
    const inWindow = times.filter((x) => x > t - ms);
    if (inWindow.length >= max) return { at: inWindow[inWindow.length - max]! + ms, reason: 'rate' as const };
  }
  if (s.last !== null && s.last + s.gap > t) return { at: s.last + s.gap, reason: 'jitter' as const };
  return { at: t, reason: undefined };
}

/**
 * The earliest moment ≥ `now` at which every limit of the kind allows an action: each limit may
 * push the moment later, so they are asked again until none does (a day cap's midnight can land
 * inside a window, a window's end after the jitter…).
 */
export function nextSlot(
  budget: Budget,
  state: PacingState | null,
  kind: string,
  now: number,
  timeZone: string,
): { at: number; reason?: SlotReason } {
  const s = state ?? emptyPacing();
  let at = now;
  let reason: SlotReason | undefined;
  for (let round = 0; round < 16; round++) {
    const next = earliestFor(budget, s, kind, at, timeZone);
    if (next.at <= at) break;
    at = next.at;
    reason ??= next.reason;
  }
  return reason ? { at, reason } : { at };
}

export function record(
  budget: Budget,
  jitterMs: BotLimits['jitterMs'],
  state: PacingState | null,
  kind: string,
  at: number,
  timeZone: string,
  random: () => number = Math.random,
): PacingState {
  const s = state ?? emptyPacing();
  const day = localDay(at, timeZone);
  const today = s.day === day ? { ...s.today } : {};
  today[kind] = (today[kind] ?? 0) + 1;
  const longest = Math.max(0, ...budget.windows.filter((w) => w.max !== null).map((w) => w.ms));
  const keep = Math.max(0, ...budget.windows.map((w) => w.max ?? 0));
  const recent = {
    ...s.recent,
    [kind]: [...(s.recent[kind] ?? []), at].filter((t) => t > at - longest).slice(-keep),
  };
  const [min, max] = jitterMs;
  return { recent, day, today, last: at, gap: Math.round(min + (max - min) * random()) };
}
