import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NODE_TYPES, nodeRegistry } from '../nodes/index.ts';
import { compile } from './compile.ts';
import type { WaitSpec } from './context.ts';
import { createFlowMachine } from './machine.ts';
import { defineNode } from './node-definition.ts';
import { PORTS } from './ports.ts';
import { act, when } from './refs.ts';
import { createRegistry } from './registry.ts';
import { runTurn } from './turn.ts';
import { defineWaitKind, type WakeOptions, nextWake as wakeWith } from './wake.ts';

/** The catalogue's own kinds: `timeout` (wake.ts) and the `wait` node's `duration`. */
const nextWake = (spec: WaitSpec, options: WakeOptions) => wakeWith(spec, options, nodeRegistry);

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

describe('wait kinds', () => {
  // A node type of a test's own, with a kind shared/flow has never heard of: 'at the next full hour'.
  const fullHour = defineWaitKind<{ kind: 'full_hour'; hours: number }>({
    kind: 'full_hour',
    wakeAt: (spec, { now }) => (Math.floor(now / 3_600_000) + spec.hours) * 3_600_000,
  });
  const onTheHour = defineNode({
    type: 'test.on_the_hour',
    category: 'time',
    label: { 'zh-CN': '整点', en: 'On the hour' },
    description: { 'zh-CN': '等到整点。', en: 'Waits for a full hour.' },
    icon: 'M12 7v5',
    summary: [],
    version: 1,
    data: z.object({}),
    initial: {},
    ports: () => [PORTS.next],
    waits: true,
    waitKinds: [fullHour],
    compile: (_data, kit) => ({
      entry: [act('arm', {})],
      meta: { wait: { kind: 'full_hour', hours: 2 } },
      on: { TIMER: [kit.port('next', { guard: when('timerDue', {}) })] },
    }),
  });
  const registry = createRegistry([...NODE_TYPES, onTheHour]);

  it('come from the node types that register them, without a word in shared/flow', () => {
    const result = compile(
      {
        nodes: [
          { id: 'start', type: 'trigger.keyword', data: { keywords: ['hi'] } },
          { id: 'hour', type: 'test.on_the_hour', data: {} },
        ],
        edges: [{ id: 'e1', source: 'start', target: 'hour' }],
      },
      {},
      registry,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const turn = runTurn(
      createFlowMachine(result.machine),
      null,
      { type: 'START', entry: 'start' },
      { now: at('2025-01-06T02:25:00Z'), timeZone: 'UTC', input: { contact: { id: 'c1' } }, registry },
    );
    expect(turn.status).toBe('waiting');
    expect(turn.wait?.timer?.wakeAt).toBe(at('2025-01-06T04:00:00Z'));
  });

  it('are registered once per name, and an unregistered one is a clear error', () => {
    expect(registry.waitKind('timeout')).toBe(nodeRegistry.waitKind('timeout'));
    const impostor = { ...onTheHour, type: 'test.other', waitKinds: [{ ...fullHour }] };
    expect(() => createRegistry([onTheHour, impostor])).toThrow(/Wait kind full_hour is registered twice/);
    expect(() => nextWake({ kind: 'full_hour', hours: 1 }, shanghai)).toThrow(/wait kind `full_hour`/);
  });
});
