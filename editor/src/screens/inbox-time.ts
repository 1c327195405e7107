// The inbox's clock: a "now" that ticks so waiting times stay live, how long is shown ("12 min",
// "2 h 5 min"), times of day in the workspace's zone, and the snooze presets (in an hour, tomorrow
// 9:00, next Monday 9:00, in the browser's time as the custom time field is).
import { useEffect, useState } from 'react';

/** The current time, re-read every `ms` (the list's waiting timers tick every 30 s). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** A span cut to what a person reads at a glance: whole minutes, hours and minutes, or days. */
export function spanParts(ms: number): { unit: 'min' | 'hourMin' | 'hour' | 'day'; n: number; m: number } {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return { unit: 'min', n: minutes, m: 0 };
  const hours = Math.floor(minutes / 60);
  if (hours >= 24) return { unit: 'day', n: Math.floor(hours / 24), m: 0 };
  const rest = minutes % 60;
  return rest && hours < 10 ? { unit: 'hourMin', n: hours, m: rest } : { unit: 'hour', n: hours, m: 0 };
}

export const SNOOZE_PRESETS = ['hour', 'tomorrow', 'nextWeek'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

/** When a preset wakes the conversation, counted from `now` in the browser's time zone. */
export function snoozeUntil(preset: SnoozePreset, now: Date = new Date()): Date {
  if (preset === 'hour') return new Date(now.getTime() + 3_600_000);
  const at = new Date(now);
  at.setHours(9, 0, 0, 0);
  if (preset === 'tomorrow') at.setDate(at.getDate() + 1);
  // Next week: the coming Monday (a week from today when today is Monday).
  else at.setDate(at.getDate() + ((8 - at.getDay()) % 7 || 7));
  return at;
}

/** A `datetime-local` field's value for `date` (local time, minutes). */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `iso` formatted in the workspace's zone (or the browser's, for a zone it does not know). */
function inZone(iso: string, lang: string, zone: string | undefined, options: Intl.DateTimeFormatOptions) {
  try {
    return new Intl.DateTimeFormat(lang, { ...options, timeZone: zone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(lang, options).format(new Date(iso));
  }
}

/** "14:05". */
export const clockTime = (iso: string, lang: string, zone: string | undefined) =>
  inZone(iso, lang, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Today: "14:05"; another day: "3月5日" / "Mar 5". */
export function shortTime(iso: string, lang: string, zone: string | undefined, now: number): string {
  const day = (at: string) => inZone(at, 'en', zone, { year: 'numeric', month: 'numeric', day: 'numeric' });
  return day(iso) === day(new Date(now).toISOString())
    ? clockTime(iso, lang, zone)
    : inZone(iso, lang, zone, { month: 'short', day: 'numeric' });
}
