import { describe, expect, it } from 'vitest';
import { durationMs } from '../../../../shared/time/duration.ts';
import { DURATION_UNITS, isoDuration, withinOneAdvance } from './duration.ts';

describe('isoDuration', () => {
  it('builds the durations the clock endpoint accepts', () => {
    expect(isoDuration(2, 'hours')).toBe('PT2H');
    expect(isoDuration(3, 'days')).toBe('P3D');
    expect(isoDuration(45, 'minutes')).toBe('PT45M');
    expect(isoDuration(1, 'weeks')).toBe('P1W');
    for (const unit of DURATION_UNITS) expect(durationMs(isoDuration(5, unit)!)).toBeGreaterThan(0);
  });

  it('refuses amounts that are not whole and positive', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(isoDuration(bad, 'hours')).toBeNull();
  });
});

describe('withinOneAdvance', () => {
  it('allows up to 90 days, as the server does', () => {
    expect(withinOneAdvance('P90D')).toBe(true);
    expect(withinOneAdvance('PT2160H')).toBe(true);
    expect(withinOneAdvance('PT2161H')).toBe(false);
    expect(withinOneAdvance('P13W')).toBe(false);
    expect(withinOneAdvance('P9999W')).toBe(false);
  });
});
