// The catalogue (STYLE §8): a sentence for every code in both languages, the same values read in
// each, and every lint issue of the broken flows below said from its code and params as a marketer
// sees it (a new lint code needs one broken case here).
import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES, NOT_FOUND_WHATS } from '../../../shared/api/errors.ts';
import { LINT_CODES } from '../../../shared/flow/issues.ts';
import { roomSetContext } from '../../../shared/flow/room-checks.ts';
import { validate } from '../../../shared/flow/validate.ts';
import { VARIABLE_PROBLEMS } from '../../../shared/flow/variables.ts';
import { LOCALES } from '../../../shared/i18n.ts';
import { SCHEMA_CODES } from '../../../shared/schema-issues.ts';
import { CATALOGUES } from './catalogue.ts';
import { edge, send, T, trigger } from './catalogue-test-support.ts';
import { messageArguments } from './format.ts';
import { issueText } from './issue-text.ts';

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
  {
    nodes: [
      trigger,
      { id: 'send_r1o2', type: 'send', data: { text: '欢迎 {{room.member_of}}', to: 'room' } },
      { id: 'invite_i3n4', type: 'invite_room', data: { roomSet: 'vipp' } },
      { id: 'join_j5o6', type: 'trigger.room_join', data: { roomSet: 'citi' } },
      { id: 'invite_c7i8', type: 'invite_room', data: { roomSet: 'city' } },
      {
        id: 'cond_f7a8',
        type: 'condition',
        data: {
          rules: [
            { field: 'room.member_of', op: 'gt', value: 'vip' },
            { field: 'contact.activity', op: 'eq', value: 'busy' },
            { field: 'room.left', op: 'neq', value: ' ' },
          ],
        },
      },
      {
        id: 'cond_g9b0',
        type: 'condition',
        data: { rules: [{ field: 'room.left', op: 'eq', value: 'citi' }] },
      },
    ],
    edges: [
      edge(T, 'send_r1o2'),
      edge('send_r1o2', 'invite_i3n4'),
      edge('invite_i3n4', 'cond_f7a8', 'joined'),
      edge('invite_i3n4', 'invite_c7i8', 'full'),
      edge('join_j5o6', 'cond_g9b0'),
    ],
  },
];

/** The workspace's room sets, for `unknown_room_set`; `city` is nearly full. */
const ROOM_SETS = roomSetContext([
  { name: 'vip', seatsLeft: 100 },
  { name: 'city', seatsLeft: 1 },
]);

const ids = BROKEN.flatMap((graph) => {
  const { nodes, edges } = graph as { nodes?: unknown; edges?: unknown };
  const list = [...(Array.isArray(nodes) ? nodes : []), ...(Array.isArray(edges) ? edges : [])];
  return list.map((item: { id?: string }) => item.id ?? '').filter((id) => id.length > 2);
});

const issues = BROKEN.flatMap((graph) => {
  const { errors, warnings } = validate(graph, ROOM_SETS);
  return [...errors, ...warnings];
});

/** What a marketer must never read: a JSON path, an internal key, a node or edge id. */
const internal = (text: string): string[] => [
  ...['data.', 'ports.', 'sourceHandle', 'nodes.', 'edges.'].filter((part) => text.includes(part)),
  ...ids.filter((id) => text.includes(id)),
];

const phrased = (lang: 'zh-CN' | 'en') => issues.map((issue) => issueText(issue, lang));

/** Each code list of shared/ and the catalogue part that phrases it. */
const PARTS = [
  ['lint', LINT_CODES],
  ['lintTitle', LINT_CODES],
  ['variable', VARIABLE_PROBLEMS],
  ['api', API_ERROR_CODES],
  ['notFound', NOT_FOUND_WHATS],
  ['schema', SCHEMA_CODES],
] as const;

