import { describe, expect, it } from 'vitest';
import { validate } from '../../../shared/flow/validate.ts';
import { issueText } from './issue-text.ts';

type Node = { id: string; type: string; data?: unknown };
const trigger: Node = { id: 't', type: 'trigger.keyword', data: { keywords: ['hi'] } };
const send = (id: string, text = 'hello'): Node => ({ id, type: 'send', data: { text } });
const edge = (source: string, target: string, sourceHandle = 'next') => ({
  id: `${source}-${sourceHandle}-${target}`,
  source,
  target,
  sourceHandle,
});

/** Flows broken in every way the lint and the node schemas report. */
const BROKEN: unknown[] = [
  { nodes: 'no' },
  { nodes: [send('a')], edges: [] },
  {
    nodes: [
      trigger,
      send('a', 'Hi {{contact.nmae}} {{attributes.city}} {{foo.bar}} {{attributes.Bad-Key}}'),
      send('a'),
      { id: 'x', type: 'sned' },
      send('lonely'),
      { id: 'q', type: 'ask', data: { question: '?', saveAs: 'Bad Key', expect: 'choice', choices: [] } },
      { id: 'r', type: 'ask', data: { question: '?', saveAs: 'r', expect: 'regex', min: 5, max: 1 } },
      { id: 'n', type: 'ask', data: { question: '?', saveAs: 'n', expect: 'number', min: 5, max: 1 } },
      { id: 'w', type: 'wait', data: { duration: '3 days', window: { from: '25:00', to: '09:00' } } },
      {
        id: 'c',
        type: 'condition',
        data: {
          rules: [
            { field: 'city', op: 'equals' },
            { field: 'attributes.city', op: 'eq' },
            { field: 'tags', op: 'matches', value: '(' },
          ],
        },
      },
      {
        id: 's',
        type: 'split',
        data: {
          branches: [
            { name: 'A', weight: 0 },
            { name: 'A', weight: 0 },
          ],
        },
      },
      { id: 'tg', type: 'tag', data: { add: [], remove: [] } },
      { id: 'k', type: 'trigger.keyword', data: { keywords: ['('], match: 'regex' } },
      { id: 'e', type: 'send', data: { text: '' } },
      { id: 'h', type: 'send', data: { text: 'x'.repeat(5000) } },
      { id: 'm', type: 'send', data: { text: 3 } },
    ],
    edges: [
      edge('t', 'a'),
      edge('t', 'lonely'),
      edge('a', 't'),
      edge('a', 'ghost'),
      edge('ghost', 'a'),
      edge('lonely', 'a', 'nope'),
      { ...edge('t', 'a'), id: 't-next-a' },
    ],
  },
  {
    nodes: [trigger, send('a'), send('b'), send('c'), send('d'), send('e'), send('f')],
    edges: [
      edge('t', 'a'),
      edge('a', 'b'),
      edge('b', 'c'),
      edge('c', 'd'),
      edge('d', 'e'),
      edge('e', 'f'),
      edge('f', 'a'),
    ],
  },
  {
    nodes: [trigger, ...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => send(id))],
    edges: [edge('t', 'a'), edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('d', 'e'), edge('e', 'f')],
  },
  {
    nodes: [trigger, send('a', 'Hi {{attributes.city}}'), send('b', '{{tags}}')],
    edges: [edge('t', 'a'), edge('a', 'b')],
  },
];

const messages = [
  ...new Set(
    BROKEN.flatMap((graph) => {
      const { errors, warnings } = validate(graph);
      return [...errors, ...warnings].map((issue) => issue.message);
    }),
  ),
];

describe('issueText', () => {
  it('says every lint and schema message in Chinese', () => {
    expect(messages.length).toBeGreaterThan(40);
    for (const pattern of [/in a row/, /needs a value/, /`tags` is a list/, /Too small/, /Invalid input/])
      expect(messages.some((message) => pattern.test(message))).toBe(true);
    const untranslated = messages.filter((message) => {
      const zh = issueText(message, 'zh-CN');
      // Ids, variables and patterns stay as they are; the sentence around them must not be English.
      return zh === message || /[A-Za-z]{4,} [A-Za-z]{3,}/.test(zh.replace(/`[^`]*`|\{\{[^}]*\}\}/g, ''));
    });
    expect(untranslated).toEqual([]);
  });

  it('keeps English as it is, and an unknown message as it came', () => {
    for (const message of messages) expect(issueText(message, 'en')).toBe(message);
    expect(issueText('Something new from a newer server', 'zh-CN')).toBe('Something new from a newer server');
  });

  it('fills the names into the sentence', () => {
    expect(issueText('Port timeout of ask_1 leads nowhere: the run ends there', 'zh-CN')).toBe(
      '节点 ask_1 的出口 timeout 没有连接：流程会在这里结束',
    );
    expect(issueText('{{contact.nmae}}: unknown field `contact.nmae`', 'zh-CN')).toBe(
      '{{contact.nmae}}：未知的字段 `contact.nmae`',
    );
  });
});
