// The shape of a run inside the compiled machine: its context, the events the runtime sends it,
// and the meta its states carry for the executor (waits, requests).

import type { Effect } from './effects.ts';
import { type FlowFacts, NO_FACTS } from './facts.ts';

export type Scalar = string | number | boolean;

export type FlowContact = { id: string; name: string; alias: string };

/** What the runtime passes when a run starts: the contact as the database knows it now. */
export type FlowInput = {
  contact: { id: string; name?: string; alias?: string };
  attributes?: Record<string, Scalar>;
  tags?: string[];
  /** The group the run starts in (a `rooms` id): the group of the message or the join that started it. */
  roomId?: string | null;
  /** Set by the turn driver from `TurnEnv.facts`, not by the runtime. */
  facts?: FlowFacts;
};

export type FlowContext = {
  contact: FlowContact;
  attributes: Record<string, Scalar>;
  tags: string[];
  /**
   * The run's group (a `rooms` id): the one it started in, or the one an `invite_room` invited the
   * contact to and then the one they joined. `send` with `to: 'room'` posts there. Absent in runs
   * stored before #14: none.
   */
  room?: string | null;
  /** Today's facts about the contact, rewritten by the turn driver at every turn (facts.ts). */
  facts?: FlowFacts;
  /** Values nodes provide to templates and conditions by namespace: `reply.text`, `coupon.code`… */
  vars: Record<string, Record<string, Scalar>>;
  /** Arrivals per node id: the visit number in stats rows and idempotency keys. */
  visits: Record<string, number>;
  /** The node of the current visit (the run's `current_node_id`). */
  at: string | null;
  /** Messages sent so far in the current visit: the `part` of the idempotency key. */
  part: number;
  /** Invalid answers so far in the current `ask` visit. */
  tries: number;
  /** Counter behind `token`: each armed wait gets a fresh token, so a stale TIMER is a no-op. */
  seq: number;
  token: string | null;
  /** When the timer of `token` is due (epoch ms): written by the turn driver, never by the machine. */
  wakeAt: number | null;
  /** Intents recorded during the current turn; the turn driver drains them. */
  effects: Effect[];
};

/** Starts a run at the trigger node `entry` (one of `compile(...).entries`). */
export type StartEvent = { type: 'START'; entry: string };
export type MessageEvent = { type: 'MESSAGE'; text: string };
export type TimerEvent = { type: 'TIMER'; token: string };
/** The answer to a state's `request` (coupon claim: `{ok: true, value: {code}}` or `{ok: false}`). */
export type ResultEvent = { type: 'RESULT'; ok: boolean; value?: Record<string, Scalar> };
/** The run's contact joined the group `roomId` (a `rooms` id), delivered to runs awaiting `room_join`. */
export type RoomJoinedEvent = { type: 'ROOM_JOINED'; roomId: string };
/** The contact's conversation was closed in the inbox: a run waiting at `handoff` leaves by `resolved`. */
export type ResolvedEvent = { type: 'RESOLVED' };
/**
 * A human answered the contact (an agent from the web, the operator on the phone): a run waiting at
 * `handoff` stops counting down to `timeout` and waits for the conversation to close.
 */
export type AgentRepliedEvent = { type: 'AGENT_REPLIED' };
export type FlowEvent =
  | StartEvent
  | MessageEvent
  | TimerEvent
  | ResultEvent
  | RoomJoinedEvent
  | ResolvedEvent
  | AgentRepliedEvent;

/**
 * When a waiting state wants the runtime to wake it: a wait kind's name and its settings, e.g.
 * `{kind: 'timeout', timeout: 'P1D'}`. The kind computes the wake time (wake.ts, `nextWake`).
 */
export type WaitSpec = { kind: string; [setting: string]: unknown };

/** A synchronous question to the outside world, answered inside the turn with a RESULT event. */
export type RequestSpec = { kind: string; params: Record<string, Scalar> };

/** Meta of every compiled state that belongs to a node. */
export type StateMeta = {
  nodeId: string;
  /**
   * What the run waits for besides its timer: the contact's next private message (the router
   * delivers MESSAGE events), the contact joining a group (ROOM_JOINED), or a human in the inbox
   * (`agent`: RESOLVED when the conversation closes, AGENT_REPLIED when someone answers).
   */
  awaits?: 'message' | 'room_join' | 'agent';
  wait?: WaitSpec;
  request?: RequestSpec;
};

export function initialContext(input: FlowInput): FlowContext {
  return {
    contact: { id: input.contact.id, name: input.contact.name ?? '', alias: input.contact.alias ?? '' },
    attributes: { ...input.attributes },
    tags: [...(input.tags ?? [])],
    room: input.roomId ?? null,
    facts: input.facts ?? NO_FACTS,
    vars: {},
    visits: {},
    at: null,
    part: 0,
    tries: 0,
    seq: 0,
    token: null,
    wakeAt: null,
    effects: [],
  };
}
