// The catalogue's contract, checked for every registered type (none is named here): labels in both
// languages, an icon and a summary the editor can draw, a version, a golden fixture, one name each.
// The checks themselves are tried on broken types first, so a type that lacks any of it fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { placeholders, SUMMARY_FORMATS, type SummaryPart, type SummaryText } from '../flow/node-card.ts';
import { type AnyNodeDefinition, defineNode, formFields } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { createRegistry } from '../flow/registry.ts';
import { LOCALES, type Localized } from '../i18n.ts';
import { NODE_TYPES, nodeRegistry } from './index.ts';

const DIR = join(import.meta.dirname, '__fixtures__');
const fixtureTypes = new Set<string>(
  readdirSync(DIR)
    .filter((file) => file.endsWith('.flow.json'))
    .flatMap((file) =>
      JSON.parse(readFileSync(join(DIR, file), 'utf8')).nodes.map((node: { type: string }) => node.type),
    ),
);

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

const ICON = /^[Mm][\d\sMmLlHhVvCcSsQqTtAaZz.,-]+$/;

/** Where summary paths point: the data's fields, or inside a `list`, the keys its field's `parts` name. */
type Scope = {
  keys: Set<string>;
  options: Set<string>;
  parts?: Record<string, Record<string, Localized>>;
  list?: string;
};

/** What is wrong with one summary text: a word not in every language, an unknown field or format. */
function textProblems(text: SummaryText, scope: Scope, where: string): string[] {
  const problems: string[] = [];
  const strings = typeof text === 'string' ? [text] : LOCALES.map((locale) => text[locale] ?? '');
  if (typeof text === 'string' && /\p{L}/u.test(text.replace(/\{[^}]*\}/g, '')))
    problems.push(`${where}: words in a plain string (give zh-CN and en)`);
  if (typeof text !== 'string')
    for (const locale of LOCALES) if (!text[locale]?.trim()) problems.push(`${where}: no ${locale} text`);
  for (const { path, format } of strings.flatMap(placeholders)) {
    if (!scope.keys.has(path.split('.')[0]!)) problems.push(`${where}: {${path}} is no field`);
    if (format !== undefined && !(SUMMARY_FORMATS as readonly string[]).includes(format))
      problems.push(`${where}: {${path}|${format}} is no format`);
    if (format === 'option' && !scope.options.has(scope.list ?? path))
      problems.push(`${where}: {${path}|option} has no options`);
  }
  return problems;
}

function partProblems(part: SummaryPart, scope: Scope, where: string): string[] {
  const problems: string[] = [];
  const field = (key: string) => {
    if (!scope.keys.has(key.split('.')[0]!)) problems.push(`${where}: ${key} is no field`);
  };
  if (part.when) field(part.when.field);
  if (part.show === 'text' || part.show === 'chip') {
    problems.push(...textProblems(part.text, scope, where));
    if (part.empty !== undefined) problems.push(...textProblems(part.empty, scope, `${where} (empty)`));
  }
  if (part.show === 'template' || part.show === 'chips' || part.show === 'shares') field(part.field);
  if (part.show === 'row')
    part.parts.forEach((inner, i) => {
      problems.push(...partProblems(inner, scope, `${where}.${i}`));
    });
  if (part.show === 'list') {
    field(part.field);
    problems.push(...textProblems(part.more, { ...scope, keys: new Set(['count']) }, `${where} (more)`));
    const inner = scope.list ? [] : Object.keys(scope.parts?.[part.field] ?? {});
    const itemScope = { keys: new Set(inner), options: scope.options, list: part.field };
    part.item.forEach((item, i) => {
      problems.push(...partProblems(item, itemScope, `${where}.item.${i}`));
    });
  }
  return problems;
}

/** Everything the editor and the catalogue need of a type that it lacks; empty when it is complete. */
function catalogueProblems(definition: AnyNodeDefinition): string[] {
  const problems: string[] = [];
  for (const [where, text] of texts(definition))
    for (const locale of LOCALES) if (!text[locale]?.trim()) problems.push(`${where}: no ${locale} text`);
  if (typeof definition.icon !== 'string' || !ICON.test(definition.icon))
    problems.push('icon: no SVG path data');
  if (!Array.isArray(definition.summary) || definition.summary.length === 0)
    problems.push('summary: no parts');
  const fields = formFields(definition);
  const scope = {
    keys: new Set(Object.keys(definition.data.shape)),
    options: new Set(fields.filter((field) => field.options).map((field) => field.key)),
    parts: Object.fromEntries(fields.map((field) => [field.key, field.parts ?? {}])),
  };
  (definition.summary ?? []).forEach((part: SummaryPart, i: number) => {
    problems.push(...partProblems(part, scope, `summary.${i}`));
  });
  if (!Number.isInteger(definition.version) || definition.version < 1)
    problems.push('version: not 1 or more');
  if (definition.version > 1 && !definition.migrate) problems.push('migrate: missing above version 1');
  if (!fixtureTypes.has(definition.type)) problems.push('no golden fixture uses it');
  return problems;
}

describe('node registry', () => {
  it('holds each type once, and refuses a second type of the same name', () => {
    const names = NODE_TYPES.map((definition) => definition.type);
    expect(new Set(names).size).toBe(names.length);
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

  it('finds what a type lacks: a label in a language, an icon, a summary, a version, a fixture', () => {
    const complete = defineNode({
      type: 'send',
      category: 'message',
      label: { 'zh-CN': '发送', en: 'Send' },
      description: { 'zh-CN': '发送。', en: 'Sends.' },
      icon: 'M4 4h16v16H4z',
      summary: [{ show: 'text', text: { 'zh-CN': '发 {text}', en: 'Sends {text}' } }],
      version: 1,
      data: z.object({ text: z.string().default('') }),
      initial: {},
      ports: () => [PORTS.next],
      compile: (_data, kit) => ({ always: [kit.port('next')] }),
    });
    expect(catalogueProblems(complete)).toEqual([]);
    const broken = (change: Partial<AnyNodeDefinition>) => catalogueProblems({ ...complete, ...change });
    expect(broken({ label: { 'zh-CN': '', en: 'Send' } })).toEqual(['label: no zh-CN text']);
    expect(broken({ icon: '' })).toEqual(['icon: no SVG path data']);
    expect(broken({ summary: [] })).toEqual(['summary: no parts']);
    expect(broken({ summary: [{ show: 'text', text: { 'zh-CN': '发', en: '' } }] })).toEqual([
      'summary.0: no en text',
    ]);
    expect(broken({ summary: [{ show: 'text', text: 'Sends {text}' }] })).toEqual([
      'summary.0: words in a plain string (give zh-CN and en)',
    ]);
    expect(broken({ summary: [{ show: 'chips', field: 'texts' }] })).toEqual([
      'summary.0: texts is no field',
    ]);
    expect(broken({ version: 2 })).toEqual(['migrate: missing above version 1']);
    expect(broken({ type: 'no_such_fixture' })).toEqual(['no golden fixture uses it']);
  });

  describe.each(NODE_TYPES.map((definition) => [definition.type, definition] as const))(
    '%s',
    (_type, definition) => {
      it('has labels in zh-CN and en, an icon, a summary of its own fields, a version and a fixture', () => {
        expect(catalogueProblems(definition)).toEqual([]);
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

      it('is reachable through the registry', () => {
        expect(nodeRegistry.get(definition.type)).toBe(definition);
      });
    },
  );
});
