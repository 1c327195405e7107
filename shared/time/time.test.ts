import { describe, expect, it } from 'vitest';
import { DURATION_UNITS, durationMs, durationParts, formatDuration, unitDuration } from './duration.ts';
import { hourOfWeek, localDay, nextLocalMidnight } from './zoned.ts';

describe('the time module', () => {
  it('reads and writes durations from one unit table', () => {
    expect(durationParts('P1W2DT3H4M5S')).toEqual({ weeks: 1, days: 2, hours: 3, minutes: 4, seconds: 5 });
    expect(durationParts('3 days')).toBeNull();
    expect(unitDuration(90, 'minutes')).toBe('PT90M');
    expect(unitDuration(2, 'weeks')).toBe('P2W');
    expect(unitDuration(1.5, 'hours')).toBeNull();
    expect(durationMs(unitDuration(3, 'days')!)).toBe(3 * DURATION_UNITS.days);
    expect(formatDuration(DURATION_UNITS.hours + 30 * DURATION_UNITS.minutes)).toBe('PT1H30M');
  });

  it('tells the local day, its next midnight and the hour of the week in a zone', () => {
    const at = Date.UTC(2026, 11, 6, 15, 30); // Sunday 23:30 in Shanghai
    expect(localDay(at, 'Asia/Shanghai')).toBe('2026-12-06');
    expect(new Date(nextLocalMidnight(at, 'Asia/Shanghai')).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(hourOfWeek(at, 'Asia/Shanghai')).toBe(23);
    expect(hourOfWeek(new Date(at), 'UTC')).toBe(15);
  });

  it('tells the local day right whichever instants and zones follow one another', () => {
    const midnight = Date.UTC(2026, 11, 6, 16, 0); // 00:00 on the 7th in Shanghai
    const calls: [number, string, string][] = [
      [midnight - 1, 'Asia/Shanghai', '2026-12-06'],
      [midnight, 'Asia/Shanghai', '2026-12-07'],
      [midnight - 60_000, 'Asia/Shanghai', '2026-12-06'],
      [midnight - 1, 'Asia/Kathmandu', '2026-12-06'], // 21:44:59 at +05:45
      [midnight + 2 * 3_600_000 + 15 * 60_000, 'Asia/Kathmandu', '2026-12-07'], // 00:00 at +05:45
      [midnight + 59_999, 'Asia/Shanghai', '2026-12-07'],
      [midnight + 59_999, 'UTC', '2026-12-06'],
    ];
    for (const [at, zone, day] of calls) expect(localDay(at, zone)).toBe(day);
    expect(() => localDay(Number.NaN, 'Asia/Shanghai')).toThrow(RangeError);
  });
});
