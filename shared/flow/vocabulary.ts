// The vocabulary compiled machines speak: the actions and guards of machine.ts's one `setup()` with
// their params, and the state meta the turn driver reads (wait and request kinds). It is a stored
// contract: every compiled machine records the vocabulary it was compiled for, and a build runs only
// the vocabularies it knows (DESIGN "Stored contracts are versioned").

import type { MachineConfig } from './machine-config.ts';

/**
 * This build's vocabulary. Bump it when a machine compiled now would not run the same on the build
 * before (a new action, guard, param or wait kind, or a changed meaning), so that build refuses it;
 * when machines of the older number need rewriting to run here, add that step to `upgrades` below.
 */
export const VOCABULARY = 1;

/** What machines recorded before there was a vocabulary number speak. */
export const FIRST_VOCABULARY = 1;

export type Vocabulary = {
  version: number;
  /** `upgrades[n]` rewrites a machine of vocabulary n as one of n + 1; no step: n + 1 only added words. */
  upgrades: Readonly<Record<number, (machine: MachineConfig) => MachineConfig>>;
};

export const CURRENT_VOCABULARY: Vocabulary = { version: VOCABULARY, upgrades: {} };

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
