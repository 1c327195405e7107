// ISO-8601 durations for the sandbox clock from an amount and a unit ('PT2H', 'P3D'), within what one
// advance may move it.
import { MAX_CLOCK_ADVANCE } from '../../../../shared/api/sandbox.ts';
import { durationMs, unitDuration } from '../../../../shared/time/duration.ts';

/** The units the clock moves by, from the shared duration table. */
export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** Null unless `amount` is a whole number above zero. */
export const isoDuration = (amount: number, unit: DurationUnit): string | null =>
  amount > 0 ? unitDuration(amount, unit) : null;

/** Whether one clock advance may move this far (the server refuses more than MAX_CLOCK_ADVANCE). */
export const withinOneAdvance = (by: string): boolean =>
  (durationMs(by) ?? Number.POSITIVE_INFINITY) <= durationMs(MAX_CLOCK_ADVANCE)!;
