// A compiled machine records the vocabulary of actions and guards it names: a build upgrades the
// machines of older vocabularies it knows and refuses newer ones, rather than misreading them.
import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import { createFlowMachine } from './machine.ts';
import type { MachineConfig } from './machine-config.ts';
import { inVocabulary, UnknownVocabularyError, VOCABULARY, type Vocabulary } from './vocabulary.ts';

const compiled = compile({
  nodes: [
    { id: 'start', type: 'trigger.keyword', data: { keywords: ['hi'] } },
    { id: 'hi', type: 'send', data: { text: '你好' } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'hi' }],
});
if (!compiled.ok) throw new Error('flow does not compile');
const machine = compiled.machine;

/** Every action type a machine names, in order. */
const actionTypes = (config: MachineConfig): string[] =>
  JSON.stringify(config)
    .match(/"type":"[a-zA-Z]+","params"/g)!
    .map((text) => text.split('"')[3]!);

describe('vocabulary', () => {
  it('is recorded by the compiler and read as 1 when a stored machine has none', () => {
    expect(machine.vocabulary).toBe(VOCABULARY);
    const { vocabulary: _, ...stored } = machine;
    expect(inVocabulary(stored).vocabulary).toBe(1);
  });

  it('upgrades an older machine step by step through the table, a step without an entry only added words', () => {
    // A build at vocabulary 3 whose 2 renamed `send` to `say`; 3 only added a word.
    const later: Vocabulary = {
      version: 3,
      upgrades: { 1: (old) => JSON.parse(JSON.stringify(old).replaceAll('"type":"send"', '"type":"say"')) },
    };
    const upgraded = inVocabulary({ ...machine, vocabulary: 1 }, later);
    expect(upgraded.vocabulary).toBe(3);
    expect(actionTypes(upgraded)).toContain('say');
    expect(actionTypes(upgraded)).not.toContain('send');
    expect(inVocabulary({ ...machine, vocabulary: 3 }, later)).toEqual({ ...machine, vocabulary: 3 });
  });

  it('refuses a machine of a vocabulary it does not know, saying so', () => {
    for (const vocabulary of [VOCABULARY + 1, 0, 1.5])
      expect(() => createFlowMachine({ ...machine, vocabulary })).toThrow(UnknownVocabularyError);
    expect(() => createFlowMachine({ ...machine, vocabulary: VOCABULARY + 1 })).toThrow(
      `The machine was compiled for vocabulary ${VOCABULARY + 1}; this build runs vocabularies 1 to ${VOCABULARY}`,
    );
  });
});
