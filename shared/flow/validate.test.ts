// The lint of a flow document and its wiring: a clean flow passes, junk never throws, and a missing
// trigger, an unknown type, duplicate ids, dangling edges, unknown or reused ports and an edge into a
// trigger are each reported where they are; messages name cards and fields by their labels.
import { describe, expect, it } from 'vitest';
import { validate } from './validate.ts';
import { chain, edge, issuesOf, type Node, send, trigger } from './validate-test-support.ts';

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
