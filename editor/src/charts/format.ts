// How figures read in the page's language: counts, shares, durations ("2 min 10 s" / "2分10秒") and
// days. Charts label their axes and tooltips with these, and tables beside them say the same.
import type { Lang } from '../i18n.ts';

/** What a series' numbers are. */
export type ValueFormat = 'count' | 'percent' | 'duration';

const NONE = '—';

export const formatCount = (n: number | null | undefined, lang: Lang): string =>
  n == null ? NONE : new Intl.NumberFormat(lang).format(n);

/** A share 0–1 as "12.5%". */
export const formatPercent = (share: number | null | undefined, lang: Lang): string =>
  share == null
    ? NONE
    : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(share);

const UNITS = [
  { seconds: 86_400, en: 'd', zh: '天' },
  { seconds: 3_600, en: 'h', zh: '小时' },
  { seconds: 60, en: 'min', zh: '分' },
  { seconds: 1, en: 's', zh: '秒' },
] as const;

/** Seconds as the two largest units that are not zero: "2 min 10 s", "1 h 5 min", "3 d 4 h"; zh "2分10秒". */
export function formatDuration(seconds: number | null | undefined, lang: Lang): string {
  if (seconds == null) return NONE;
  let rest = Math.round(Math.max(0, seconds));
  const first = UNITS.findIndex((u) => rest >= u.seconds);
  if (first < 0) return lang === 'en' ? '0 s' : '0秒';
  const parts: string[] = [];
  for (const unit of UNITS.slice(first, first + 2)) {
    const amount = Math.floor(rest / unit.seconds);
    rest -= amount * unit.seconds;
    if (amount > 0) parts.push(lang === 'en' ? `${amount} ${unit.en}` : `${amount}${unit.zh}`);
  }
  return parts.join(lang === 'en' ? ' ' : '');
}

export function formatValue(value: number | null | undefined, format: ValueFormat, lang: Lang) {
  if (format === 'percent') return formatPercent(value, lang);
  if (format === 'duration') return formatDuration(value, lang);
  return formatCount(value, lang);
}

// Steps a time axis climbs by, so its ticks read "30 min, 1 h, 1 h 30 min" rather than "25 min, 50 min".
const STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400,
];

/** Up to six ticks from 0 past `max` seconds, a whole step apart. */
export function durationTicks(max: number): number[] {
  const step = STEPS.find((s) => max / s <= 5) ?? 86_400 * Math.ceil(max / 86_400 / 5);
  const count = Math.max(1, Math.ceil(max / step));
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

/** A `YYYY-MM-DD` day: "1/5" (`short`, a tick) or "Mon, Jan 5" / "1月5日周一". */
export function formatDay(day: string, lang: Lang, short = false): string {
  const date = new Date(`${day}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions = short
    ? { month: 'numeric', day: 'numeric' }
    : { month: 'short', day: 'numeric', weekday: 'short' };
  return date.toLocaleDateString(lang, { ...options, timeZone: 'UTC' });
}
