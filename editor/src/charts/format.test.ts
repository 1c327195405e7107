import { describe, expect, it } from 'vitest';
import {
  durationTicks,
  formatCount,
  formatDay,
  formatDuration,
  formatPercent,
  formatValue,
} from './format.ts';

describe('durations', () => {
  it('reads as the two largest units that are not zero', () => {
    expect(formatDuration(45, 'en')).toBe('45 s');
    expect(formatDuration(130, 'en')).toBe('2 min 10 s');
    expect(formatDuration(120, 'en')).toBe('2 min');
    expect(formatDuration(3_900, 'en')).toBe('1 h 5 min');
    expect(formatDuration(3_661, 'en')).toBe('1 h 1 min');
    expect(formatDuration(2 * 86_400 + 3 * 3_600 + 59, 'en')).toBe('2 d 3 h');
    expect(formatDuration(0.4, 'en')).toBe('0 s');
  });

  it('in Chinese without spaces', () => {
    expect(formatDuration(130, 'zh-CN')).toBe('2分10秒');
    expect(formatDuration(3_900, 'zh-CN')).toBe('1小时5分');
    expect(formatDuration(86_400, 'zh-CN')).toBe('1天');
    expect(formatDuration(0, 'zh-CN')).toBe('0秒');
  });

  it('climbs an axis by whole steps of time', () => {
    expect(durationTicks(5_400)).toEqual([0, 1_800, 3_600, 5_400]);
    expect(durationTicks(130)).toEqual([0, 30, 60, 90, 120, 150]);
    expect(durationTicks(0)).toEqual([0, 1]);
    expect(durationTicks(30 * 86_400)).toEqual([
      0,
      6 * 86_400,
      12 * 86_400,
      18 * 86_400,
      24 * 86_400,
      30 * 86_400,
    ]);
  });

  it('a dash where there is nothing to measure', () => {
    expect(formatDuration(null, 'en')).toBe('—');
    expect(formatValue(undefined, 'percent', 'zh-CN')).toBe('—');
  });
});

describe('numbers and days', () => {
  it('counts and shares in the language’s own way', () => {
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatPercent(0.5, 'zh-CN')).toBe('50%');
    expect(formatValue(90, 'duration', 'en')).toBe('1 min 30 s');
  });

  it('days as the calendar day, whatever the browser’s zone', () => {
    expect(formatDay('2026-01-05', 'en', true)).toBe('1/5');
    expect(formatDay('2026-01-05', 'en')).toBe('Mon, Jan 5');
    expect(formatDay('2026-01-05', 'zh-CN')).toBe('1月5日周一');
  });
});
