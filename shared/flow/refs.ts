// The vocabulary compiled machines use: action and guard references `{type, params}` (plain JSON),
// implemented once in machine.ts. Node compile rules build them with `act` and `when`.

import type { AnswerSpec } from './answer.ts';
import type { ConditionRule } from './condition.ts';
import type { Scalar } from './context.ts';
import type { EmittedEffect, SendTarget } from './effects.ts';
import type { SendMedia } from './media.ts';

type NoParams = Record<string, never>;

export type ActionParams = {
  /** Arrive at a node: counts the visit (added by the compiler to every node's entry). */
  visit: { nodeId: string };
  /** Leave a node through a port (added by `kit.port`). */
  exit: { nodeId: string; port: string };
  /**
   * Send one of `texts` (templates), picked stickily per contact when there are several, then
   * `media` (as is, no template) when the node has one; `to` the contact or into the run's group,
   * there @-mentioning the contact when `mention` (vocabulary 2; older machines are upgraded to
   * `to: 'contact', mention: false`).
   */
  send: { nodeId: string; texts: string[]; media?: SendMedia; to: SendTarget; mention: boolean };
  /** Record any other effect kind as is. */
  emit: { nodeId: string; effect: EmittedEffect };
  setAttribute: { nodeId: string; key: string; value: string };
  /** Save the MESSAGE being handled, parsed by `answer`, to attributes[key]. */
  saveAnswer: { nodeId: string; key: string; answer: AnswerSpec };
  tag: { nodeId: string; add: string[]; remove: string[] };
  /** Keep the MESSAGE text readable as `<as>.text`. */
  storeMessage: { as: string };
  /** Keep a RESULT's value, plus `with`, readable as `<as>.<field>`. */
  storeResult: { as: string; with: Record<string, Scalar> };
  /**
   * The run's group becomes the one the event names: a ROOM_JOINED's `roomId`, or the `roomId` of an
   * ok RESULT's value (the group `invite_room` invited the contact to). Vocabulary 2.
   */
  enterRoom: NoParams;
  countTry: NoParams;
  /** Issue a fresh timer token: only a TIMER carrying it moves the run on. */
  arm: NoParams;
};

export type GuardParams = {
  isTrigger: { nodeId: string };
  answerValid: { answer: AnswerSpec };
  triesLeft: { retries: number };
  timerDue: NoParams;
  resultOk: NoParams;
  conditionMet: { match: 'all' | 'any'; rules: ConditionRule[] };
  /** The sticky weighted pick of this contact at `nodeId` is `index`. */
  picked: { nodeId: string; weights: number[]; index: number };
};

export type ActionType = keyof ActionParams;
export type GuardType = keyof GuardParams;
export type ActionRef = { [K in ActionType]: { type: K; params: ActionParams[K] } }[ActionType];
export type GuardRef = { [K in GuardType]: { type: K; params: GuardParams[K] } }[GuardType];

export const act = <K extends ActionType>(type: K, params: ActionParams[K]): ActionRef =>
  ({ type, params }) as ActionRef;

export const when = <K extends GuardType>(type: K, params: GuardParams[K]): GuardRef =>
  ({ type, params }) as GuardRef;

/** `send` in private, never @-mentioning: how `ask`, `coupon` and `invite_room` say their texts. */
export const sendPrivately = (nodeId: string, texts: string[]): ActionRef =>
  act('send', { nodeId, texts, to: 'contact', mention: false });
