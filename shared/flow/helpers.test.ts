import { describe, expect, it } from 'vitest';
import {
  boundedDurationMs,
  durationMs,
  formatDuration,
  isDuration,
  MAX_DURATION_MS,
} from '../time/duration.ts';
import { evaluateConditions, evaluateRule } from './condition.ts';
import { type FlowContext, initialContext } from './context.ts';
import { cyrb53, pickWeighted, stickyUnit } from './hash.ts';
import { renderTemplate, templateVariables } from './template.ts';

const run = (patch: Partial<FlowContext> = {}): FlowContext => ({
  ...initialContext({
    contact: { id: 'c1', name: '小明' },
    attributes: { city: '上海', age: 25 },
    tags: ['VIP'],
  }),
  ...patch,
});

describe('durations', () => {
  it('reads the ISO-8601 forms flows use', () => {
    expect(durationMs('PT30S')).toBe(30_000);
    expect(durationMs('PT10M')).toBe(600_000);
    expect(durationMs('PT2H')).toBe(7_200_000);
    expect(durationMs('P3D')).toBe(3 * 86_400_000);
    expect(durationMs('P1W')).toBe(7 * 86_400_000);
    expect(durationMs('P1DT2H30M')).toBe(86_400_000 + 9_000_000);
    for (const bad of ['P', 'PT', '30m', 'P1Y', 'PT-1S', '']) expect(durationMs(bad)).toBeNull();
  });

  it('refuses anything longer than the maximum, P365D unless told otherwise', () => {
    expect(durationMs('P365D')).toBe(MAX_DURATION_MS);
    for (const long of ['P366D', 'P53W', 'P20000000W', `PT${'9'.repeat(400)}S`]) {
      expect(durationMs(long), long).toBeNull();
      expect(isDuration(long), long).toBe(false);
    }
    expect(durationMs('P90D', 'P90D')).toBe(90 * 86_400_000);
    expect(isDuration('P91D', 'P90D')).toBe(false);
    expect(isDuration('PT2H', 3_600_000)).toBe(false);
    // A version stored before the bound waits the longest allowed, never an invalid date.
    expect(boundedDurationMs('P20000000W')).toBe(MAX_DURATION_MS);
    expect(boundedDurationMs('PT1H')).toBe(3_600_000);
  });

  it('formats back to the shortest text', () => {
    expect(formatDuration(9_000_000)).toBe('PT2H30M');
    expect(formatDuration(14 * 86_400_000)).toBe('P2W');
    expect(formatDuration(0)).toBe('PT0S');
  });
});

describe('templates', () => {
  it('renders variables with fallbacks for empty ones', () => {
    const context = run({ vars: { coupon: { code: 'C-1', pool: 'spring' } } });
    expect(renderTemplate('{{contact.name|朋友}}在{{attributes.city}}，券 {{coupon.code}}', context)).toBe(
      '小明在上海，券 C-1',
    );
    expect(renderTemplate('{{contact.alias|朋友}}/{{attributes.job|未知}}/{{attributes.job}}', context)).toBe(
      '朋友/未知/',
    );
  });

  it("prints nothing for Object's own names: they are no variables", () => {
    const context = run({ vars: { coupon: { code: 'C-1', pool: 'spring' } } });
    const text =
      '{{constructor.name|朋友}}/{{toString}}/{{contact.constructor}}/{{attributes.constructor}}/{{coupon.constructor}}/{{__proto__.x}}';
    expect(renderTemplate(text, context)).toBe('朋友/////');
  });

  it('lists the variables a text names', () => {
    expect(templateVariables('{{ contact.name | 朋友 }} {{attributes.city}}')).toEqual([
      { name: 'contact.name', fallback: ' 朋友 ' },
      { name: 'attributes.city', fallback: null },
    ]);
  });
});

