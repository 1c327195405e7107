// The lint of groups: a send into the group a run in no group can reach, a room set the workspace
// does not have (checked only when told which it has), and a set nearly out of seats.
import { describe, expect, it } from 'vitest';
import { roomSetContext } from './room-checks.ts';
import { validate } from './validate.ts';
import { chain, edge, issuesOf, type Node, trigger } from './validate-test-support.ts';

describe('validate', () => {
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
});
