import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import type { LintCode } from './issues.ts';
import { roomSetContext } from './room-checks.ts';
import { type LintContext, openEndPorts, validate } from './validate.ts';

type Node = { id: string; type: string; data?: unknown };
type Edge = { id: string; source: string; target: string; sourceHandle?: string | null };

const trigger: Node = { id: 't', type: 'trigger.keyword', data: { keywords: ['hi'] } };
const send = (id: string, text = 'hello'): Node => ({ id, type: 'send', data: { text } });
const edge = (source: string, target: string, sourceHandle?: string): Edge => ({
  id: `${source}-${sourceHandle ?? ''}-${target}`,
  source,
  target,
  ...(sourceHandle === undefined ? {} : { sourceHandle }),
});
/** trigger → nodes[0] → nodes[1] → … through each node's `next`. */
const chain = (...nodes: Node[]) => ({
  nodes: [trigger, ...nodes],
  edges: [trigger, ...nodes].slice(0, -1).map((node, i) => edge(node.id, nodes[i]!.id, 'next')),
});

const issuesOf = (graph: unknown, code: LintCode, context?: LintContext) => {
  const { errors, warnings } = validate(graph, context);
  return [...errors, ...warnings].filter((issue) => issue.code === code);
};

describe('validate', () => {
  it('accepts a small clean flow, React Flow UI keys included', () => {
    const graph = chain(send('a'), { id: 'z', type: 'end', data: {} });
    graph.nodes[1] = { ...graph.nodes[1]!, selected: true, measured: { width: 10 } } as Node;
    expect(validate(graph)).toEqual({ errors: [], warnings: [] });
  });

  it('never throws on something that is not a flow document', () => {
    for (const junk of [null, 42, 'x', { nodes: 'no' }, { nodes: [null, { id: 3 }], edges: [{}] }]) {
      expect(validate(junk).errors.length).toBeGreaterThan(0);
    }
  });

  it('no_trigger: a flow without a trigger', () => {
    expect(issuesOf({ nodes: [send('a')], edges: [] }, 'no_trigger')).toHaveLength(1);
    expect(issuesOf({ nodes: [trigger], edges: [] }, 'no_trigger')).toEqual([]);
  });

  it('unknown_type: points at the node and its type', () => {
    expect(issuesOf(chain({ id: 'a', type: 'sned', data: {} }), 'unknown_type')).toEqual([
      expect.objectContaining({ nodeId: 'a', path: 'type' }),
    ]);
    expect(issuesOf(chain(send('a')), 'unknown_type')).toEqual([]);
  });

  it('invalid_data: points at the failing field', () => {
    const ask = (saveAs: string): Node => ({ id: 'q', type: 'ask', data: { question: '?', saveAs } });
    expect(issuesOf(chain(ask('City')), 'invalid_data')).toEqual([
      expect.objectContaining({ nodeId: 'q', path: 'data.saveAs' }),
    ]);
    expect(issuesOf(chain(ask('city')), 'invalid_data')).toEqual([]);
    const regex = { ...trigger, data: { keywords: ['ok', '(unclosed'], match: 'regex' } };
    expect(issuesOf({ nodes: [regex], edges: [] }, 'invalid_data')).toEqual([
      expect.objectContaining({ nodeId: 't', path: 'data.keywords.1' }),
    ]);
  });

  it('duplicate_id: two nodes or two edges with one id', () => {
    const graph = chain(send('a'), send('b'));
    expect(issuesOf({ ...graph, nodes: [...graph.nodes, send('a')] }, 'duplicate_id')).toEqual([
      expect.objectContaining({ nodeId: 'a' }),
    ]);
    expect(issuesOf({ ...graph, edges: [...graph.edges, { ...graph.edges[0]! }] }, 'duplicate_id')).toEqual([
      expect.objectContaining({ edgeId: graph.edges[0]!.id }),
    ]);
    // A node and an edge may share an id: they live in different lists.
    expect(
      issuesOf({ ...graph, edges: [{ ...graph.edges[0]!, id: 'a' }, graph.edges[1]] }, 'duplicate_id'),
    ).toEqual([]);
  });

  it('dangling_edge: an edge to or from a missing node', () => {
    const graph = chain(send('a'));
    expect(
      issuesOf({ ...graph, edges: [...graph.edges, edge('a', 'ghost', 'next')] }, 'dangling_edge'),
    ).toEqual([expect.objectContaining({ edgeId: 'a-next-ghost', path: 'target' })]);
    expect(issuesOf({ ...graph, edges: [edge('ghost', 'a')] }, 'dangling_edge')[0]).toMatchObject({
      path: 'source',
    });
    expect(issuesOf(graph, 'dangling_edge')).toEqual([]);
  });

  it('unknown_port: a handle the source node does not have', () => {
    const ask: Node = { id: 'q', type: 'ask', data: { question: '?', saveAs: 'x' } };
    const wrong = { nodes: [trigger, ask, send('a')], edges: [edge('t', 'q'), edge('q', 'a', 'next')] };
    expect(issuesOf(wrong, 'unknown_port')).toEqual([
      expect.objectContaining({ edgeId: 'q-next-a', nodeId: 'q', path: 'sourceHandle' }),
    ]);
    // No handle is fine only for a node with exactly one port (the trigger here, not the ask).
    const noHandle = { ...wrong, edges: [edge('t', 'q'), edge('q', 'a')] };
    expect(issuesOf(noHandle, 'unknown_port').map((issue) => issue.edgeId)).toEqual(['q--a']);
    expect(
      issuesOf({ ...wrong, edges: [edge('t', 'q'), edge('q', 'a', 'answered')] }, 'unknown_port'),
    ).toEqual([]);
  });

  it('port_reused: two edges leave one port', () => {
    const graph = chain(send('a'), send('b'));
    const reused = { ...graph, edges: [...graph.edges, edge('t', 'b', 'next')] };
    expect(issuesOf(reused, 'port_reused')).toEqual([
      expect.objectContaining({ edgeId: 't-next-b', nodeId: 't' }),
    ]);
    const condition: Node = {
      id: 'c',
      type: 'condition',
      data: { rules: [{ field: 'tags', op: 'has_tag', value: 'x' }] },
    };
    const twoPorts = {
      nodes: [trigger, condition, send('a')],
      edges: [edge('t', 'c'), edge('c', 'a', 'true'), edge('c', 'a', 'false')],
    };
    expect(issuesOf(twoPorts, 'port_reused')).toEqual([]);
  });

  it('trigger_has_incoming: an edge enters a trigger', () => {
    const graph = chain(send('a'));
    expect(
      issuesOf({ ...graph, edges: [...graph.edges, edge('a', 't', 'next')] }, 'trigger_has_incoming'),
    ).toEqual([expect.objectContaining({ nodeId: 't', edgeId: 'a-next-t' })]);
    expect(issuesOf(graph, 'trigger_has_incoming')).toEqual([]);
  });

  it('instant_loop: a cycle through no waiting node', () => {
    const loop = chain(send('a'), send('b'));
    loop.edges.push(edge('b', 'a', 'next'));
    expect(issuesOf(loop, 'instant_loop')).toEqual([expect.objectContaining({ nodeId: 'a' })]);
    const self = chain({ id: 'g', type: 'goal', data: { name: 'x' } });
    self.edges.push(edge('g', 'g', 'next'));
    expect(issuesOf(self, 'instant_loop')).toHaveLength(1);
    const waiting = chain(send('a'), { id: 'w', type: 'wait', data: { duration: 'PT1H' } });
    waiting.edges.push(edge('w', 'a', 'next'));
    expect(issuesOf(waiting, 'instant_loop')).toEqual([]);
    // An invite waits for the join, but a full room set is known at once: back to the invite is a loop.
    const invite: Node = { id: 'i', type: 'invite_room', data: { roomSet: 'vip' } };
    const retry = chain(invite, send('a'));
    retry.edges.push(edge('i', 'a', 'full'), edge('a', 'i', 'next'));
    expect(issuesOf(retry, 'instant_loop')).toEqual([expect.objectContaining({ nodeId: 'i' })]);
    const later = chain(invite, send('a'));
    later.edges.push(edge('i', 'a', 'timeout'), edge('a', 'i', 'next'));
    expect(issuesOf(later, 'instant_loop')).toEqual([]);
  });

  it('room_without_room: a send into the group that a run in no group can reach', () => {
    const toRoom = (id: string): Node => ({ id, type: 'send', data: { text: '欢迎', to: 'room' } });
    const keyword = (scope: string): Node => ({ ...trigger, data: { keywords: ['hi'], scope } });
    const flow = (start: Node, ...nodes: Node[]) => ({ ...chain(...nodes), nodes: [start, ...nodes] });
    expect(issuesOf(flow(trigger, toRoom('a')), 'room_without_room')).toEqual([
      expect.objectContaining({ nodeId: 'a', path: 'data.to' }),
    ]);
    expect(validate(flow(trigger, toRoom('a'))).errors.map((issue) => issue.code)).toEqual([
      'room_without_room',
    ]);
    for (const start of [keyword('room'), keyword('any'), { id: 't', type: 'trigger.room_join', data: {} }])
      expect(issuesOf(flow(start, toRoom('a')), 'room_without_room')).toEqual([]);
    // After an invite the run is in the group the contact joined — not when they never joined.
    const invite: Node = { id: 'i', type: 'invite_room', data: { roomSet: 'vip' } };
    const invited = chain(invite, toRoom('a'), toRoom('b'));
    invited.edges = [edge('t', 'i', 'next'), edge('i', 'a', 'joined'), edge('a', 'b', 'next')];
    expect(issuesOf(invited, 'room_without_room')).toEqual([]);
    invited.edges.push(edge('i', 'b', 'timeout'));
    expect(issuesOf(invited, 'room_without_room')).toEqual([expect.objectContaining({ nodeId: 'b' })]);
    // One private trigger among group ones is enough: its runs reach the send in no group.
    const mixed = flow(keyword('room'), toRoom('a'));
    mixed.nodes.push({ id: 'f', type: 'trigger.friend_request', data: {} });
    mixed.edges.push(edge('f', 'a', 'next'));
    expect(issuesOf(mixed, 'room_without_room')).toEqual([expect.objectContaining({ nodeId: 'a' })]);
  });

  it('unknown_room_set: a room set the workspace does not have, checked only when told which it has', () => {
    const join: Node = { id: 't', type: 'trigger.room_join', data: { roomSet: 'citi' } };
    const nodes: Node[] = [
      { id: 'i', type: 'invite_room', data: { roomSet: 'vip' } },
      { id: 'c', type: 'condition', data: { rules: [{ field: 'room.member_of', op: 'eq', value: 'Vip' }] } },
    ];
    const graph = { nodes: [join, ...nodes], edges: [edge('t', 'i', 'next'), edge('i', 'c', 'joined')] };
    expect(issuesOf(graph, 'unknown_room_set')).toEqual([]);
    expect(issuesOf(graph, 'unknown_room_set', { roomSets: ['vip', 'city'] })).toEqual([
      expect.objectContaining({
        nodeId: 't',
        path: 'data.roomSet',
        params: expect.objectContaining({ roomSet: 'citi' }),
      }),
      expect.objectContaining({
        nodeId: 'c',
        path: 'data.rules.0.value',
        params: expect.objectContaining({ roomSet: 'Vip' }),
      }),
    ]);
    expect(validate(graph, { roomSets: [] }).errors).toEqual([]);
    const anyGroup = { ...graph, nodes: [{ ...join, data: { roomSet: null } }, ...nodes] };
    expect(issuesOf(anyGroup, 'unknown_room_set', { roomSets: ['vip', 'Vip'] })).toEqual([]);
  });

  it('room_set_low_seats: a set the flow invites into with fewer than 50 seats left', () => {
    const graph = {
      nodes: [
        { id: 't', type: 'trigger.friend_request', data: {} },
        { id: 'i', type: 'invite_room', data: { roomSet: 'vip' } },
      ],
      edges: [edge('t', 'i', 'next')],
    };
    const context = (seats: number) => roomSetContext([{ name: 'vip', seatsLeft: seats }]);
    expect(issuesOf(graph, 'room_set_low_seats', context(50))).toEqual([]);
    expect(issuesOf(graph, 'room_set_low_seats', context(49))).toEqual([
      expect.objectContaining({
        nodeId: 'i',
        path: 'data.roomSet',
        params: expect.objectContaining({ roomSet: 'vip', seats: 49 }),
      }),
    ]);
    expect(validate(graph, context(0)).errors).toEqual([]);
    expect(validate(graph, context(0)).warnings.map((w) => w.code)).toContain('room_set_low_seats');
    // Unknown wins over low: a set that is not there has no seats to count.
    expect(issuesOf(graph, 'room_set_low_seats', { roomSets: [], seatsLeft: { vip: 0 } })).toEqual([]);
  });

  it('unknown_variable: a template names an unknown namespace or contact field', () => {
    expect(issuesOf(chain(send('a', 'hi {{contact.phone}} {{foo.bar|x}}')), 'unknown_variable')).toEqual([
      expect.objectContaining({ nodeId: 'a', path: 'data.text' }),
      expect.objectContaining({ nodeId: 'a', path: 'data.text' }),
    ]);
    const variant: Node = { id: 'a', type: 'send', data: { text: 'ok', variants: ['{{tags}}'] } };
    expect(issuesOf(chain(variant), 'unknown_variable')[0]).toMatchObject({ path: 'data.variants.0' });
    const known = send('a', '{{contact.name|朋友}} {{contact.alias}} {{coupon.code}} {{coupon.pool}}');
    expect(issuesOf(chain(known), 'unknown_variable')).toEqual([]);
  });

  it('unset_attribute: a template or condition reads an attribute nothing writes', () => {
    const reader = send('a', '{{attributes.city|你的城市}}');
    expect(issuesOf(chain(reader), 'unset_attribute')).toEqual([
      expect.objectContaining({ nodeId: 'a', path: 'data.text' }),
    ]);
    expect(validate(chain(reader)).errors).toEqual([]);
    const condition: Node = {
      id: 'c',
      type: 'condition',
      data: { rules: [{ field: 'attributes.age', op: 'gt', value: 3 }] },
    };
    expect(issuesOf(chain(condition), 'unset_attribute')[0]).toMatchObject({ path: 'data.rules.0.field' });
    const writer: Node = { id: 'w', type: 'set_attribute', data: { key: 'city', value: '上海' } };
    expect(issuesOf(chain(writer, reader), 'unset_attribute')).toEqual([]);
  });

  it('unreachable: no trigger reaches the node', () => {
    const graph = chain(send('a'));
    expect(issuesOf({ ...graph, nodes: [...graph.nodes, send('lost')] }, 'unreachable')).toEqual([
      expect.objectContaining({ nodeId: 'lost' }),
    ]);
    expect(issuesOf(graph, 'unreachable')).toEqual([]);
  });

  it('message_burst: more than 4 sends in a row without a wait', () => {
    const sends = (n: number) => Array.from({ length: n }, (_, i) => send(`s${i}`));
    expect(issuesOf(chain(...sends(5)), 'message_burst')).toEqual([
      expect.objectContaining({ nodeId: 's4' }),
    ]);
    expect(issuesOf(chain(...sends(4)), 'message_burst')).toEqual([]);
    const tagged = chain(...sends(2), { id: 'tg', type: 'tag', data: { add: ['x'] } }, ...sends(5).slice(2));
    expect(issuesOf(tagged, 'message_burst')).toHaveLength(1);
    const paused = chain(
      ...sends(3),
      { id: 'w', type: 'wait', data: { duration: 'PT1M' } },
      ...sends(5).slice(3),
    );
    expect(issuesOf(paused, 'message_burst')).toEqual([]);
  });

  it('dead_end: a main port without an edge', () => {
    expect(issuesOf(chain(send('a')), 'dead_end')).toEqual([
      expect.objectContaining({
        nodeId: 'a',
        path: 'ports.next',
        params: expect.objectContaining({ port: 'next' }),
      }),
    ]);
    const condition: Node = {
      id: 'c',
      type: 'condition',
      data: { rules: [{ field: 'tags', op: 'has_tag', value: 'x' }] },
    };
    const graph = {
      nodes: [trigger, condition, { id: 'z', type: 'end' }],
      edges: [edge('t', 'c'), edge('c', 'z', 'true')],
    };
    expect(issuesOf(graph, 'dead_end')).toEqual([]);
  });

  it('dead_end: a goal is a normal last card, and the side exits may stay open', () => {
    const goal: Node = { id: 'g', type: 'goal', data: { name: 'lead' } };
    expect(validate(chain(send('a'), goal)).warnings).toEqual([]);
    const ask: Node = { id: 'q', type: 'ask', data: { question: '?', saveAs: 'city', timeout: 'P1D' } };
    const reply: Node = { id: 'r', type: 'wait_reply', data: { timeout: 'PT1H' } };
    const coupon: Node = { id: 'k', type: 'coupon', data: { pool: 'p', text: '{{coupon.code}}' } };
    const condition: Node = {
      id: 'c',
      type: 'condition',
      data: { rules: [{ field: 'tags', op: 'has_tag', value: 'x' }] },
    };
    // Only the main ports are wired: answered, replied, issued, true.
    const graph = {
      nodes: [trigger, ask, reply, coupon, condition, goal],
      edges: [
        edge('t', 'q', 'next'),
        edge('q', 'r', 'answered'),
        edge('r', 'k', 'replied'),
        edge('k', 'c', 'issued'),
        edge('c', 'g', 'true'),
      ],
    };
    expect(validate(graph)).toEqual({ errors: [], warnings: [] });
    expect(openEndPorts(graph)).toEqual([
      { nodeId: 'q', port: 'invalid', ends: 'exited', main: false },
      { nodeId: 'q', port: 'timeout', ends: 'exited', main: false },
      { nodeId: 'r', port: 'timeout', ends: 'exited', main: false },
      { nodeId: 'k', port: 'exhausted', ends: 'completed', main: false },
      { nodeId: 'c', port: 'false', ends: 'completed', main: false },
      { nodeId: 'g', port: 'next', ends: 'completed', main: false },
    ]);
    // An empty new flow still has its one error.
    expect(validate({ nodes: [], edges: [] }).errors.map((issue) => issue.code)).toEqual(['no_trigger']);
  });

  it('unsafe_regex / unsupported_regex: a pattern that could freeze the server or cannot run', () => {
    const keyword = (keywords: string[]): Node => ({ ...trigger, data: { keywords, match: 'regex' } });
    const hostile = { nodes: [keyword(['ok', '^(a+)+$'])], edges: [] };
    expect(validate(hostile).errors).toEqual([
      expect.objectContaining({ code: 'unsafe_regex', nodeId: 't', path: 'data.keywords.1' }),
    ]);
    expect(compile(hostile).ok).toBe(false);
    const ask = (pattern: string): Node => ({
      id: 'q',
      type: 'ask',
      data: { question: '?', saveAs: 'code', expect: 'regex', pattern },
    });
    expect(issuesOf(chain(ask('(x*)*y')), 'unsafe_regex')).toEqual([
      expect.objectContaining({ nodeId: 'q', path: 'data.pattern' }),
    ]);
    expect(issuesOf(chain(ask('(\\w+)\\1')), 'unsupported_regex')).toEqual([
      expect.objectContaining({
        nodeId: 'q',
        path: 'data.pattern',
        params: expect.objectContaining({ fragment: '\\1' }),
      }),
    ]);
    const condition: Node = {
      id: 'c',
      type: 'condition',
      data: { rules: [{ field: 'reply.text', op: 'matches', value: 'a(?!b)' }] },
    };
    expect(issuesOf(chain(condition), 'unsupported_regex')).toEqual([
      expect.objectContaining({ nodeId: 'c', path: 'data.rules.0.value' }),
    ]);
    // Not regex mode: the keyword is plain text.
    expect(validate({ nodes: [{ ...trigger, data: { keywords: ['^(a+)+$'] } }], edges: [] }).errors).toEqual(
      [],
    );
    expect(issuesOf(chain(ask('^1[3-9]\\d{9}$')), 'unsafe_regex')).toEqual([]);
  });

  it('unknown_variable: names of Object itself are unknown, never a crash', () => {
    for (const name of [
      'constructor.name',
      'contact.constructor',
      'attributes.__proto__',
      'toString',
      '__proto__.x',
      'hasOwnProperty.length',
    ]) {
      const graph = chain(send('a', `hi {{${name}}}`));
      expect(issuesOf(graph, 'unknown_variable'), name).toEqual([
        expect.objectContaining({
          nodeId: 'a',
          path: 'data.text',
          params: expect.objectContaining({ variable: name }),
        }),
      ]);
      const result = compile(graph);
      expect(result.ok).toBe(false);
    }
    const condition: Node = {
      id: 'c',
      type: 'condition',
      data: { rules: [{ field: 'attributes.constructor', op: 'exists' }] },
    };
    expect(() => validate(chain(condition))).not.toThrow();
  });

  it('invalid_data: durations and numbers are bounded', () => {
    const wait = (duration: string): Node => ({ id: 'w', type: 'wait', data: { duration } });
    expect(issuesOf(chain(wait('P365D')), 'invalid_data')).toEqual([]);
    for (const duration of ['P20000000W', 'P366D', 'P53W', `P${'9'.repeat(400)}D`]) {
      expect(issuesOf(chain(wait(duration)), 'invalid_data'), duration).toEqual([
        expect.objectContaining({
          nodeId: 'w',
          path: 'data.duration',
          message: 'Wait › Duration: At most P365D (365 days)',
          params: expect.objectContaining({
            issue: { code: 'custom', params: { code: 'duration_too_long', max: 'P365D', days: 365 } },
          }),
        }),
      ]);
    }
    const reply: Node = { id: 'r', type: 'wait_reply', data: { timeout: 'P2000D' } };
    const ask: Node = {
      id: 'q',
      type: 'ask',
      data: { question: '?', saveAs: 'n', timeout: 'P400D', expect: 'number', min: -1e13, max: 1e300 },
    };
    expect(
      issuesOf(chain(reply, ask), 'invalid_data').map((issue) => `${issue.nodeId} ${issue.path}`),
    ).toEqual(['r data.timeout', 'q data.min', 'q data.max', 'q data.timeout']);
    const split: Node = {
      id: 's',
      type: 'split',
      data: {
        branches: [
          { name: 'a', weight: 1 },
          { name: 'b', weight: 1e9 },
        ],
      },
    };
    expect(issuesOf(chain(split), 'invalid_data')).toEqual([
      expect.objectContaining({
        path: 'data.branches.1.weight',
        message: expect.stringMatching(/^Split › Branches #2 › Weight: /),
      }),
    ]);
    const retries: Node = { id: 'q', type: 'ask', data: { question: '?', saveAs: 'n', retries: 1e9 } };
    expect(issuesOf(chain(retries), 'invalid_data')).toEqual([
      expect.objectContaining({ path: 'data.retries' }),
    ]);
  });

  it('names cards and fields by their labels, and keeps ids and paths for tools', () => {
    const graph = chain(send('send_8f2a', 'hi {{foo.bar}}'));
    graph.nodes.push({ id: 'lonely_3c9d', type: 'ask', data: { question: '?', saveAs: 'Bad' } });
    const { errors, warnings } = validate(graph);
    const messages = [...errors, ...warnings].map((issue) => issue.message);
    expect(messages).toEqual([
      'Ask › Save as attribute: Lowercase letters, digits and _, starting with a letter, at most 40',
      'Send message › Text: {{foo.bar}}: unknown namespace `foo`',
      'Ask: no trigger leads to this card',
      'Send message: the exit “Next” leads nowhere: the run ends there',
    ]);
    expect([...errors, ...warnings].map((issue) => [issue.code, issue.nodeId, issue.path])).toEqual([
      ['invalid_data', 'lonely_3c9d', 'data.saveAs'],
      ['unknown_variable', 'send_8f2a', 'data.text'],
      ['unreachable', 'lonely_3c9d', undefined],
      ['dead_end', 'send_8f2a', 'ports.next'],
    ]);
    expect(errors[1]!.params).toEqual({
      node: 'Send message',
      nodeType: 'send',
      field: 'Text',
      fieldKey: 'text',
      variable: 'foo.bar',
      reason: 'unknown_namespace',
      namespace: 'foo',
      key: 'bar',
    });
    // A schema error carries zod's own issue, and ours their code, for a client to phrase.
    expect(errors[0]!.params).toMatchObject({
      nodeType: 'ask',
      fieldKey: 'saveAs',
      issue: { code: 'custom', params: { code: 'attribute_key', max: 40 } },
    });
  });
});
