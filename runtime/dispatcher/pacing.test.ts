// The pacer's guarantees under random limits and random bursts: a dispatcher that only acts when
// `nextSlot` allows never exceeds any kind's windows (messages per minute, accepts and friend adds
// per hour), its per-day cap, or the jitter gap — every kind's budget read from the kinds table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BotLimits } from '../../shared/api/bot-limits.ts';
import type { OutboxKind } from '../../shared/db/schema.ts';
import { localDay } from '../../shared/time/zoned.ts';
import { OUTBOX_KIND_TABLE } from './kinds.ts';
import { nextSlot, type PacingState, record } from './pacing.ts';

const budgetOf = (limits: BotLimits, kind: OutboxKind) => OUTBOX_KIND_TABLE[kind]!.budget(limits);

const TZ = 'Asia/Shanghai';
const START = Date.UTC(2026, 10, 25, 15, 50); // 23:50 in Shanghai: the day changes during the run

/** Performs every requested action at the earliest moment the pacer allows; returns when each happened. */
function simulate(limits: BotLimits, requests: { kind: OutboxKind; at: number }[], seed: number) {
  let state: PacingState | null = null;
  let random = seed;
  const rand = () => {
    random = (random * 16807) % 2147483647;
    return random / 2147483647;
  };
  const done: { kind: OutboxKind; at: number }[] = [];
  let clock = START;
  for (const req of [...requests].sort((a, b) => a.at - b.at)) {
    clock = Math.max(clock, START + req.at);
    for (
      let slot = nextSlot(budgetOf(limits, req.kind), state, req.kind, clock, TZ);
      slot.at > clock;
      slot = nextSlot(budgetOf(limits, req.kind), state, req.kind, clock, TZ)
    ) {
      clock = slot.at;
    }
    state = record(budgetOf(limits, req.kind), limits.jitterMs, state, req.kind, clock, TZ, rand);
    done.push({ kind: req.kind, at: clock });
  }
  return done;
}

const maxInWindow = (times: number[], windowMs: number) => {
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
};

const limitsArb = fc.record({
  messagesPerMinute: fc.integer({ min: 1, max: 20 }),
  messagesPerDay: fc.integer({ min: 1, max: 60 }),
  acceptsPerHour: fc.integer({ min: 1, max: 10 }),
  acceptsPerDay: fc.integer({ min: 1, max: 20 }),
  addsPerHour: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
  addsPerDay: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
  invitesPerHour: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
  invitesPerDay: fc.option(fc.integer({ min: 1, max: 15 }), { nil: null }),
  removesPerHour: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
  removesPerDay: fc.option(fc.integer({ min: 1, max: 15 }), { nil: null }),
  jitterMs: fc
    .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
});
const burstArb = fc.array(
  fc.record({
    kind: fc.constantFrom<OutboxKind>(
      'message',
      'message',
      'friend_accept',
      'friend_add',
      'room_invite',
      'room_remove',
    ),
    at: fc.integer({ min: 0, max: 600_000 }),
  }),
  { maxLength: 120 },
);

describe('pacing', () => {
  it('never exceeds an account limits over random bursts', () => {
    fc.assert(
      fc.property(limitsArb, burstArb, fc.integer({ min: 1, max: 1e6 }), (limits, burst, seed) => {
        const done = simulate(limits, burst, seed);
        const times = (kind: OutboxKind) => done.filter((d) => d.kind === kind).map((d) => d.at);
        const perDay = new Map<string, number>();
        for (const d of done) {
          const key = `${d.kind}:${localDay(d.at, TZ)}`;
          perDay.set(key, (perDay.get(key) ?? 0) + 1);
        }
        for (const kind of [
          'message',
          'friend_accept',
          'friend_add',
          'room_invite',
          'room_remove',
        ] as const) {
          const budget = budgetOf(limits, kind);
          for (const { ms, max } of budget.windows)
            if (max !== null) expect(maxInWindow(times(kind), ms)).toBeLessThanOrEqual(max);
          for (const [key, n] of perDay)
            if (key.startsWith(`${kind}:`) && budget.perDay !== null)
              expect(n).toBeLessThanOrEqual(budget.perDay);
        }
        const all = done.map((d) => d.at);
        for (let i = 1; i < all.length; i++)
          expect(all[i]! - all[i - 1]!).toBeGreaterThanOrEqual(limits.jitterMs[0]);
      }),
      { numRuns: 200 },
    );
  });

  it('waits for the next local midnight once the daily cap is reached', () => {
    const limits: BotLimits = {
      messagesPerMinute: 100,
      messagesPerDay: 2,
      acceptsPerHour: 5,
      acceptsPerDay: 5,
      jitterMs: [0, 0],
    };
    const done = simulate(
      limits,
      [0, 1, 2].map((i) => ({ kind: 'message' as const, at: i })),
      1,
    );
    expect(new Date(done[2]!.at).toISOString()).toBe('2026-11-25T16:00:00.000Z');
  });
});
