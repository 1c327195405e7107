import { describe, expect, it } from 'vitest';
import onboarding from '../../../../shared/nodes/__fixtures__/onboarding.flow.json' with { type: 'json' };
import { dropOff, funnelSteps, mostTakenPath, type NodeTotals, shareOf, togglePicked } from './funnel.ts';

const totals = (counts: Record<string, [number, Record<string, number>?]>): NodeTotals =>
  Object.fromEntries(Object.entries(counts).map(([id, [entered, exits = {}]]) => [id, { entered, exits }]));

describe('the path most contacts took', () => {
  it('follows the main exits to the goal when nothing is counted yet', () => {
    expect(mostTakenPath(onboarding, {})).toEqual([
      'start',
      'greet',
      'city',
      'age',
      'phone',
      'adult',
      'tag_adult',
      'gift',
      'lead',
    ]);
  });

  it('takes at each card the connected exit most contacts left by, and stops at the goal', () => {
    const counts = totals({
      start: [10, { next: 10 }],
      greet: [10, { next: 10 }],
      city: [10, { answered: 9 }],
      age: [9, { answered: 8 }],
      phone: [8, { answered: 7 }],
      adult: [7, { true: 2, false: 5 }],
      tag_minor: [5, { next: 5 }],
      lead: [5],
    });
    expect(mostTakenPath(onboarding, counts).slice(5)).toEqual(['adult', 'tag_minor', 'lead']);
  });

  it('starts at the trigger most contacts entered, and never loops', () => {
    const graph = {
      nodes: [
        { id: 'a', type: 'trigger.friend_request', data: {} },
        { id: 'b', type: 'trigger.keyword', data: { keywords: ['hi'] } },
        { id: 'w', type: 'wait_reply', data: { timeout: 'PT1H' } },
      ],
      edges: [
        { source: 'b', sourceHandle: 'next', target: 'w' },
        { source: 'w', sourceHandle: 'timeout', target: 'w' },
      ],
    };
    expect(mostTakenPath(graph, totals({ a: [1], b: [4], w: [4, { timeout: 3 }] }))).toEqual(['b', 'w']);
    expect(mostTakenPath({ nodes: [], edges: [] }, {})).toEqual([]);
  });
});

describe('funnel maths', () => {
  it('gives each step its share of the start and what it lost since the step before', () => {
    const steps = funnelSteps(['a', 'b', 'c', 'gone'], totals({ a: [200], b: [150], c: [160] }));
    expect(steps.map((s) => [s.entered, s.ofStart, s.lost, s.lostShare])).toEqual([
      [200, 1, 0, 0],
      [150, 0.75, 50, 0.25],
      // More than before (runs that entered mid-range): no negative loss, never above 100 %.
      [160, 0.8, 0, 0],
      [0, 0, 160, 1],
    ]);
    expect(funnelSteps(['a'], {})[0]).toMatchObject({ entered: 0, ofStart: null, lostShare: null });
  });

  it('says an edge’s drop-off as the share of its source’s contacts that did not take it', () => {
    expect(dropOff(30, 40)).toBe(0.25);
    expect(dropOff(40, 40)).toBe(0);
    expect(dropOff(0, 0)).toBeNull();
    expect(dropOff(5, 4)).toBe(0);
    expect(shareOf(1, 3)).toBeCloseTo(1 / 3);
  });

  it('toggles picked cards', () => {
    expect(togglePicked(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(togglePicked(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });
});
