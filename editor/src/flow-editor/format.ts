// Display forms of stored values: ISO-8601 durations as words, counts and shares.
import { type DurationUnit, durationParts } from '../../../shared/time/duration.ts';
import type { Lang } from '../i18n.ts';

const UNITS: Record<Lang, Record<DurationUnit, string>> = {
  'zh-CN': { weeks: '周', days: '天', hours: '小时', minutes: '分钟', seconds: '秒' },
  en: { weeks: 'w', days: 'd', hours: 'h', minutes: 'min', seconds: 's' },
};

/** `PT1H30M` → "1 小时 30 分钟" / "1 h 30 min"; text that is not a duration shows as is. */
export function humanDuration(iso: string, lang: Lang): string {
  const amounts = durationParts(iso);
  if (!amounts) return iso;
  const parts = (Object.keys(UNITS[lang]) as DurationUnit[])
    .filter((unit) => amounts[unit] > 0)
    .map((unit) => `${amounts[unit]} ${UNITS[lang][unit]}`);
  return parts.length ? parts.join(' ') : iso;
}

export const formatCount = (count: number, lang: Lang): string =>
  new Intl.NumberFormat(lang, { notation: count >= 10000 ? 'compact' : 'standard' }).format(count);

/** A share as a whole percent, one decimal under 10 %. */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return '–';
  const percent = (part / whole) * 100;
  return `${percent < 10 && percent > 0 ? percent.toFixed(1) : Math.round(percent)}%`;
}
