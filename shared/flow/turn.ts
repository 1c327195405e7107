// The turn driver (DESIGN "Execute one turn"): restore a run from its persisted snapshot, send
// one event, let it settle, and hand back the new snapshot with what the turn recorded. Pure: the
// runtime persists the result and performs the effects in its own transaction.

import { createActor, type Snapshot } from 'xstate';
import { nodeRegistry } from '../nodes/index.ts';
import type {
  FlowContext,
  FlowEvent,
  FlowInput,
  RequestSpec,
  ResultEvent,
  StateMeta,
  WaitSpec,
} from './context.ts';
import type { Effect, ExitEffect, VisitEffect } from './effects.ts';
import type { FlowFacts } from './facts.ts';
import type { FlowMachine } from './machine.ts';
import { COMPLETED, EXITED, IDLE } from './machine-config.ts';
import { nextWake, type WaitKinds, type WakeOptions } from './wake.ts';

/** The JSON the runtime stores per run (XState's persisted snapshot of the flow machine). */
export type PersistedRun = { status: string; value: unknown; context: FlowContext; [key: string]: unknown };

export type TurnEnv = Omit<WakeOptions, 'now'> & {
  /** The injected clock (epoch ms). */
  now: number;
  /** Who the run is for; read only when a run starts (no snapshot yet). */
  input?: FlowInput;
  /**
   * Today's facts about the contact (facts.ts), written into the run before the event: conditions
   * read these, not the ones of the day the run started. Absent: the run keeps the facts it last had.
   */
  facts?: FlowFacts;
  /** Where the wait kinds of `meta.wait` come from; default: the node catalogue. */
  registry?: WaitKinds;
};

export type RunStatus = 'idle' | 'waiting' | 'requesting' | 'completed' | 'exited' | 'failed';

export type TurnWait = {
  /** The router delivers the contact's next message to this run. */
  message: boolean;
  /** The runtime delivers `{type: 'ROOM_JOINED', roomId}` to this run when its contact joins a group. */
  roomJoin: boolean;
  /**
   * Set when a human in the inbox has the contact (`handoff`): closing the conversation delivers
   * RESOLVED, a human's reply AGENT_REPLIED (the runtime finds the run through its conversation).
   */
  agent?: true;
  /** A timer to store as (`wake_at`, `wake_token`); the sweeper sends `{type: 'TIMER', token}`. */
  timer: { spec: WaitSpec; token: string; wakeAt: number } | null;
};

export type TurnResult = {
  snapshot: PersistedRun;
  status: RunStatus;
  /** The node the run is at (for a finished run, the node it ended at). */
  currentNodeId: string | null;
  /**
   * The run's group after the turn (`FlowContext.room`): the `input.roomId` it started with, or the
   * group an `invite_room` invited the contact to / they joined. Null: the machine knows of none.
   */
  roomId: string | null;
  /** Effects for the outbox and the contact record, in order. */
  effects: Exclude<Effect, VisitEffect | ExitEffect>[];
  /** Arrivals and port exits, for node_stats and node-visit rows. */
  visits: (VisitEffect | ExitEffect)[];
  /** Both of the above interleaved as they happened: for logs, the simulator and golden transcripts. */
  trace: Effect[];
  wait: TurnWait | null;
  /** Set with status `requesting`: do it, then send the answer as a RESULT event (see `driveTurn`). */
  request: RequestSpec | null;
  error?: unknown;
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Effects belong to one turn: drop the last turn's before restoring; today's facts replace stored ones.
 * A shallow copy is enough: the machine's actions never change a context value in place (they assign
 * new ones, machine.ts), so the caller's snapshot is left as it was — and a sweep of thousands of
 * wakes does not pay a JSON round trip per run (bench:runtime (c): 39 → 30 µs per timeout turn).
 */
function freshSnapshot(snapshot: PersistedRun, facts: FlowFacts | undefined): PersistedRun {
  const context = { ...snapshot.context, effects: [] };
  return { ...snapshot, context: facts ? { ...context, facts: clone(facts) } : context };
}

/**
 * The meta of the node the run is in: a node's state may have inner states (`invite_room` asks, then
 * waits), whose meta adds to the node's own; XState lists outer states before inner ones.
 */
function nodeMeta(metas: Record<string, StateMeta | undefined>): StateMeta | undefined {
  const active = Object.values(metas).filter((meta): meta is StateMeta => meta !== undefined);
  return active.some((meta) => meta.nodeId) ? Object.assign({}, ...active) : undefined;
}

