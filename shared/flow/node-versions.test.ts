// A node type's data is versioned: a type at version 2 migrates what drafts, published versions and
// entries stored at version 1 (or with no version at all) before anything reads them.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NODE_TYPES } from '../nodes/index.ts';
import { compile } from './compile.ts';
import { defineNode, field } from './node-definition.ts';
import { upgradeNode } from './node-versions.ts';
import { PORTS } from './ports.ts';
import { sendPrivately } from './refs.ts';
import { createRegistry } from './registry.ts';
import { matchingEntries } from './triggers.ts';
import { validate } from './validate.ts';

// Version 1 stored `{text}`; version 2 stores `{lines}` and the hello a trigger matches by `greeting`.
const say = defineNode({
  type: 'test.say',
  category: 'message',
  label: { 'zh-CN': '说', en: 'Say' },
  description: { 'zh-CN': '说几行。', en: 'Says some lines.' },
  icon: 'M4 4h16',
  summary: [{ show: 'chips', field: 'lines' }],
  version: 2,
  migrate: (data, from) => {
    const old = data as { text?: string };
    return from === 1 ? { lines: old.text ? [old.text] : [] } : data;
  },
  data: z.object({
    lines: field(z.array(z.string().min(1)).min(1), {
      input: 'stringList',
      label: { 'zh-CN': '行', en: 'Lines' },
    }),
  }),
  initial: { lines: ['你好'] },
  ports: () => [PORTS.next],
  compile: (data, kit) => ({
    entry: [sendPrivately(kit.nodeId, [data.lines.join('\n')])],
    always: [kit.port('next')],
  }),
});
const greeted = defineNode({
  type: 'test.greeted',
  category: 'trigger',
  label: { 'zh-CN': '招呼', en: 'Greeted' },
  description: { 'zh-CN': '打招呼时开始。', en: 'Starts on a greeting.' },
  icon: 'M4 4h16',
  summary: [{ show: 'text', text: '{greeting}' }],
  version: 2,
  migrate: (data) => ({ greeting: (data as { hello?: string }).hello ?? '' }),
  data: z.object({
    greeting: field(z.string(), { input: 'text', label: { 'zh-CN': '招呼', en: 'Greeting' } }),
  }),
  initial: { greeting: 'hi' },
  ports: () => [PORTS.next],
  trigger: { matches: (data, inbound) => inbound.kind === 'message' && inbound.text === data.greeting },
  compile: (_data, kit) => ({ always: [kit.port('next')] }),
});
const registry = createRegistry([...NODE_TYPES, say, greeted]);

const graph = (sayNode: Record<string, unknown>) => ({
  nodes: [
    { id: 'start', type: 'test.greeted', data: { hello: 'hi' } },
    { id: 'say', type: 'test.say', ...sayNode },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'say' }],
});

describe('node versions', () => {
  it('migrate data stored without a version (1) or at an older one before the lint and the compiler read it', () => {
    for (const node of [
      { data: { text: '早' } },
      { version: 1, data: { text: '早' } },
      { version: 2, data: { lines: ['早'] } },
    ]) {
      const result = compile(graph(node), {}, registry);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.machine.states.n_say?.entry).toContainEqual(sendPrivately('say', ['早']));
      expect(result.entries).toEqual([
        { nodeId: 'start', type: 'test.greeted', version: 2, data: { greeting: 'hi' } },
      ]);
    }
  });

  it('refuse data saved by a newer build instead of misreading it', () => {
    const { errors } = validate(graph({ version: 3, data: { lines: ['早'] } }), {}, registry);
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'invalid_data',
        nodeId: 'say',
        path: 'version',
        params: expect.objectContaining({
          issue: { code: 'custom', params: { code: 'node_version_newer', version: 3, known: 2 } },
        }),
      }),
    ]);
  });

  it('let the editor open an old draft at the current version, and leave what it cannot read alone', () => {
    expect(upgradeNode({ id: 'say', type: 'test.say', data: { text: '早' } }, registry)).toEqual({
      id: 'say',
      type: 'test.say',
      version: 2,
      data: { lines: ['早'] },
    });
    const newer = { id: 'say', type: 'test.say', version: 3, data: { rows: [] } };
    expect(upgradeNode(newer, registry)).toBe(newer);
    const unknown = { id: 'x', type: 'test.nothing', data: {} };
    expect(upgradeNode(unknown, registry)).toBe(unknown);
  });

  it('migrate the trigger data of entries stored at an older version before matching', () => {
    const entries = [{ nodeId: 'start', type: 'test.greeted', data: { hello: 'hi' } }];
    const inbound = { kind: 'message' as const, text: 'hi', room: false, mentionsBot: false };
    expect(matchingEntries(entries, inbound, registry)).toEqual(entries);
    expect(
      matchingEntries([{ ...entries[0]!, version: 2, data: { greeting: 'yo' } }], inbound, registry),
    ).toEqual([]);
  });
});
