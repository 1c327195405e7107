import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AnyNodeDefinition, formFields } from '../flow/node-definition.ts';
import { createRegistry } from '../flow/registry.ts';
import { LOCALES, type Localized } from '../i18n.ts';
import { NODE_TYPES, nodeRegistry } from './index.ts';

const DIR = join(import.meta.dirname, '__fixtures__');
const fixtureTypes = new Set(
  readdirSync(DIR)
    .filter((file) => file.endsWith('.flow.json'))
    .flatMap((file) =>
      JSON.parse(readFileSync(join(DIR, file), 'utf8')).nodes.map((node: { type: string }) => node.type),
    ),
);

const NODES_MD_TYPES = [
  'trigger.friend_request',
  'trigger.keyword',
  'send',
  'ask',
  'wait_reply',
  'wait',
  'condition',
  'split',
  'goal',
  'end',
  'tag',
  'set_attribute',
  'coupon',
];

/** Every user-facing text of a node type, with where it sits, for the label checks. */
function texts(definition: AnyNodeDefinition): [string, Localized][] {
  const data = definition.data.parse(definition.initial);
  return [
    ['label', definition.label],
    ['description', definition.description],
    ...definition.ports(data).map((port): [string, Localized] => [`port ${port.id}`, port.label]),
    ...formFields(definition).flatMap((field): [string, Localized][] => [
      [`field ${field.key}`, field.label],
      ...(field.help ? [[`help ${field.key}`, field.help] as [string, Localized]] : []),
      ...(field.options ?? []).map((option): [string, Localized] => [
        `option ${field.key}.${option.value}`,
        option.label,
      ]),
      ...Object.entries(field.parts ?? {}).map(([part, label]): [string, Localized] => [
        `part ${field.key}.${part}`,
        label,
      ]),
    ]),
  ];
}

describe('node registry', () => {
  it('holds every first-wave type of NODES.md, each name once', () => {
    const names = NODE_TYPES.map((definition) => definition.type);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...NODES_MD_TYPES].sort());
    expect(() => createRegistry([...NODE_TYPES, NODE_TYPES[0]!])).toThrow(/registered twice/);
  });

  it('names each type and each field once, in words lint messages can quote', () => {
    // Messages say "<card> › <field> #n › <part>: …"; the editor takes that apart by these labels.
    const titles = NODE_TYPES.map((definition) => definition.label.en);
    expect(new Set(titles).size).toBe(titles.length);
    for (const definition of NODE_TYPES) {
      const fields = formFields(definition).map((field) => field.label.en);
      expect(new Set(fields).size, definition.type).toBe(fields.length);
      const parts = formFields(definition).flatMap((field) => Object.values(field.parts ?? {}));
      for (const label of [definition.label, ...formFields(definition).map((field) => field.label), ...parts])
        for (const locale of LOCALES)
          expect(label[locale], definition.type).not.toMatch(/: | › | #\d|^(Card|Connection) /);
    }
  });

  describe.each(NODE_TYPES.map((definition) => [definition.type, definition] as const))(
    '%s',
    (_type, definition) => {
      it('has every label, help and option in zh-CN and en', () => {
        for (const [where, text] of texts(definition)) {
          for (const locale of LOCALES) expect(text[locale]?.trim(), `${where} (${locale})`).toBeTruthy();
        }
      });

      it('describes every data field for the inspector form', () => {
        expect(formFields(definition).map((field) => field.key)).toEqual(Object.keys(definition.data.shape));
      });

      it('starts new nodes with data that passes its schema', () => {
        expect(definition.data.safeParse(definition.initial).success).toBe(true);
      });

      it('is a trigger exactly when it is in the trigger category', () => {
        expect(definition.trigger !== undefined).toBe(definition.category === 'trigger');
      });

      it('has a golden fixture', () => {
        expect(fixtureTypes.has(definition.type)).toBe(true);
      });

      it('is reachable through the registry', () => {
        expect(nodeRegistry.get(definition.type)).toBe(definition);
      });
    },
  );
});
