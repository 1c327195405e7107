import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../nodes/index.ts';
import { compile } from './compile.ts';
import { createFlowMachine } from './machine.ts';
import { stateKey } from './state-keys.ts';
import { type PersistedRun, runTurn } from './turn.ts';
import { validate } from './validate.ts';
import { VOCABULARY } from './vocabulary.ts';

const env = { now: Date.UTC(2025, 0, 6, 2), timeZone: 'Asia/Shanghai', input: { contact: { id: 'c1' } } };

const flow = (waitId = 'w') => ({
  nodes: [
    { id: 'start', type: 'trigger.keyword', data: { keywords: ['hi'] }, position: { x: 0, y: 0 } },
    { id: 'hello.world#1', type: 'send', data: { text: 'hi' } },
    { id: waitId, type: 'wait', data: { duration: 'PT1M' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'hello.world#1' },
    { id: 'e2', source: 'hello.world#1', target: waitId },
    { id: 'e3', source: waitId, target: waitId },
  ],
});

describe('compile', () => {
  it('is deterministic: the same graph gives the same JSON text (what the version hash is of); UI keys do not count', () => {
    const text = (graph: unknown) => {
      const result = compile(graph);
      if (!result.ok) throw new Error('flow does not compile');
      return JSON.stringify({ machine: result.machine, entries: result.entries });
    };
    const moved = flow();
    moved.nodes[0]!.position = { x: 500, y: 80 };
    expect(text(moved)).toBe(text(flow()));
    expect(text(flow('w2'))).not.toBe(text(flow()));
  });

  it('records the vocabulary the machine speaks', () => {
    const result = compile(flow());
    expect(result.ok && result.machine.vocabulary).toBe(VOCABULARY);
  });

  it('lists triggers as entry points with their parsed data and its version', () => {
    const result = compile(flow());
    expect(result.ok && result.entries).toEqual([
      {
        nodeId: 'start',
        type: 'trigger.keyword',
        version: 1,
        data: { keywords: ['hi'], match: 'contains', scope: 'private', mentionOnly: true },
      },
    ]);
  });

  it('returns the lint errors instead of a machine', () => {
    const result = compile({ nodes: [{ id: 'a', type: 'send', data: { text: 'x' } }], edges: [] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((issue) => issue.code)).toEqual(['no_trigger']);
  });

  it("refuses Object's own names in templates, and a machine that has one prints only the fallback", () => {
    const graph = (text: string) => ({
      nodes: [
        { id: 'start', type: 'trigger.keyword', data: { keywords: ['hi'] } },
        { id: 'hi', type: 'send', data: { text } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'hi' }],
    });
    const refused = compile(graph('{{constructor.name}}'));
    expect(!refused.ok && refused.errors.map((issue) => issue.code)).toEqual(['unknown_variable']);
    // A version published before the check: its machine still renders without Object's members.
    const result = compile(graph('{{contact.name|朋友}}'));
    if (!result.ok) throw new Error('flow does not compile');
    const old = JSON.parse(
      JSON.stringify(result.machine).replace('contact.name|朋友', 'constructor.name|朋友'),
    );
    const turn = runTurn(createFlowMachine(old), null, { type: 'START', entry: 'start' }, env);
    expect(turn.effects).toEqual([expect.objectContaining({ kind: 'send', text: '朋友' })]);
  });

  it('maps any node id to a state key XState accepts, without collisions', () => {
    expect(stateKey('ask_1')).toBe('n_ask_1');
    expect(stateKey('a.b')).not.toBe(stateKey('a#b'));
    expect(stateKey('a.b')).toMatch(/^x_a_b_[0-9a-z]+$/);
  });

  it('counts a port that loops back to its own node as a new visit', () => {
    const result = compile(flow());
    if (!result.ok) throw new Error('flow does not compile');
    const machine = createFlowMachine(result.machine);
    let turn = runTurn(machine, null, { type: 'START', entry: 'start' }, env);
    for (let i = 0; i < 2; i++) {
      const token = turn.wait!.timer!.token;
      turn = runTurn(
        machine,
        JSON.parse(JSON.stringify(turn.snapshot)) as PersistedRun,
        { type: 'TIMER', token },
        env,
      );
    }
    expect(turn.visits).toEqual([
      { kind: 'exit', nodeId: 'w', visit: 2, port: 'next' },
      { kind: 'visit', nodeId: 'w', visit: 3 },
    ]);
    expect(turn.status).toBe('waiting');
  });
});

/** Node data: mostly the type's own initial data, sometimes junk, so both paths get exercised. */
const dataArb = (type: string) => {
  const initial = NODE_TYPES.find((definition) => definition.type === type)?.initial ?? {};
  return fc.oneof({ weight: 6, arbitrary: fc.constant(initial) }, { weight: 1, arbitrary: fc.anything() });
};

const TYPES = [...NODE_TYPES.map((definition) => definition.type), 'mystery'];
const PORTS = [
  'next',
  'answered',
  'invalid',
  'timeout',
  'replied',
  'true',
  'false',
  'issued',
  'exhausted',
  'a',
  'b',
];

const graphArb = fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 12 }).chain((types) => {
  const ids = types.map((_, i) => (i % 4 === 3 ? `n.${i}#` : `n${i}`));
  const node = (type: string, i: number) => dataArb(type).map((data) => ({ id: ids[i]!, type, data }));
  const edge = fc.record({
    id: fc.string({ minLength: 1, maxLength: 3 }),
    source: fc.constantFrom(...ids, 'ghost'),
    target: fc.constantFrom(...ids),
    sourceHandle: fc.option(fc.constantFrom(...PORTS), { nil: undefined }),
  });
  return fc.record({
    nodes: fc.tuple(...types.map(node)),
    edges: fc.array(edge, { maxLength: 16 }),
  });
});

