// `invite_room` as the runtime drives it: the request it answers, the wait it stores, the event that
// ends the wait, and the run's group after each step — one turn at a time, restoring from JSON.
import { describe, expect, it } from 'vitest';
import { compile } from '../flow/compile.ts';
import type { FlowEvent } from '../flow/context.ts';
import { createFlowMachine } from '../flow/machine.ts';
import { type PersistedRun, runTurn } from '../flow/turn.ts';

const NOW = Date.UTC(2025, 0, 6, 2);
const env = { now: NOW, timeZone: 'Asia/Shanghai', input: { contact: { id: 'c1', name: '小美' } } };

const compiled = compile(
  {
    nodes: [
      { id: 'start', type: 'trigger.friend_request', data: {} },
      { id: 'invite', type: 'invite_room', data: { roomSet: 'vip', text: '{{contact.name}}，邀请你进群～' } },
      { id: 'welcome', type: 'send', data: { text: '欢迎！', to: 'room' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'invite' },
      { id: 'e2', source: 'invite', sourceHandle: 'joined', target: 'welcome' },
    ],
  },
  { roomSets: ['vip'] },
);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
const machine = createFlowMachine(compiled.machine);

/** Plays `events` from a fresh run, storing each turn's snapshot as JSON as the runtime does. */
function play(...events: FlowEvent[]) {
  let snapshot: PersistedRun | null = null;
  const turns = [];
  for (const event of events) {
    const turn = runTurn(machine, snapshot, event, env);
    snapshot = JSON.parse(JSON.stringify(turn.snapshot)) as PersistedRun;
    turns.push(turn);
  }
  return turns;
}

const start: FlowEvent = { type: 'START', entry: 'start' };
const invited: FlowEvent = { type: 'RESULT', ok: true, value: { roomId: 'room-1' } };

describe('invite_room', () => {
  it('asks the runtime for an invite into its room set before saying anything', () => {
    const [turn] = play(start);
    expect(turn).toMatchObject({
      status: 'requesting',
      request: { kind: 'room_invite', params: { roomSet: 'vip', nodeId: 'invite', holdMs: 86_400_000 } },
      currentNodeId: 'invite',
      roomId: null,
      effects: [],
    });
    // The outbox key of the invite: the visit is the run's count at the node.
    expect(turn!.snapshot.context.visits.invite).toBe(1);
  });

  it('once invited, says its text in private and waits for the join or the timeout, in the invited group', () => {
    const [, turn] = play(start, invited);
    expect(turn).toMatchObject({ status: 'waiting', currentNodeId: 'invite', roomId: 'room-1' });
    expect(turn!.wait).toEqual({
      message: false,
      roomJoin: true,
      timer: { spec: { kind: 'timeout', timeout: 'P1D' }, token: 't1', wakeAt: NOW + 86_400_000 },
    });
    expect(turn!.effects).toEqual([
      expect.objectContaining({ kind: 'send', text: '小美，邀请你进群～', to: 'contact', mention: false }),
    ]);
  });

  it('leaves through joined on the join, into the group the contact joined', () => {
    const [, , turn] = play(start, invited, { type: 'ROOM_JOINED', roomId: 'room-2' });
    expect(turn).toMatchObject({
      status: 'completed',
      currentNodeId: 'welcome',
      roomId: 'room-2',
      wait: null,
    });
    expect(turn!.trace).toContainEqual({ kind: 'exit', nodeId: 'invite', visit: 1, port: 'joined' });
    expect(turn!.effects).toEqual([expect.objectContaining({ text: '欢迎！', to: 'room', mention: true })]);
  });

  it('takes no message and no stale timer while it waits for the join', () => {
    const [, waiting, message, stale, timeout] = play(
      start,
      invited,
      { type: 'MESSAGE', text: '怎么进群？' },
      { type: 'TIMER', token: 't0' },
      { type: 'TIMER', token: 't1' },
    );
    for (const turn of [message, stale]) {
      expect(turn).toMatchObject({ status: 'waiting', wait: waiting!.wait, trace: [] });
    }
    expect(timeout).toMatchObject({ status: 'exited', currentNodeId: 'invite', roomId: 'room-1' });
    expect(timeout!.trace).toEqual([{ kind: 'exit', nodeId: 'invite', visit: 1, port: 'timeout' }]);
  });

  it('leaves through full at once when every group is full, promising nothing', () => {
    const [, turn] = play(start, { type: 'RESULT', ok: false });
    expect(turn).toMatchObject({ status: 'exited', roomId: null, effects: [], wait: null });
    expect(turn!.trace).toEqual([{ kind: 'exit', nodeId: 'invite', visit: 1, port: 'full' }]);
  });
});
