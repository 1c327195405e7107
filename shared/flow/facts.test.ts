// Facts are today's: the turn driver writes the runtime's facts into the run before every event, so
// a condition after a week-long wait reads this week's groups and grade, not the ones at the start.
import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import type { FlowFacts } from './facts.ts';
import { createFlowMachine } from './machine.ts';
import { type PersistedRun, runTurn, type TurnEnv } from './turn.ts';

const compiled = compile({
  nodes: [
    { id: 'start', type: 'trigger.keyword', data: { keywords: ['hi'] } },
    { id: 'later', type: 'wait', data: { duration: 'P7D' } },
    {
      id: 'lurks',
      type: 'condition',
      data: { rules: [{ field: 'contact.activity', op: 'eq', value: 'lurker' }] },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'later' },
    { id: 'e2', source: 'later', target: 'lurks' },
  ],
});
if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
const machine = createFlowMachine(compiled.machine);

const env: TurnEnv = { now: Date.UTC(2025, 0, 6), timeZone: 'UTC', input: { contact: { id: 'c1' } } };
const graded = (activity: FlowFacts['activity']): FlowFacts => ({
  roomSets: ['vip'],
  leftRoomSets: [],
  activity,
});

/** Starts the run with `first` facts, then fires its timer with `then` (absent: none passed). */
function weekLater(first: FlowFacts | undefined, then: FlowFacts | undefined) {
  const started = runTurn(machine, null, { type: 'START', entry: 'start' }, { ...env, facts: first });
  const stored = JSON.parse(JSON.stringify(started.snapshot)) as PersistedRun;
  const token = started.wait!.timer!.token;
  return runTurn(machine, stored, { type: 'TIMER', token }, { ...env, facts: then });
}

const port = (turn: ReturnType<typeof weekLater>) =>
  turn.trace.flatMap((effect) => (effect.kind === 'exit' && effect.nodeId === 'lurks' ? [effect.port] : []));

describe('facts', () => {
  it('are written into the run at every turn, so a waiting run reads today’s', () => {
    expect(port(weekLater(graded('active'), graded('lurker')))).toEqual(['true']);
    expect(port(weekLater(graded('lurker'), graded('active')))).toEqual(['false']);
    expect(weekLater(graded('active'), graded('lurker')).snapshot.context.facts).toEqual(graded('lurker'));
  });

  it('stay as the run last had them when a turn passes none, and are none for a run never told', () => {
    expect(port(weekLater(graded('lurker'), undefined))).toEqual(['true']);
    expect(port(weekLater(undefined, undefined))).toEqual(['false']);
  });

  it('are read as none from a run stored before they existed', () => {
    const started = runTurn(machine, null, { type: 'START', entry: 'start' }, env);
    const stored = JSON.parse(JSON.stringify(started.snapshot)) as PersistedRun;
    delete stored.context.facts;
    delete stored.context.room;
    const turn = runTurn(machine, stored, { type: 'TIMER', token: started.wait!.timer!.token }, env);
    expect(port(turn)).toEqual(['false']);
    expect(turn.roomId).toBeNull();
  });
});
