// Display forms of stored values: ISO-8601 durations as words, counts and shares.
import type { Lang } from '../i18n.ts';

const UNITS: Record<Lang, [string, string, string, string, string]> = {
  'zh-CN': ['周', '天', '小时', '分钟', '秒'],
  en: ['w', 'd', 'h', 'min', 's'],
};

/** `PT1H30M` → "1 小时 30 分钟" / "1 h 30 min"; text that is not a duration shows as is. */
export function humanDuration(iso: string, lang: Lang): string {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!match) return iso;
  const parts = match
    .slice(1)
    .map((count, i) => (count && count !== '0' ? `${count} ${UNITS[lang][i]}` : ''))
    .filter(Boolean);
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