describe('the catalogue', () => {
  it('has a sentence for every lint, API error and schema code in both languages', () => {
    for (const lang of LOCALES) {
      for (const [part, codes] of PARTS) {
        const sentences: Record<string, string> = CATALOGUES[lang][part];
        const missing = codes.filter((code) => !sentences[code]?.trim());
        expect(missing, `${lang} ${part}`).toEqual([]);
        // A code that left its list leaves its sentences behind.
        expect(Object.keys(sentences).filter((code) => !(codes as readonly string[]).includes(code))).toEqual(
          [],
        );
      }
    }
  });

  it('reads the same values in zh-CN and en', () => {
    const sections = ['lint', 'lintTitle', 'variable', 'api', 'notFound', 'schema', 'form', 'words'] as const;
    for (const section of sections) {
      const zh: Record<string, string> = CATALOGUES['zh-CN'][section];
      const en: Record<string, string> = CATALOGUES.en[section];
      expect(Object.keys(zh).sort(), section).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en))
        expect([...messageArguments(zh[key]!)].sort(), `${section}.${key}`).toEqual(
          [...messageArguments(en[key]!)].sort(),
        );
    }
  });
});

describe('issueText', () => {
  it('says every issue the lint and the node schemas report in Chinese', () => {
    expect(issues.length).toBeGreaterThan(50);
    const codes = new Set(issues.map((issue) => issue.code));
    expect(LINT_CODES.filter((code) => !codes.has(code))).toEqual([]);
    const english = phrased('zh-CN').filter((text) =>
      // Variables, patterns and zod's type names stay as they are; the sentence around them may not be English.
      /[A-Za-z]{4,} [A-Za-z]{3,}/.test(text.replace(/`[^`]*`|\{\{[^}]*\}\}/g, '')),
    );
    expect(english).toEqual([]);
    // Every value a sentence reads is there: no `{name}` is left unfilled.
    const unfilled = [...phrased('zh-CN'), ...phrased('en')].filter((text) =>
      text.replace(/\{\{[^}]*\}\}/g, '').includes('{'),
    );
    expect(unfilled).toEqual([]);
  });

  it('names cards and fields by their labels, never by id or JSON path', () => {
    const leaks = [...phrased('zh-CN'), ...phrased('en')].filter((text) => internal(text).length > 0);
    expect(leaks).toEqual([]);
    // The machine-readable parts stay on the issue.
    expect(issues.filter((issue) => issue.params === undefined)).toEqual([]);
    const deadEnd = issues.find((issue) => issue.code === 'dead_end')!;
    expect(deadEnd).toMatchObject({ nodeId: expect.any(String), path: expect.stringMatching(/^ports\./) });
  });

  it('says what is wrong with groups: a send into no group, a room set the workspace lacks or nearly full, a fact rule', () => {
    const said = (code: string, lang: 'zh-CN' | 'en') =>
      issues.filter((issue) => issue.code === code).map((issue) => issueText(issue, lang));
    expect(said('room_without_room', 'zh-CN')).toEqual([
      '发送消息 › 发送到：要发到本次流程所在的群，但有的流程走到这里时不在任何群里：请用进群或群聊关键词开始流程，或先邀请联系人进群',
    ]);
    expect(said('unknown_room_set', 'en')).toEqual([
      'Invite to group › Room set: the workspace has no room set `vipp`',
      'Group join › Room set: the workspace has no room set `citi`',
      'Condition › Rules #1 › Value: the workspace has no room set `citi`',
    ]);
    expect(said('unknown_room_set', 'zh-CN')[0]).toBe('邀请进群 › 群池：工作区没有名为 `vipp` 的群池');
    expect(said('room_set_low_seats', 'en')).toEqual([
      'Invite to group › Room set: the room set `city` has 1 seat left: add a group to it on the Groups screen',
    ]);
    expect(said('room_set_low_seats', 'zh-CN')).toEqual([
      '邀请进群 › 群池：群池 `city` 只剩 1 个空位：请在「群组」页面为它添加群',
    ]);
    const facts = said('invalid_data', 'zh-CN').filter((text) => text.startsWith('条件 › 规则 #'));
    expect(facts).toEqual(
      expect.arrayContaining([
        '条件 › 规则 #1 › 比较方式：room.member_of 只能用等于、不等于、有值或无值来比较',
        '条件 › 规则 #2 › 值：请填写 active（活跃）、normal（一般）或 lurker（潜水）',
        '条件 › 规则 #3 › 值：请填写群池名称',
      ]),
    );
    expect(said('unknown_variable', 'en')).toContain(
      'Send message › Text: {{room.member_of}}: `room.member_of` can only be read by a condition',
    );
  });
});
