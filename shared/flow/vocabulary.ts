// The vocabulary compiled machines speak: the actions and guards of machine.ts's one `setup()` with
// their params, and the state meta the turn driver reads (wait and request kinds). It is a stored
// contract: every compiled machine records the vocabulary it was compiled for, and a build runs only
// the vocabularies it knows (DESIGN "Stored contracts are versioned").

import type { MachineConfig, StateConfig, TransitionConfig } from './machine-config.ts';
import type { ActionRef } from './refs.ts';

/**
 * This build's vocabulary. Bump it when a machine compiled now would not run the same on the build
 * before (a new action, guard, param or wait kind, or a changed meaning), so that build refuses it;
 * when machines of the older number need rewriting to run here, add that step to `upgrades` below.
 */
export const VOCABULARY = 3;

/** What machines recorded before there was a vocabulary number speak. */
export const FIRST_VOCABULARY = 1;

export type Vocabulary = {
  version: number;
  /** `upgrades[n]` rewrites a machine of vocabulary n as one of n + 1; no step: n + 1 only added words. */
  upgrades: Readonly<Record<number, (machine: MachineConfig) => MachineConfig>>;
};

/** `config` with every action reference passed through `change`: entries, transitions, inner states. */
export function mapActions(config: MachineConfig, change: (action: ActionRef) => ActionRef): MachineConfig {
  const transition = (t: TransitionConfig): TransitionConfig =>
    t.actions ? { ...t, actions: t.actions.map(change) } : t;
  const state = (s: StateConfig): StateConfig => ({
    ...s,
    ...(s.entry ? { entry: s.entry.map(change) } : {}),
    ...(s.always ? { always: s.always.map(transition) } : {}),
    ...(s.on
      ? {
          on: Object.fromEntries(Object.entries(s.on).map(([event, list]) => [event, list!.map(transition)])),
        }
      : {}),
    ...(s.states ? { states: states(s.states) } : {}),
  });
  const states = (record: Record<string, StateConfig>) =>
    Object.fromEntries(Object.entries(record).map(([key, s]) => [key, state(s)]));
  return { ...config, states: states(config.states) };
}

/**
 * 2 (#14, groups): `send` names where it goes (`to`, `mention`); `enterRoom`; ROOM_JOINED;
 * `meta.awaits: 'room_join'`; condition rules read today's facts (`room.*`, `contact.activity`).
 * A machine of 1 only ever sent in private.
 */
const sendsInPrivate = (machine: MachineConfig): MachineConfig =>
  mapActions(machine, (action) =>
    action.type === 'send'
      ? { ...action, params: { ...action.params, to: 'contact', mention: false } }
      : action,
  );

/*
 * 3 (#15, the inbox): the RESOLVED and AGENT_REPLIED events, `meta.awaits: 'agent'`, and the
 * `handoff` / `handoff_release` request kinds of the `handoff` node. Words only added: a machine of 2
 * runs as it is, so there is no upgrade step.
 */
export const CURRENT_VOCABULARY: Vocabulary = { version: VOCABULARY, upgrades: { 1: sendsInPrivate } };

/** A machine compiled for a vocabulary this build does not speak: a newer build compiled it. */
export class UnknownVocabularyError extends Error {
  constructor(
    readonly vocabulary: unknown,
    readonly known: number,
  ) {
    super(
      `The machine was compiled for vocabulary ${String(vocabulary)}; this build runs vocabularies ` +
        `${FIRST_VOCABULARY} to ${known}: run it on a newer build`,
    );
    this.name = 'UnknownVocabularyError';
  }
}

/** `machine` in the words of `vocabulary`: upgraded step by step when older, refused when newer. */
export function inVocabulary(machine: MachineConfig, vocabulary = CURRENT_VOCABULARY): MachineConfig {
  const from = machine.vocabulary ?? FIRST_VOCABULARY;
  if (!Number.isInteger(from) || from < FIRST_VOCABULARY || from > vocabulary.version)
    throw new UnknownVocabularyError(from, vocabulary.version);
  let upgraded = machine;
  for (let step = from; step < vocabulary.version; step++)
    upgraded = vocabulary.upgrades[step]?.(upgraded) ?? upgraded;
  return { ...upgraded, vocabulary: vocabulary.version };
}
