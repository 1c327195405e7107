// ISO-8601 durations for the sandbox clock from an amount and a unit ('PT2H', 'P3D'), within what one
// advance may move it.
import { MAX_CLOCK_ADVANCE } from '../../../../shared/api/sandbox.ts';
import { durationMs } from '../../../../shared/flow/duration.ts';

export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const FORMAT: Record<DurationUnit, (n: number) => string> = {
  minutes: (n) => `PT${n}M`,
  hours: (n) => `PT${n}H`,
  days: (n) => `P${n}D`,
  weeks: (n) => `P${n}W`,
};

/** Null unless `amount` is a whole number above zero. */
export function isoDuration(amount: number, unit: DurationUnit): string | null {
  return Number.isInteger(amount) && amount > 0 ? FORMAT[unit](amount) : null;
}

/** Whether one clock advance may move this far (the server refuses more than MAX_CLOCK_ADVANCE). */
export const withinOneAdvance = (by: string): boolean =>
  (durationMs(by) ?? Number.POSITIVE_INFINITY) <= durationMs(MAX_CLOCK_ADVANCE)!;
