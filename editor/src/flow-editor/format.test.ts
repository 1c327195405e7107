import { describe, expect, it } from 'vitest';
import { formatShare, humanDuration } from './format.ts';

describe('display formats', () => {
  it('spells durations in both languages', () => {
    expect(humanDuration('PT1H30M', 'en')).toBe('1 h 30 min');
    expect(humanDuration('P3D', 'zh-CN')).toBe('3 天');
    expect(humanDuration('soon', 'en')).toBe('soon');
  });

  it('shows shares of the start', () => {
    expect(formatShare(1, 3)).toBe('33%');
    expect(formatShare(1, 20)).toBe('5.0%');
    expect(formatShare(3, 0)).toBe('–');
  });
});
