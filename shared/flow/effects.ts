// The intents a turn records: the executor persists them in the turn's transaction and the
// dispatcher performs them afterwards, so nothing reaches WeChat for a transition that did not commit.

import type { Scalar } from './context.ts';
import type { SendMedia } from './media.ts';

/** The run arrived at a node (node_stats.entered; `visit` numbers this run's arrivals there). */
export type VisitEffect = { kind: 'visit'; nodeId: string; visit: number };
/** The run left a node through a port (node_stats per port). */
export type ExitEffect = { kind: 'exit'; nodeId: string; visit: number; port: string };
/** Where a message goes: to the contact in private, or into the run's group (`FlowContext.room`). */
export const SEND_TARGETS = ['contact', 'room'] as const;
export type SendTarget = (typeof SEND_TARGETS)[number];

/**
 * A bot message to the contact, or with `to: 'room'` into the run's group (the run's room id, which
 * the runtime holds; `mention`: @-mentioning the contact there — always false in private). (run id,
 * nodeId, visit, part) is the outbox idempotency key; `variant` is the index in `[text, ...variants]`
 * that was picked, for variant stats.
 */
export type SendEffect = {
  kind: 'send';
  nodeId: string;
  visit: number;
  part: number;
  text: string;
  variant: number;
  to: SendTarget;
  mention: boolean;
  /** An image, link card or mini-program card the node sends after the text. */
  media?: SendMedia;
};
/** Write a contact attribute (already applied to the run's context). */
export type SetAttributeEffect = {
  kind: 'set_attribute';
  nodeId: string;
  visit: number;
  key: string;
  value: Scalar;
};
/** Change the contact's tags (already applied to the run's context). */
export type TagEffect = { kind: 'tag'; nodeId: string; visit: number; add: string[]; remove: string[] };
/** A conversion, counted per flow version and per contact. */
export type GoalEffect = { kind: 'goal'; nodeId: string; visit: number; name: string };

/**
 * Every effect kind the runtime implements. A later node type reuses these or adds one member
 * here (plus its handler in the runtime); node compile rules emit them through the generic `emit`
 * action, so the machine setup does not change.
 */
export type Effect = VisitEffect | ExitEffect | SendEffect | SetAttributeEffect | TagEffect | GoalEffect;

type Emittable<E> = E extends Effect ? Omit<E, 'nodeId' | 'visit'> : never;
/** What a compile rule passes to `emit`: the effect without the node and visit the action fills in. */
export type EmittedEffect = Emittable<GoalEffect>;
