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
  it('is recorded by the compiler; a stored machine without one speaks 1 and is upgraded', () => {
    expect(machine.vocabulary).toBe(VOCABULARY);
    const { vocabulary: _, ...stored } = machine;
    expect(inVocabulary(stored).vocabulary).toBe(VOCABULARY);
  });

  it('upgrades a machine of 1, which only ever sent in private, to name where each send goes', () => {
    const send = (params: Record<string, unknown>) => ({ type: 'send', params: { nodeId: 'hi', ...params } });
    const old = (actions: unknown[]): MachineConfig =>
      ({
        id: 'flow',
        initial: 'idle',
        states: {
          n_ask: {
            entry: actions,
            initial: 'a',
            states: { a: { entry: actions } },
            on: { MESSAGE: [{ target: 'n_ask', actions }] },
            always: [{ actions }],
          },
        },
      }) as MachineConfig;
    const before = [send({ texts: ['你好'] }), { type: 'arm', params: {} }];
    const after = [send({ texts: ['你好'], to: 'contact', mention: false }), { type: 'arm', params: {} }];
    expect(inVocabulary({ ...old(before), vocabulary: 1 })).toEqual({
      ...old(after),
      vocabulary: VOCABULARY,
    });
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