const TRIGGERS = NODE_TYPES.filter((definition) => definition.trigger);
const INNER = NODE_TYPES.filter((definition) => !definition.trigger);

/** Well-wired graphs: valid data and each port leading to some node or nowhere; only loops can fail the lint. */
const wiredGraphArb = fc
  .tuple(fc.constantFrom(...TRIGGERS), fc.array(fc.constantFrom(...INNER), { minLength: 1, maxLength: 15 }))
  .chain(([trigger, inner]) => {
    const definitions = [trigger, ...inner];
    const slots = definitions.flatMap((definition, i) =>
      definition.ports(definition.data.parse(definition.initial)).map((port) => ({ i, port: port.id })),
    );
    const target = fc.option(fc.integer({ min: 1, max: inner.length }), { nil: null });
    return fc.tuple(...slots.map(() => target)).map((targets) => ({
      nodes: definitions.map((definition, i) => ({
        id: `n${i}`,
        type: definition.type,
        data: definition.initial,
      })),
      edges: slots.flatMap(({ i, port }, slot) => {
        const to = targets[slot];
        return to === null || to === undefined
          ? []
          : [{ id: `e${slot}`, source: `n${i}`, sourceHandle: port, target: `n${to}` }];
      }),
    }));
  });

const EVENTS = [
  { type: 'MESSAGE', text: '18' },
  { type: 'TIMER', token: 't1' },
  { type: 'RESULT', ok: true, value: { code: 'C1' } },
  { type: 'MESSAGE', text: 'x' },
  { type: 'RESULT', ok: false },
  { type: 'TIMER', token: 't2' },
] as const;

function checkProperty(graph: unknown): boolean {
  const { errors } = validate(graph);
  const result = compile(graph);
  expect(result.ok).toBe(errors.length === 0);
  if (!result.ok) return false;
  const machine = createFlowMachine(result.machine);
  for (const entry of result.entries) {
    let turn = runTurn(machine, null, { type: 'START', entry: entry.nodeId }, env);
    for (const event of EVENTS) {
      expect(turn.status).not.toBe('failed');
      turn = runTurn(machine, JSON.parse(JSON.stringify(turn.snapshot)), event, env);
    }
  }
  return true;
}

describe('compile (properties)', () => {
  it('never throws on random graphs', () => {
    fc.assert(
      fc.property(graphArb, (graph) => void checkProperty(graph)),
      { numRuns: 300 },
    );
  });

  it('compiles every wired graph without lint errors to a machine XState runs', () => {
    let clean = 0;
    fc.assert(
      fc.property(wiredGraphArb, (graph) => void (checkProperty(graph) && clean++)),
      { numRuns: 300 },
    );
    // About a third of wired graphs loop without a wait; the rest must all compile and run.
    expect(clean).toBeGreaterThan(40);
  });
});
