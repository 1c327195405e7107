// What one node type is (STYLE §1): schema with form meta, labels, ports, lint facts and compile
// rule, in one `defineNode({...})` value per file under shared/nodes/.

import type { z } from 'zod';
import type { Localized } from '../i18n.ts';
import type { StateConfig, TransitionConfig } from './machine-config.ts';
import type { NodeIcon, NodeSummary } from './node-card.ts';
import type { ActionRef, GuardRef } from './refs.ts';
import type { ProvidedVariables } from './variables.ts';
import type { WaitKind } from './wake.ts';

export const NODE_CATEGORIES = ['trigger', 'message', 'time', 'logic', 'action'] as const;
export type NodeCategory = (typeof NODE_CATEGORIES)[number];

/** Widgets the editor's generated inspector form knows how to draw. */
export const INPUT_KINDS = [
  'text',
  'textarea',
  'template',
  'templateList',
  'number',
  'boolean',
  'select',
  'duration',
  'stringList',
  'attribute',
  'couponPool',
  'rules',
  'branches',
  'window',
  'media',
] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export type FieldUi = {
  input: InputKind;
  label: Localized;
  help?: Localized;
  /** Choices of a `select`, in display order. */
  options?: { value: string; label: Localized }[];
  /** Show the field only while another field of the node has one of these values. */
  visibleWhen?: { field: string; in: string[] };
  /** Labels of the keys inside the field's items or object (a rule's `value`), for lint messages. */
  parts?: Record<string, Localized>;
};

/** Attaches form meta to a data field; the editor reads it back with `formFields`. */
export const field = <T extends z.ZodType>(schema: T, ui: FieldUi): T => schema.meta({ ui });

/** A normalized inbound event a trigger may start a run on. */
export type TriggerInbound =
  | { kind: 'friend_request'; hello: string }
  /**
   * A message in private (`room: false`) or in a group (`room: true`; `mentionsBot`: it @-mentions
   * the bot — always false in private). Group text comes without the bot's @-mention.
   */
  | { kind: 'message'; text: string; room: boolean; mentionsBot: boolean }
  /** The contact joined a group; `roomSet`: the name of the group's room set, null when it is in none. */
  | { kind: 'room_join'; roomSet: string | null }
  /** A website lead became our friend after the bot added them (API.md "Leads"). */
  | { kind: 'lead' };

/** What a compile rule gets to build transitions out of its node. */
export type CompileKit = {
  nodeId: string;
  /**
   * Leave through `port`: counts the port, runs `actions`, then moves to the connected node, or
   * ends the run (`completed`, or `exited` for the type's `exitPorts`) when the port has no edge.
   */
  port(port: string, extra?: { actions?: ActionRef[]; guard?: GuardRef }): TransitionConfig;
  /** End the run right here, through no port (the `end` node). */
  finish(): TransitionConfig;
};

/** An exit of a node: the edge's `sourceHandle`, and how the editor labels the handle. */
export type Port = { id: string; label: Localized };

/** A variable a node reads outside templates (condition rules), for the lint. */
export type VariableRef = { path: string; name: string };

/** A regular expression a node runs against chat text, for `unsafe_regex` / `unsupported_regex`. */
export type PatternRef = { path: string; pattern: string };

/**
 * A room set a node names, with its field path, for `unknown_room_set`; `invites` when the node takes
 * seats of it (`room_set_low_seats` warns there).
 */
export type RoomSetRef = { path: string; name: string; invites?: boolean };

