// The lint of the paths through a flow: an instant loop, a card no trigger reaches, a burst of sends
// without a wait, and a main exit left open (side exits may stay open; openEndPorts lists them).
import { describe, expect, it } from 'vitest';
import { openEndPorts, validate } from './validate.ts';
import { chain, edge, issuesOf, type Node, send, trigger } from './validate-test-support.ts';

describe('validate', () => {
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
});