function statusOf(value: unknown, state: StateMeta | undefined, failed: boolean): RunStatus {
  if (failed) return 'failed';
  if (value === COMPLETED || value === EXITED) return value;
  if (value === IDLE) return 'idle';
  if (state?.request) return 'requesting';
  // A settled run is always in a state that waits; anything else is a compile-rule bug.
  return state?.awaits || state?.wait ? 'waiting' : 'failed';
}

export function runTurn(
  machine: FlowMachine,
  snapshot: PersistedRun | null,
  event: FlowEvent,
  env: TurnEnv,
): TurnResult {
  const previousToken = snapshot?.context.token ?? null;
  // A restored actor takes no input; the cast only tells the types so.
  const input = env.input ?? { contact: { id: '' } };
  const options = snapshot
    ? { snapshot: freshSnapshot(snapshot, env.facts) as unknown as Snapshot<unknown> }
    : { input: env.facts ? { ...input, facts: clone(env.facts) } : input };
  const actor = createActor(machine, options as { input: FlowInput });
  let error: unknown;
  actor.subscribe({ error: (reason) => (error = reason) });
  actor.start();
  // A finished or failed run takes no more events (XState would only warn about them).
  if (!snapshot || snapshot.status === 'active') actor.send(event);
  const current = actor.getSnapshot();
  // The stopped actor shares nothing with anyone: its context is copied only where this turn writes it.
  const raw = actor.getPersistedSnapshot() as unknown as PersistedRun;
  const persisted: PersistedRun = { ...raw, context: { ...raw.context } };
  actor.stop();
  const state = nodeMeta(current.getMeta() as Record<string, StateMeta | undefined>);
  const status = statusOf(current.value, state, error !== undefined || current.status === 'error');
  const context = persisted.context;
  const wait = status === 'waiting' ? waitOf(state!, context, previousToken, env) : null;
  const visits = context.effects.filter(
    (e): e is VisitEffect | ExitEffect => e.kind === 'visit' || e.kind === 'exit',
  );
  const effects = context.effects.filter(
    (e) => e.kind !== 'visit' && e.kind !== 'exit',
  ) as TurnResult['effects'];
  const trace = context.effects;
  context.effects = [];
  return {
    snapshot: persisted,
    status,
    currentNodeId: context.at,
    roomId: context.room ?? null,
    effects,
    visits,
    trace,
    wait,
    request: status === 'requesting' ? state!.request! : null,
    ...(error === undefined ? {} : { error }),
  };
}

/** A timer armed in this turn gets its wake time now; one armed earlier keeps the stored one. */
function waitOf(
  state: StateMeta,
  context: FlowContext,
  previousToken: string | null,
  env: TurnEnv,
): TurnWait {
  const awaits = {
    message: state.awaits === 'message',
    roomJoin: state.awaits === 'room_join',
    ...(state.awaits === 'agent' ? { agent: true as const } : {}),
  };
  if (!state.wait || context.token === null) return { ...awaits, timer: null };
  if (context.token !== previousToken || context.wakeAt === null)
    context.wakeAt = nextWake(state.wait, env, env.registry ?? nodeRegistry);
  return { ...awaits, timer: { spec: state.wait, token: context.token, wakeAt: context.wakeAt } };
}

/** Answers a state's request, e.g. claims a coupon code; may do I/O. */
export type RequestResolver = (request: RequestSpec, run: PersistedRun) => Promise<ResultEvent> | ResultEvent;

/**
 * One inbound event, with every request along the way answered by `resolve`: runs `runTurn`
 * until the run waits or ends, restoring from JSON each time, and merges what each step recorded.
 */
export async function driveTurn(
  machine: FlowMachine,
  snapshot: PersistedRun | null,
  event: FlowEvent,
  env: TurnEnv & { resolve: RequestResolver },
): Promise<TurnResult> {
  let result = runTurn(machine, snapshot, event, env);
  const effects = [...result.effects];
  const visits = [...result.visits];
  const trace = [...result.trace];
  while (result.status === 'requesting') {
    const answer = await env.resolve(result.request!, result.snapshot);
    result = runTurn(machine, result.snapshot, answer, env);
    effects.push(...result.effects);
    visits.push(...result.visits);
    trace.push(...result.trace);
  }
  return { ...result, effects, visits, trace };
}
