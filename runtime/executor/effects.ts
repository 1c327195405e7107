// The effects a turn records (shared/flow/effects.ts), each with how it is written in the turn's
// transaction (DESIGN "Extension points": effects are a table): a message becomes an outbox row
// through the one outbox writer, attribute and tag changes fold into the contact's write, a goal is
// a row. The write batch loops over this table; a new effect is one entry here.
import type { Effect } from '../../shared/flow/index.ts';
import { messageRow } from '../outbox/writer.ts';
import type { TurnScope, WriteBatch } from './persist.ts';

type Recorded = Exclude<Effect, { kind: 'visit' } | { kind: 'exit' }>;
type Writer<E> = (batch: WriteBatch, scope: TurnScope, effect: E) => void;

export type EffectTable = { readonly [K in Recorded['kind']]?: Writer<Extract<Recorded, { kind: K }>> } & {
  readonly [kind: string]: Writer<never> | undefined;
};

export const EFFECT_TABLE: EffectTable = {
  send: (batch, scope, effect) =>
    batch.queue(
      messageRow({
        workspaceId: scope.workspaceId,
        botAccountId: scope.botAccountId,
        contactId: scope.contactId,
        runId: scope.runId,
        text: effect.text,
        media: effect.media ?? null,
        // `to: 'room'` speaks in the run's group; a run without one (lint refuses that) speaks in private.
        roomId: effect.to === 'room' ? scope.roomId : null,
        mention: effect.mention,
        flowId: scope.flowId,
        nodeId: effect.nodeId,
        variant: effect.variant,
        author: 'bot',
        signature: scope.signature,
        keyParts: { runId: scope.runId, nodeId: effect.nodeId, visit: effect.visit, part: effect.part },
        notBefore: scope.now,
        // A group message is nobody's private budget.
        initiated: scope.initiated && effect.to !== 'room',
      }),
    ),
  set_attribute: (batch, scope, effect) => batch.setAttribute(scope.contactId, effect.key, effect.value),
  tag: (batch, scope, effect) => batch.changeTags(scope.contactId, effect.add, effect.remove),
  goal: (batch, scope, effect) => batch.goal(scope, effect.name),
};