describe('conditions', () => {
  it('compares numbers numerically and text case-insensitively', () => {
    expect(evaluateRule({ field: 'attributes.age', op: 'gte', value: '18' }, run())).toBe(true);
    expect(evaluateRule({ field: 'attributes.age', op: 'lt', value: 9 }, run())).toBe(false);
    expect(evaluateRule({ field: 'contact.name', op: 'eq', value: '小明' }, run())).toBe(true);
    expect(evaluateRule({ field: 'attributes.city', op: 'contains', value: '海' }, run())).toBe(true);
    expect(evaluateRule({ field: 'attributes.city', op: 'matches', value: '^上' }, run())).toBe(true);
  });

  it("never reads Object's own names as fields", () => {
    expect(evaluateRule({ field: 'constructor.name', op: 'eq', value: 'Object' }, run())).toBe(false);
    expect(evaluateRule({ field: 'attributes.constructor', op: 'exists' }, run())).toBe(false);
    expect(evaluateRule({ field: 'reply.constructor', op: 'exists' }, run())).toBe(false);
  });

  it('handles tags, missing fields and all/any', () => {
    expect(evaluateRule({ field: 'tags', op: 'has_tag', value: 'vip' }, run())).toBe(true);
    expect(evaluateRule({ field: 'tags', op: 'not_has_tag', value: 'vip' }, run())).toBe(false);
    expect(evaluateRule({ field: 'attributes.job', op: 'exists' }, run())).toBe(false);
    expect(evaluateRule({ field: 'attributes.job', op: 'neq', value: 'x' }, run())).toBe(true);
    expect(evaluateRule({ field: 'reply.text', op: 'eq', value: '' }, run())).toBe(false);
    const rules = [
      { field: 'attributes.age', op: 'gt' as const, value: 30 },
      { field: 'attributes.city', op: 'eq' as const, value: '上海' },
    ];
    expect(evaluateConditions('all', rules, run())).toBe(false);
    expect(evaluateConditions('any', rules, run())).toBe(true);
  });

  it("reads today's facts: room sets by membership, the activity grade by equality", () => {
    const facts = { roomSets: ['VIP', 'city'], leftRoomSets: ['old'], activity: 'lurker' as const };
    const today = run({ facts });
    expect(evaluateRule({ field: 'room.member_of', op: 'eq', value: 'vip' }, today)).toBe(true);
    expect(evaluateRule({ field: 'room.member_of', op: 'neq', value: 'old' }, today)).toBe(true);
    expect(evaluateRule({ field: 'room.left', op: 'eq', value: 'old' }, today)).toBe(true);
    expect(evaluateRule({ field: 'room.left', op: 'eq', value: 'vip' }, today)).toBe(false);
    expect(evaluateRule({ field: 'contact.activity', op: 'eq', value: 'lurker' }, today)).toBe(true);
    expect(evaluateRule({ field: 'contact.activity', op: 'neq', value: 'active' }, today)).toBe(true);
    expect(evaluateRule({ field: 'room.member_of', op: 'exists' }, today)).toBe(true);
    // A run that was never told facts (or stored before #14) is in no group and not graded.
    for (const none of [run(), run({ facts: undefined })]) {
      expect(evaluateRule({ field: 'room.member_of', op: 'eq', value: 'vip' }, none)).toBe(false);
      expect(evaluateRule({ field: 'room.member_of', op: 'not_exists' }, none)).toBe(true);
      expect(evaluateRule({ field: 'contact.activity', op: 'neq', value: 'lurker' }, none)).toBe(true);
      expect(evaluateRule({ field: 'contact.activity', op: 'exists' }, none)).toBe(false);
    }
  });
});

describe('sticky picks', () => {
  it('keeps sticky picks stable across processes and versions (pinned values)', () => {
    expect(cyrb53('wxid_04\u0000ab')).toBe(cyrb53('wxid_04\u0000ab'));
    expect(stickyUnit('wxid_04', 'ab')).toBeCloseTo(0.118, 3);
    expect(stickyUnit('wxid_01', 'ab')).toBeCloseTo(0.644, 3);
  });

  it('picks in proportion to the weights', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 6000; i++) counts[pickWeighted(stickyUnit(`c${i}`, 'split'), [1, 1, 2])]!++;
    expect(counts[0]! / 6000).toBeCloseTo(0.25, 1);
    expect(counts[2]! / 6000).toBeCloseTo(0.5, 1);
    expect(pickWeighted(0.99, [1, 0])).toBe(0);
  });
});
