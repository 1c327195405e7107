// ISO-8601 durations (PT30S, PT10M, PT2H, P3D, P1W and combinations) as flows store them.

const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/**
 * Milliseconds of an ISO-8601 duration, or null when the text is not one. Days are fixed 24 h
 * spans: a wait of P1D across a daylight-saving change lasts 24 h, which is what "wait a day" means
 * for a timer.
 */
export function durationMs(text: string): number | null {
  const match = PATTERN.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const [, w, d, h, m, s] = match.map((part) => Number(part ?? 0));
  return (w ?? 0) * WEEK + (d ?? 0) * DAY + (h ?? 0) * HOUR + (m ?? 0) * MINUTE + (s ?? 0) * SECOND;
}

export const isDuration = (text: string): boolean => durationMs(text) !== null;

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
