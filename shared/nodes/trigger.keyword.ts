// Trigger: a run starts when an inbound message matches a keyword and the contact has no run
// waiting for a reply (the router checks that part). In a group, only a message that @-mentions the
// bot, unless `mentionOnly` is off; a run started by a group message is in that group.

import { z } from 'zod';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { isValidRegex, regexMatches } from '../flow/regex.ts';
import { schemaError } from '../schema-issues.ts';

const MATCHES = ['exact', 'contains', 'regex'] as const;
const SCOPES = ['private', 'room', 'any'] as const;
type Scope = (typeof SCOPES)[number];

/** Chat text is compared case- and width-insensitively: users type on phone keyboards. */
const fold = (text: string): string => text.normalize('NFKC').trim().toLowerCase();

function keywordMatches(match: (typeof MATCHES)[number], keyword: string, text: string): boolean {
  if (match === 'exact') return fold(text) === fold(keyword);
  if (match === 'contains') return fold(text).includes(fold(keyword));
  return regexMatches(keyword, text.normalize('NFKC'), { ignoreCase: true });
}

/**
 * Whether a message from where it was said (`room`, mentioning the bot or not) is one the trigger
 * hears. Entries published before `mentionOnly` existed are not re-parsed: absent reads as its default.
 */
function hears(scope: Scope, mentionOnly: boolean | undefined, room: boolean, mentionsBot: boolean): boolean {
  if (!room) return scope !== 'room';
  return scope !== 'private' && (mentionsBot || mentionOnly === false);
}

export const keywordTrigger = defineNode({
  type: 'trigger.keyword',
  category: 'trigger',
  label: { 'zh-CN': '关键词', en: 'Keyword' },
  description: {
    'zh-CN': '收到匹配关键词的消息、且该联系人没有等待回复的流程时开始。',
    en: 'Starts when an inbound message matches and the contact has no run waiting for a reply.',
  },
  icon: 'M4 9h16M4 15h16M10 3 8 21M16 3l-2 18',
  summary: [
    { show: 'chips', field: 'keywords' },
    { show: 'text', tone: 'muted', text: '{match|option} · {scope|option}' },
    {
      show: 'row',
      when: { field: 'scope', not: 'private' },
      parts: [
        {
          show: 'chip',
          text: { 'zh-CN': '群里需 @ 机器人', en: 'In groups: when the bot is @-mentioned' },
          when: { field: 'mentionOnly', not: false },
        },
      ],
    },
  ],
  version: 1,
  data: z
    .object({
      keywords: field(z.array(z.string().trim().min(1)).min(1), {
        input: 'stringList',
        label: { 'zh-CN': '关键词', en: 'Keywords' },
      }),
      match: field(z.enum(MATCHES).default('contains'), {
        input: 'select',
        label: { 'zh-CN': '匹配方式', en: 'Match' },
        options: [
          { value: 'exact', label: { 'zh-CN': '完全一致', en: 'Exact' } },
          { value: 'contains', label: { 'zh-CN': '包含', en: 'Contains' } },
          { value: 'regex', label: { 'zh-CN': '正则表达式', en: 'Regular expression' } },
        ],
      }),
      scope: field(z.enum(SCOPES).default('private'), {
        input: 'select',
        label: { 'zh-CN': '消息来源', en: 'Scope' },
        options: [
          { value: 'private', label: { 'zh-CN': '私聊', en: 'Private chat' } },
          { value: 'room', label: { 'zh-CN': '群聊', en: 'Group chat' } },
          { value: 'any', label: { 'zh-CN': '全部', en: 'Any' } },
        ],
      }),
      mentionOnly: field(z.boolean().default(true), {
        input: 'boolean',
        label: { 'zh-CN': '群里仅在 @ 机器人时', en: 'In groups only when mentioned' },
        help: {
          'zh-CN': '群聊消息须 @ 机器人才会开始流程，机器人不会回应每一条群消息。',
          en: 'A group message starts the flow only when it @-mentions the bot, so the bot does not answer every chat line.',
        },
        visibleWhen: { field: 'scope', in: ['room', 'any'] },
      }),
    })
    .superRefine((data, ctx) => {
      if (data.match !== 'regex') return;
      data.keywords.forEach((keyword, i) => {
        if (!isValidRegex(keyword)) {
          ctx.addIssue({ code: 'custom', path: ['keywords', i], ...schemaError('invalid_regex') });
        }
      });
    }),
  initial: { keywords: ['你好'], match: 'contains', scope: 'private' },
  ports: () => [PORTS.next],
  patterns: (data) =>
    data.match === 'regex'
      ? data.keywords.map((pattern, i) => ({ path: `data.keywords.${i}`, pattern }))
      : [],
  trigger: {
    matches: (data, inbound) =>
      inbound.kind === 'message' &&
      hears(data.scope, data.mentionOnly, inbound.room, inbound.mentionsBot) &&
      data.keywords.some((keyword) => keywordMatches(data.match, keyword, inbound.text)),
    givesRoom: (data) => data.scope !== 'private',
  },
  compile: (_data, kit) => ({ always: [kit.port('next')] }),
});