export type NodeDefinition<S extends z.ZodObject = z.ZodObject> = {
  type: string;
  category: NodeCategory;
  label: Localized;
  description: Localized;
  /** The card's icon: SVG path data on a 24-px grid (node-card.ts). */
  icon: NodeIcon;
  /** What the card shows of the data, as parts the editor draws (node-card.ts). */
  summary: NodeSummary;
  /**
   * The version of the stored data shape, from 1; flow documents record it per node (absent: 1).
   * Bump it when a field is renamed, reshaped or changes meaning, and teach `migrate` the step; an
   * added field with a default needs no bump.
   */
  version: number;
  /**
   * Data stored at `fromVersion` (below `version`) as data of this version. Drafts and published
   * versions pass through it before the lint, the compiler and trigger matching read them.
   */
  migrate?(data: unknown, fromVersion: number): unknown;
  /** Node data schema with defaults; field meta (`field`) drives the inspector form. */
  data: S;
  /** Data of a freshly placed node; must pass `data`. */
  initial: z.input<S>;
  ports(data: z.output<S>): Port[];
  /**
   * Ports whose missing edge is worth a `dead_end` warning; default: the first port. The others
   * (`false`, `invalid`, `timeout`, `exhausted`…) end the run on purpose when unwired.
   */
  mainPorts?(data: z.output<S>): string[];
  /** Ports that, left unconnected, end the run as `exited` instead of `completed`. */
  exitPorts?: readonly string[];
  /** The node stops the turn until an event arrives, so a cycle through it is not an instant loop. */
  waits?: boolean;
  /**
   * Ports of a node that `waits` which are nevertheless left in the turn it was entered in
   * (`invite_room`'s `full`): a cycle through one of them is an instant loop.
   */
  instantPorts?: readonly string[];
  /** How the runtime computes the wake time of each `meta.wait` kind the node's states use (wake.ts). */
  waitKinds?: readonly WaitKind[];
  /** Variables the node makes readable for the rest of the run, e.g. `{ coupon: ['code'] }`. */
  provides?: ProvidedVariables;
  /** Only `send` nodes count toward `message_burst`. */
  burst?: boolean;
  /** Variables read outside templates (condition rules), for `unknown_variable` / `unset_attribute`. */
  reads?(data: z.output<S>): VariableRef[];
  /** Regular expressions the node runs (on RE2, see regex.ts), each with its field path. */
  patterns?(data: z.output<S>): PatternRef[];
  /** Attribute keys the node writes. */
  writes?(data: z.output<S>): string[];
  /** Room sets the node names (`invite_room`, `room.*` rules…), for `unknown_room_set`. */
  roomSets?(data: z.output<S>): RoomSetRef[];
  /** Paths of fields whose setting needs the run's group (`send` to the room), for `room_without_room`. */
  needsRoom?(data: z.output<S>): string[];
  /** Ports a run leaves in the group the contact joined (`invite_room`'s `joined`): `room_without_room`. */
  roomPorts?: readonly string[];
  /** Present exactly on triggers: whether an inbound event starts a run here. */
  trigger?: {
    matches(data: z.output<S>, inbound: TriggerInbound): boolean;
    /** A friend request this trigger matches is accepted by the bot (through the account's limits). */
    acceptsRequest?(data: z.output<S>): boolean;
    /** A run started here may be in a group (of the message or the join), for `room_without_room`. */
    givesRoom?(data: z.output<S>): boolean;
  };
  /** The node's state: the compiler adds the visit count to `entry` and `nodeId` to `meta`. */
  compile(data: z.output<S>, kit: CompileKit): StateConfig;
};

// biome-ignore lint/suspicious/noExplicitAny: the registry holds definitions of every data shape
export type AnyNodeDefinition = NodeDefinition<any>;

export const defineNode = <S extends z.ZodObject>(definition: NodeDefinition<S>): NodeDefinition<S> =>
  definition;

export type FormField = FieldUi & { key: string };

const forms = new WeakMap<AnyNodeDefinition, FormField[]>();

/** The inspector form of a node type, in schema order; fields without meta are not editable. */
export function formFields(definition: AnyNodeDefinition): FormField[] {
  // Cached: reading zod meta goes through a global registry, and the lint asks once per node.
  let fields = forms.get(definition);
  if (!fields) {
    fields = Object.entries(definition.data.shape as Record<string, z.ZodType>).flatMap(([key, schema]) => {
      const ui = schema.meta()?.ui as FieldUi | undefined;
      return ui ? [{ key, ...ui }] : [];
    });
    forms.set(definition, fields);
  }
  return fields;
}

/** Every template text of a node's (parsed) data, with its field path for lint issues. */
export function templateTexts(definition: AnyNodeDefinition, data: Record<string, unknown>) {
  return formFields(definition).flatMap(({ key, input }) => {
    const value = data[key];
    if (input === 'template' && typeof value === 'string') return [{ path: `data.${key}`, text: value }];
    if (input !== 'templateList' || !Array.isArray(value)) return [];
    return value.flatMap((text, i) => (typeof text === 'string' ? [{ path: `data.${key}.${i}`, text }] : []));
  });
}
