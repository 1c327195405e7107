import { describe, expect, it } from 'vitest';
import { validate } from '../../../shared/flow/validate.ts';
import { issueDetail, issueText } from './issue-text.ts';

type Node = { id: string; type: string; data?: unknown };
// Ids look like the editor's (`send_4f2a`), so a message that prints one is caught below.
const trigger: Node = { id: 'trigger_k7x2', type: 'trigger.keyword', data: { keywords: ['hi'] } };
const send = (id: string, text = 'hello'): Node => ({ id, type: 'send', data: { text } });
const edge = (source: string, target: string, sourceHandle = 'next') => ({
  id: `edge_${source}_${sourceHandle}_${target}`,
  source,
  target,
  sourceHandle,
});
const T = trigger.id;

/** Flows broken in every way the lint and the node schemas report. */
const BROKEN: unknown[] = [
  { nodes: 'no' },
  { nodes: [send('send_a1b2')], edges: [] },
  { nodes: [{ id: '', type: 'send' }], edges: [{ id: 'edge_q9' }] },
  {
    nodes: [
      trigger,
      send('send_a1b2', 'Hi {{contact.nmae}} {{attributes.city}} {{foo.bar}} {{attributes.Bad-Key}}'),
      send('send_a1b2'),
      { id: 'sned_x8y7', type: 'sned' },
      send('send_l0n3'),
      {
        id: 'ask_q4c1',
        type: 'ask',
        data: { question: '?', saveAs: 'Bad Key', expect: 'choice', choices: [] },
      },
      { id: 'ask_r5e6', type: 'ask', data: { question: '?', saveAs: 'r', expect: 'regex', min: 5, max: 1 } },
      { id: 'ask_n7m8', type: 'ask', data: { question: '?', saveAs: 'n', expect: 'number', min: 5, max: 1 } },
      { id: 'ask_b9g0', type: 'ask', data: { question: '?', saveAs: 'b', expect: 'number', max: 1e300 } },
      { id: 'wait_w1d2', type: 'wait', data: { duration: '3 days', window: { from: '25:00', to: '09:00' } } },
      { id: 'wait_l3g4', type: 'wait', data: { duration: 'P20000000W' } },
      {
        id: 'cond_c5d6',
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
        id: 'split_s7t8',
        type: 'split',
        data: {
          branches: [
            { name: 'A', weight: 0 },
            { name: 'A', weight: 1e12 },
          ],
        },
      },
      { id: 'tag_t9u0', type: 'tag', data: { add: [], remove: [] } },
      { id: 'kw_k1l2', type: 'trigger.keyword', data: { keywords: ['('], match: 'regex' } },
      { id: 'send_e3f4', type: 'send', data: { text: '' } },
      { id: 'send_h5i6', type: 'send', data: { text: 'x'.repeat(5000) } },
      { id: 'send_m7n8', type: 'send', data: { text: 3 } },
    ],
    edges: [
      edge(T, 'send_a1b2'),
      edge(T, 'send_l0n3'),
      edge('send_a1b2', T),
      edge('send_a1b2', 'ghost_g0h0'),
      edge('ghost_g0h0', 'send_a1b2'),
      edge('send_l0n3', 'send_a1b2', 'nope'),
      { ...edge(T, 'send_a1b2'), id: `edge_${T}_again` },
      { ...edge(T, 'send_a1b2'), id: `edge_${T}_again` },
    ],
  },
  {
    nodes: [trigger, ...['s1', 's2', 's3', 's4', 's5', 's6'].map((id) => send(`send_${id}x`))],
    edges: [
      edge(T, 'send_s1x'),
      edge('send_s1x', 'send_s2x'),
      edge('send_s2x', 'send_s3x'),
      edge('send_s3x', 'send_s4x'),
      edge('send_s4x', 'send_s5x'),
      edge('send_s5x', 'send_s6x'),
      edge('send_s6x', 'send_s1x'),
    ],
  },
  {
    nodes: [trigger, ...['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((id) => send(`send_${id}y`))],
    edges: [
      edge(T, 'send_p1y'),
      edge('send_p1y', 'send_p2y'),
      edge('send_p2y', 'send_p3y'),
      edge('send_p3y', 'send_p4y'),
      edge('send_p4y', 'send_p5y'),
      edge('send_p5y', 'send_p6y'),
    ],
  },
  {
    nodes: [
      trigger,
      send('send_v1w2', 'Hi {{attributes.city}} {{constructor.name}} {{toString}} {{attributes.__proto__}}'),
      send('send_v3w4', '{{tags}} {{contact.constructor}}'),
      {
        id: 'kw_r1s2',
        type: 'trigger.keyword',
        data: { keywords: ['^(a+)+$', '(\\w+)\\1'], match: 'regex' },
      },
      {
        id: 'ask_p3q4',
        type: 'ask',
        data: { question: '?', saveAs: 'code', expect: 'regex', pattern: 'a(?=b)' },
      },
      {
        id: 'ask_x5y6',
        type: 'ask',
        data: { question: '?', saveAs: 'long', expect: 'regex', pattern: '.{0,900}' },
      },
      {
        id: 'split_z7z8',
        type: 'split',
        data: {
          branches: [
            { name: 'left', weight: 1 },
            { name: 'right', weight: 1 },
          ],
        },
      },
    ],
    edges: [edge(T, 'send_v1w2'), edge('send_v1w2', 'send_v3w4'), edge('send_v3w4', 'split_z7z8')],
  },
];

const ids = BROKEN.flatMap((graph) => {
  const { nodes, edges } = graph as { nodes?: unknown; edges?: unknown };
  const list = [...(Array.isArray(nodes) ? nodes : []), ...(Array.isArray(edges) ? edges : [])];
  return list.map((item: { id?: string }) => item.id ?? '').filter((id) => id.length > 2);
});

const issues = BROKEN.flatMap((graph) => {
  const { errors, warnings } = validate(graph);
  return [...errors, ...warnings];
});
const messages = [...new Set(issues.map((issue) => issue.message))];

/** What a marketer must never read: a JSON path, an internal key, a node or edge id. */
const internal = (text: string): string[] => [
  ...['data.', 'ports.', 'sourceHandle', 'nodes.', 'edges.'].filter((part) => text.includes(part)),
  ...ids.filter((id) => text.includes(id)),
];

describe('issueText', () => {
  it('says every lint and schema message in Chinese', () => {
    expect(messages.length).toBeGreaterThan(50);
    for (const pattern of [
      /in a row/,
      /needs a value/,
      /`tags` is a list/,
      /Too small/,
      /Invalid input/,
      /freeze the server/,
      /too complex/,
      /cannot run here/,
      /At most P365D/,
      /{{constructor\.name}}/,
    ])
      expect(messages.some((message) => pattern.test(message))).toBe(true);
    const untranslated = messages.filter((message) => {
      const zh = issueText(message, 'zh-CN');
      // Variables and patterns stay as they are; the sentence around them must not be English.
      return zh === message || /[A-Za-z]{4,} [A-Za-z]{3,}/.test(zh.replace(/`[^`]*`|\{\{[^}]*\}\}/g, ''));
    });
    expect(untranslated).toEqual([]);
  });

  it('names cards and fields by their labels, never by id or JSON path', () => {
    const leaks = messages.flatMap((message) =>
      [message, issueText(message, 'zh-CN')].filter((text) => internal(text).length > 0),
    );
    expect(leaks).toEqual([]);
    // The machine-readable parts stay on the issue.
    expect(issues.filter((issue) => issue.params === undefined)).toEqual([]);
    const deadEnd = issues.find((issue) => issue.code === 'dead_end')!;
    expect(deadEnd).toMatchObject({ nodeId: expect.any(String), path: expect.stringMatching(/^ports\./) });
  });

  it('keeps English as it is, and an unknown message as it came', () => {
    for (const message of messages) expect(issueText(message, 'en')).toBe(message);
    expect(issueText('Something new from a newer server', 'zh-CN')).toBe('Something new from a newer server');
  });

  it('fills the card, the field and the names into the sentence', () => {
    expect(issueText('Ask: the exit “Answered” leads nowhere: the run ends there', 'zh-CN')).toBe(
      '提问：出口「已回答」没有连接：流程会在这里结束',
    );
    expect(issueText('Send message › Text: {{contact.nmae}}: unknown field `contact.nmae`', 'zh-CN')).toBe(
      '发送消息 › 消息内容：{{contact.nmae}}：未知的字段 `contact.nmae`',
    );
    expect(issueText('Condition › Rules #3 › Value: Not a valid regular expression', 'zh-CN')).toBe(
      '条件 › 规则 #3 › 值：不是有效的正则表达式',
    );
    expect(issueText('Keyword › Match: Invalid input', 'zh-CN')).toBe('关键词 › 匹配方式：格式不对');
    expect(issueText('Condition › Match: Invalid input', 'zh-CN')).toBe('条件 › 满足：格式不对');
  });

  it('drops the place where the form already shows it', () => {
    expect(issueDetail('Wait › Duration: At most P365D (365 days)', 'en')).toBe('At most P365D (365 days)');
    expect(issueDetail('Wait › Duration: At most P365D (365 days)', 'zh-CN')).toBe('最长 365 天（P365D）');
    expect(issueDetail('Send message: no trigger leads to this card', 'en')).toBe(
      'No trigger leads to this card',
    );
    expect(issueDetail('Required', 'en')).toBe('Required');
  });
});
