// ISO-8601 durations as an amount and a unit the marketer picks (minutes, hours, days) and back.
import { durationMs, formatDuration, DURATION_UNITS as MS } from '../../../../../shared/time/duration.ts';

/** The units a marketer picks a node's duration in: the shared table's minutes, hours and days. */
export const DURATION_UNITS = { minutes: MS.minutes, hours: MS.hours, days: MS.days } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

export type DurationParts = { amount: string; unit: DurationUnit };

/** The largest unit that divides the duration evenly ('PT90M' → 90 minutes, 'P1W' → 7 days). */
export function splitDuration(iso: unknown, fallbackUnit: DurationUnit = 'minutes'): DurationParts {
  const ms = typeof iso === 'string' ? durationMs(iso) : null;
  if (ms === null) return { amount: '', unit: fallbackUnit };
  const unit =
    ms === 0
      ? fallbackUnit
      : ms % DURATION_UNITS.days === 0
        ? 'days'
        : ms % DURATION_UNITS.hours === 0
          ? 'hours'
          : 'minutes';
  return { amount: String(ms / DURATION_UNITS[unit]), unit };
}

/** The ISO text of the parts, or null when the amount is empty or not a non-negative number. */
export function joinDuration(parts: DurationParts): string | null {
  if (parts.amount.trim() === '') return null;
  const amount = Number(parts.amount);
  return Number.isFinite(amount) && amount >= 0 ? formatDuration(amount * DURATION_UNITS[parts.unit]) : null;
}
