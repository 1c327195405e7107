// The one `setup()` of compiled flows: pure implementations of every action and guard a compiled
// machine refers to. Actions only read and assign context; effects go to `context.effects`.

import { assign, setup } from 'xstate';
import { parseAnswer } from './answer.ts';
import { evaluateConditions } from './condition.ts';
import { type FlowContext, type FlowEvent, type FlowInput, initialContext } from './context.ts';
import type { Effect } from './effects.ts';
import { pickWeighted, stickyUnit } from './hash.ts';
import type { MachineConfig } from './machine-config.ts';
import type { GuardParams as G, ActionParams as P } from './refs.ts';
import { renderTemplate } from './template.ts';
import { inVocabulary } from './vocabulary.ts';

type Args = { context: FlowContext; event: FlowEvent };

const visitOf = (context: FlowContext, nodeId: string): number =>
  Object.hasOwn(context.visits, nodeId) ? context.visits[nodeId]! : 0;

const record = (context: FlowContext, effect: Effect): Effect[] => [...context.effects, effect];

const messageText = (event: FlowEvent): string => (event.type === 'MESSAGE' ? event.text : '');

/** The group an event names: a ROOM_JOINED's, or the `roomId` of an ok RESULT's value. */
function roomOf(event: FlowEvent): string | undefined {
  if (event.type === 'ROOM_JOINED') return event.roomId;
  const value = event.type === 'RESULT' && event.ok ? event.value?.roomId : undefined;
  return typeof value === 'string' ? value : undefined;
}

const pickIndex = (context: FlowContext, nodeId: string, weights: number[]): number =>
  pickWeighted(stickyUnit(context.contact.id, nodeId), weights);

/**
 * Every word here — action and guard names, their params and what they do — is read back from stored
 * machines: a change that a machine compiled before or after it would notice bumps VOCABULARY
 * (vocabulary.ts).
 */
export const flowSetup = setup({
  types: {} as { context: FlowContext; events: FlowEvent; input: FlowInput },
  actions: {
    visit: assign(({ context }: Args, { nodeId }: P['visit']) => {
      const visit = visitOf(context, nodeId) + 1;
      return {
        visits: { ...context.visits, [nodeId]: visit },
        at: nodeId,
        part: 0,
        tries: 0,
        effects: record(context, { kind: 'visit', nodeId, visit }),
      };
    }),
    exit: assign(({ context }: Args, { nodeId, port }: P['exit']) => ({
      effects: record(context, { kind: 'exit', nodeId, visit: visitOf(context, nodeId), port }),
    })),
    send: assign(({ context }: Args, { nodeId, texts, media, to, mention }: P['send']) => {
      const variant =
        texts.length > 1
          ? pickIndex(
              context,
              nodeId,
              texts.map(() => 1),
            )
          : 0;
      const text = renderTemplate(texts[variant] ?? '', context);
      const part = context.part + 1;
      const visit = visitOf(context, nodeId);
      const effect = { kind: 'send' as const, nodeId, visit, part, text, variant, to, mention };
      return { part, effects: record(context, media ? { ...effect, media } : effect) };
    }),
    emit: assign(({ context }: Args, { nodeId, effect }: P['emit']) => ({
      effects: record(context, { ...effect, nodeId, visit: visitOf(context, nodeId) }),
    })),
    setAttribute: assign(({ context }: Args, { nodeId, key, value }: P['setAttribute']) => {
      const rendered = renderTemplate(value, context);
      const visit = visitOf(context, nodeId);
      return {
        attributes: { ...context.attributes, [key]: rendered },
        effects: record(context, { kind: 'set_attribute', nodeId, visit, key, value: rendered }),
      };
    }),
    saveAnswer: assign(({ context, event }: Args, { nodeId, key, answer }: P['saveAnswer']) => {
      const parsed = parseAnswer(messageText(event), answer);
      if (!parsed.ok) return {};
      const visit = visitOf(context, nodeId);
      return {
        attributes: { ...context.attributes, [key]: parsed.value },
        effects: record(context, { kind: 'set_attribute', nodeId, visit, key, value: parsed.value }),
      };
    }),
    tag: assign(({ context }: Args, { nodeId, add, remove }: P['tag']) => {
      const tags = context.tags.filter((tag) => !remove.includes(tag));
      for (const tag of add) if (!tags.includes(tag)) tags.push(tag);
      const visit = visitOf(context, nodeId);
      return { tags, effects: record(context, { kind: 'tag', nodeId, visit, add, remove }) };
    }),
    storeMessage: assign(({ context, event }: Args, { as }: P['storeMessage']) => ({
      vars: { ...context.vars, [as]: { text: messageText(event) } },
    })),
    storeResult: assign(({ context, event }: Args, params: P['storeResult']) => ({
      vars: {
        ...context.vars,
        [params.as]: { ...params.with, ...(event.type === 'RESULT' ? event.value : {}) },
      },
    })),
    enterRoom: assign(({ context, event }: Args) => ({ room: roomOf(event) ?? context.room ?? null })),
    countTry: assign(({ context }: Args) => ({ tries: context.tries + 1 })),
    arm: assign(({ context }: Args) => ({ seq: context.seq + 1, token: `t${context.seq + 1}` })),
  },
  guards: {
    isTrigger: ({ event }: Args, { nodeId }: G['isTrigger']) =>
      event.type === 'START' && event.entry === nodeId,
    answerValid: ({ event }: Args, { answer }: G['answerValid']) =>
      parseAnswer(messageText(event), answer).ok,
    triesLeft: ({ context }: Args, { retries }: G['triesLeft']) => context.tries < retries,
    timerDue: ({ context, event }: Args) => event.type === 'TIMER' && event.token === context.token,
    resultOk: ({ event }: Args) => event.type === 'RESULT' && event.ok,
    conditionMet: ({ context }: Args, { match, rules }: G['conditionMet']) =>
      evaluateConditions(match, rules, context),
    picked: ({ context }: Args, { nodeId, weights, index }: G['picked']) =>
      pickIndex(context, nodeId, weights) === index,
  },
});

type SetupConfig = Parameters<typeof flowSetup.createMachine>[0];
type Implementations = Parameters<ReturnType<typeof flowSetup.createMachine>['provide']>[0];

/**
 * The executable machine of a compiled flow; cache it per flow version. A machine of an older
 * vocabulary is upgraded, one of a newer vocabulary throws `UnknownVocabularyError`.
 * `implementations` swap actions or guards (tests), as `machine.provide()` does.
 */
export function createFlowMachine(config: MachineConfig, implementations?: Implementations) {
  const { vocabulary: _, ...states } = inVocabulary(config);
  const machine = flowSetup.createMachine({
    ...(states as unknown as SetupConfig),
    context: ({ input }) => initialContext(input),
  });
  return implementations ? machine.provide(implementations) : machine;
}

export type FlowMachine = ReturnType<typeof createFlowMachine>;
