// ISO-8601 durations (PT30S, PT10M, PT2H, P3D, P1W and combinations) as flows store them, bounded:
// a node waits at most MAX_DURATION, so a wake time is always a real date.

const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** The longest wait, timeout or delay a node may have. */
export const MAX_DURATION = 'P365D';
export const MAX_DURATION_MS = 365 * DAY;

function parse(text: string): number | null {
  const match = PATTERN.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const [, w, d, h, m, s] = match.map((part) => Number(part ?? 0));
  return (w ?? 0) * WEEK + (d ?? 0) * DAY + (h ?? 0) * HOUR + (m ?? 0) * MINUTE + (s ?? 0) * SECOND;
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
