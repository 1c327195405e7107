// Golden flows (STYLE §5): every `__fixtures__/<name>.flow.json` runs the scripted conversations
// of `<name>.script.json` through compile + the turn driver, persisting the snapshot to JSON and
// restoring a fresh actor between every event, and must reproduce `<name>.transcript.json`.
// `UPDATE_GOLDEN=1 npx vitest run shared/nodes` rewrites the transcripts, laid out as `biome check`
// wants them (review the diff!).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compile,
  createFlowMachine,
  driveTurn,
  durationMs,
  type Effect,
  type FlowEvent,
  type FlowFacts,
  type FlowInput,
  type FlowMachine,
  type PersistedRun,
  type TurnResult,
} from '../flow/index.ts';
import { NODE_TYPES } from './index.ts';
import {
  activityCounts,
  couponStore,
  describeTurn,
  requestTable,
  roomSeats,
  writeFixture,
} from './transcripts.ts';

const DIR = join(import.meta.dirname, '__fixtures__');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/**
 * A TIMER without a token fires the run's current timer; `advance` moves the clock (ISO duration);
 * `facts` are what the runtime knows of the contact from then on (room sets, activity grade).
 */
type ScriptEvent = FlowEvent | { type: 'TIMER'; token?: string } | { advance: string } | { facts: FlowFacts };
type Script = {
  env?: { now?: string; timeZone?: string; activity?: Record<string, number> };
  coupons?: Record<string, string[]>;
  /** Seats left per room set, by group id, in rotation order (`roomSeats`). */
  rooms?: Record<string, string[]>;
  runs: (FlowInput & { events: ScriptEvent[]; activity?: Record<string, number>; facts?: FlowFacts })[];
};

type Resolver = ReturnType<typeof requestTable>;

async function playRun(run: Script['runs'][number], script: Script, resolve: Resolver, machine: FlowMachine) {
  let now = Date.parse(script.env?.now ?? '2025-01-06T02:00:00Z');
  const env = {
    timeZone: script.env?.timeZone ?? 'Asia/Shanghai',
    activity: activityCounts(run.activity ?? script.env?.activity),
  };
  let facts = run.facts;
  let stored: string | null = null;
  let last: TurnResult | null = null;
  const turns = [];
  const taken: Effect[] = [];
  for (const scripted of run.events) {
    if ('advance' in scripted) {
      now += durationMs(scripted.advance) ?? 0;
      continue;
    }
    if ('facts' in scripted) {
      facts = scripted.facts;
      continue;
    }
    // A TIMER without a token is the sweeper firing the run's current timer when it falls due.
    const timer = scripted.type === 'TIMER' && !scripted.token ? last?.wait?.timer : null;
    if (timer) now = Math.max(now, timer.wakeAt);
    const event = (timer ? { type: 'TIMER', token: timer.token } : scripted) as FlowEvent;
    // Frozen: a turn must leave the snapshot it restores from as it was (turn.ts copies it shallowly).
    const snapshot = stored === null ? null : deepFreeze(JSON.parse(stored) as PersistedRun);
    last = await driveTurn(machine, snapshot, event, {
      ...env,
      now,
      input: run,
      resolve,
      ...(facts ? { facts } : {}),
    });
    stored = JSON.stringify(last.snapshot);
    turns.push(describeTurn(event, last));
    taken.push(...last.trace);
  }
  return { turns, taken };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const fixtures = readdirSync(DIR)
  .filter((file) => file.endsWith('.flow.json'))
  .map((file) => file.slice(0, -'.flow.json'.length))
  .sort();

type FlowFixture = { nodes: { id: string; type: string; data?: unknown }[] };

/** `<fixture>:<node id>` → the node and the ports runs left it through, for the coverage check. */
const portsTaken = new Map<string, { type: string; data: unknown; ports: Set<string> }>();

function recordPorts(name: string, graph: FlowFixture, trace: Effect[]): void {
  for (const effect of trace) {
    if (effect.kind !== 'exit' && effect.kind !== 'visit') continue;
    const key = `${name}:${effect.nodeId}`;
    const node = graph.nodes.find((candidate) => candidate.id === effect.nodeId)!;
    const entry = portsTaken.get(key) ?? { type: node.type, data: node.data ?? {}, ports: new Set<string>() };
    portsTaken.set(key, entry);
    if (effect.kind === 'exit') entry.ports.add(effect.port);
  }
}

describe.each(fixtures)('golden flow %s', (name) => {
  it('reproduces its transcript', async () => {
    const graph = JSON.parse(readFileSync(join(DIR, `${name}.flow.json`), 'utf8'));
    const script = JSON.parse(readFileSync(join(DIR, `${name}.script.json`), 'utf8')) as Script;
    const compiled = compile(graph);
    if (!compiled.ok) throw new Error(`${name} does not compile: ${JSON.stringify(compiled.errors)}`);
    const machine = createFlowMachine(compiled.machine);
    const resolve = requestTable({
      coupon: couponStore(script.coupons ?? {}),
      room_invite: roomSeats(script.rooms ?? {}),
    });
    const transcript = [];
    for (const run of script.runs) {
      const { turns, taken } = await playRun(run, script, resolve, machine);
      transcript.push({ contact: run.contact.id, turns });
      recordPorts(name, graph, taken);
    }
    const file = join(DIR, `${name}.transcript.json`);
    if (UPDATE) writeFixture(file, transcript);
    if (!existsSync(file))
      throw new Error(`${name}.transcript.json is missing: run with UPDATE_GOLDEN=1 and review it`);
    expect(transcript).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});

it('covers every node type through each of its ports', () => {
  for (const definition of NODE_TYPES) {
    const covered = [...portsTaken.values()].some(
      ({ type, data, ports }) =>
        type === definition.type &&
        definition.ports(definition.data.parse(data)).every((port: { id: string }) => ports.has(port.id)),
    );
    expect(covered, `${definition.type}: no fixture node is left through each of its ports`).toBe(true);
  }
});
