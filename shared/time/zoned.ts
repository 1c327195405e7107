// Wall-clock time in an IANA time zone with nothing but Intl (no date library in shared code): the
// local fields of an instant, the instant of local fields, the local day (for daily caps) and the
// hour of the week (for activity counts). The one zoned-time module of the flow lint, the runtime and the editor.

export type LocalTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday, like Date#getDay. */
  weekday: number;
};

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

export function localTime(epochMs: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(epochMs)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/**
 * The instant a wall-clock time happens in `timeZone`. Fields may overflow (day 32, minute 1500):
 * they roll over like Date.UTC. A time skipped by a DST jump resolves to the instant just after it.
 */
export function zonedEpoch(
  date: { year: number; month: number; day: number },
  minuteOfDay: number,
  timeZone: string,
): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const offsetAt = (instant: number): number => {
    const t = localTime(instant, timeZone);
    return (
      Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - Math.floor(instant / 1000) * 1000
    );
  };
  const first = asUtc - offsetAt(asUtc);
  const second = asUtc - offsetAt(first);
  return first === second ? first : Math.max(first, second);
}

const dayFormats = new Map<string, { format: Intl.DateTimeFormat; minute: number; day: string }>();

/**
 * The local date of an instant as YYYY-MM-DD: the day a daily cap counts in. Zone offsets since 1970
 * are whole minutes, so a day never changes within a minute: the zone's last minute is remembered (a sweep's
 * hundreds of turns at one time format once).
 */
export function localDay(at: number, timeZone: string): string {
  let zone = dayFormats.get(timeZone);
  if (!zone) {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    zone = { format, minute: Number.NaN, day: '' };
    dayFormats.set(timeZone, zone);
  }
  const minute = Math.floor(at / 60_000);
  if (minute !== zone.minute) {
    zone.day = zone.format.format(at);
    zone.minute = minute;
  }
  return zone.day;
}

/** The first instant of the next local day after `at` (found by stepping, so DST-safe). */
export function nextLocalMidnight(at: number, timeZone: string): number {
  const today = localDay(at, timeZone);
  let t = at;
  for (let step = 3_600_000; localDay(t, timeZone) === today; ) t += step;
  t = Math.floor(t / 60_000) * 60_000; // zone offsets are whole minutes
  for (let step = 60_000; localDay(t - step, timeZone) !== today; ) t -= step;
  return t;
}

/** Hour of the week in the zone (weekday × 24 + hour, Sunday = 0): a contact's activity slot. */
export function hourOfWeek(at: Date | number, timeZone: string): number {
  const local = localTime(typeof at === 'number' ? at : at.getTime(), timeZone);
  return local.weekday * 24 + local.hour;
}
