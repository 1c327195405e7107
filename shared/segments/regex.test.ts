// Segment patterns are rewritten for PostgreSQL with RE2's meaning, or refused with the fragment at fault.
import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../flow/condition.ts';
import type { FlowContext } from '../flow/context.ts';
import { pgPattern } from './regex.ts';

describe('pgPattern', () => {
  it('spells RE2’s classes and `.` out', () => {
    expect(pgPattern('^\\d+.\\w$')).toEqual({ ok: true, source: '^[0-9]+[^\\n][0-9A-Za-z_]$' });
    expect(pgPattern('[\\s,]a{2,3}')).toEqual({ ok: true, source: '[\\t\\n\\f\\r ,]a{2,3}' });
    expect(pgPattern('\\u4e2d\\x41')).toEqual({ ok: true, source: '\\u4e2d\\u0041' });
  });
  it('refuses what the engines read differently', () => {
    for (const bad of ['\\bab', 'a(?=b)', '(?<n>a)', '(a)\\1', 'a{300}', '[\\D]', 'a{', '\\p{L}'])
      expect(pgPattern(bad).ok, bad).toBe(false);
  });
});

describe('time rules in memory', () => {
  const now = Date.UTC(2025, 5, 15);
  const context = (at: number | null) =>
    ({
      facts: { roomSets: [], leftRoomSets: [], activity: null, now, timeZone: 'UTC', lastInboundAt: at },
    }) as unknown as FlowContext;
  const test = (op: 'within' | 'not_within' | 'before' | 'after', value: string, at: number | null) =>
    evaluateRule({ field: 'contact.lastInboundAt', op, value }, context(at));
  it('count back from the turn’s clock, and read never as not within', () => {
    expect(test('within', 'P3D', now - 3 * 86_400_000)).toBe(true);
    expect(test('within', 'P3D', now - 3 * 86_400_000 - 1)).toBe(false);
    expect(test('not_within', 'P3D', null)).toBe(true);
    expect(test('within', 'P3D', null)).toBe(false);
    expect(test('before', '2025-06-14', now - 86_400_000 - 1)).toBe(true);
    expect(test('after', 'P1D', now - 1000)).toBe(true);
    expect(test('before', 'P1D', null)).toBe(false);
  });
});
