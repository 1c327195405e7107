// ISO-8601 durations (PT30S, PT10M, PT2H, P3D, P1W and combinations) as flows store them, bounded
// (a node waits at most MAX_DURATION, so a wake time is always a real date), and the one table of
// units every duration reader and writer uses — the lint, the runtime's pacer, the editor's inputs.

const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Milliseconds of each unit, largest first: the order ISO-8601 writes them in. */
export const DURATION_UNITS = {
  weeks: 7 * 24 * 3_600_000,
  days: 24 * 3_600_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1000,
} as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

const { weeks: WEEK, days: DAY, hours: HOUR, minutes: MINUTE, seconds: SECOND } = DURATION_UNITS;

/** The amounts an ISO-8601 duration text is written with ('PT1H30M' → 1 hour, 30 minutes), or null. */
export function durationParts(text: string): Record<DurationUnit, number> | null {
  const match = PATTERN.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  return { weeks: weeks!, days: days!, hours: hours!, minutes: minutes!, seconds: seconds! };
}

/** The ISO-8601 text of a whole amount of one unit ('P3D', 'PT90M'), or null unless a whole number ≥ 0. */
export function unitDuration(amount: number, unit: DurationUnit): string | null {
  if (!Number.isInteger(amount) || amount < 0) return null;
  const letter = { weeks: 'W', days: 'D', hours: 'H', minutes: 'M', seconds: 'S' }[unit];
  return unit === 'weeks' || unit === 'days' ? `P${amount}${letter}` : `PT${amount}${letter}`;
}

/** The longest wait, timeout or delay a node may have. */
export const MAX_DURATION = 'P365D';
export const MAX_DURATION_MS = 365 * DAY;

function parse(text: string): number | null {
  const parts = durationParts(text);
  if (!parts) return null;
  return (Object.keys(DURATION_UNITS) as DurationUnit[]).reduce(
    (ms, u) => ms + parts[u] * DURATION_UNITS[u],
    0,
  );
}

const limitOf = (max: string | number): number => (typeof max === 'number' ? max : (parse(max) ?? 0));

/**
 * Milliseconds of an ISO-8601 duration, or null when the text is not one or is longer than `max`
 * (a duration text such as 'P90D', or milliseconds; MAX_DURATION by default). Days are fixed 24 h
 * spans: a wait of P1D across a daylight-saving change lasts 24 h, which is what "wait a day" means
 * for a timer.
 */
export function durationMs(text: string, max: string | number = MAX_DURATION_MS): number | null {
  const ms = parse(text);
  return ms !== null && ms <= limitOf(max) ? ms : null;
}

export const isDuration = (text: string, max: string | number = MAX_DURATION_MS): boolean =>
  durationMs(text, max) !== null;

/** Why `text` is not a duration of at most `max`: not ISO-8601 at all, or too long. */
export function durationProblem(
  text: string,
  max: string | number = MAX_DURATION_MS,
): 'format' | 'too_long' | null {
  const ms = parse(text);
  if (ms === null) return 'format';
  return ms <= limitOf(max) ? null : 'too_long';
}

/**
 * The wait a stored duration gives, at most MAX_DURATION: a version published before the bound
 * (P20000000W) waits the longest allowed instead of producing an invalid date.
 */
export const boundedDurationMs = (text: string): number => Math.min(parse(text) ?? 0, MAX_DURATION_MS);

/** The shortest ISO-8601 text for a whole number of seconds (sub-second parts are dropped). */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.floor(ms / SECOND)) * SECOND;
  if (rest === 0) return 'PT0S';
  if (rest % WEEK === 0) return `P${rest / WEEK}W`;
  const take = (unit: number): number => {
    const count = Math.floor(rest / unit);
    rest -= count * unit;
    return count;
  };
  const [days, hours, minutes, seconds] = [take(DAY), take(HOUR), take(MINUTE), take(SECOND)];
  const date = days ? `${days}D` : '';
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `P${date}${time ? `T${time}` : ''}`;
}
