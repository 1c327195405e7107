import { describe, expect, it } from 'vitest';
import { nextWake } from './wake.ts';

// 2025-01-06 is a Monday; 02:00Z is 10:00 in Shanghai.
const now = Date.parse('2025-01-06T02:00:00Z');
const at = (iso: string) => Date.parse(iso);
const shanghai = { now, timeZone: 'Asia/Shanghai' };

describe('nextWake', () => {
  it('adds the timeout or duration', () => {
    expect(nextWake({ kind: 'timeout', timeout: 'PT10M' }, shanghai)).toBe(at('2025-01-06T02:10:00Z'));
    expect(nextWake({ kind: 'duration', duration: 'P1D', window: null, bestTime: false }, shanghai)).toBe(
      at('2025-01-07T02:00:00Z'),
    );
  });

  it('wakes a stored duration above the maximum after P365D, at a real date', () => {
    const year = 365 * 86_400_000;
    expect(nextWake({ kind: 'timeout', timeout: 'P20000000W' }, shanghai)).toBe(now + year);
    const wait = { kind: 'duration' as const, duration: 'P20000000W', window: null, bestTime: false };
    expect(new Date(nextWake(wait, shanghai)).toISOString()).toBe('2026-01-06T02:00:00.000Z');
  });

  it('postpones into the window, in the workspace time zone', () => {
    const evening = {
      kind: 'duration' as const,
      duration: 'PT1H',
      window: { from: '20:00', to: '22:00' },
      bestTime: false,
    };
    expect(nextWake(evening, shanghai)).toBe(at('2025-01-06T12:00:00Z'));
    expect(nextWake(evening, { ...shanghai, timeZone: 'Europe/Paris' })).toBe(at('2025-01-06T19:00:00Z'));
    const inside = { ...evening, window: { from: '09:00', to: '18:00' } };
    expect(nextWake(inside, shanghai)).toBe(at('2025-01-06T03:00:00Z'));
  });

  it('handles windows across midnight', () => {
    const night = {
      kind: 'duration' as const,
      duration: 'PT1M',
      window: { from: '22:00', to: '06:00' },
      bestTime: false,
    };
    expect(nextWake(night, shanghai)).toBe(at('2025-01-06T14:00:00Z'));
    expect(nextWake(night, { ...shanghai, now: at('2025-01-06T17:00:00Z') })).toBe(
      at('2025-01-06T17:01:00Z'),
    );
  });

  it('picks the most active hour inside the window, else the window start', () => {
    const spec = {
      kind: 'duration' as const,
      duration: 'PT1M',
      window: { from: '09:00', to: '18:00' },
      bestTime: true,
    };
    const activity = new Array<number>(168).fill(0);
    activity[1 * 24 + 15] = 4; // Monday 15:00
    expect(nextWake(spec, { ...shanghai, activity })).toBe(at('2025-01-06T07:00:00Z'));
    expect(nextWake(spec, shanghai)).toBe(at('2025-01-06T02:01:00Z'));
  });
});
