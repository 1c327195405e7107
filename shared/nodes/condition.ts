// Branch on the contact's attributes, name, tags or last reply, and on today's facts: the room sets
// of the groups they are in or left, and their activity grade (facts.ts). A fact field takes `eq` /
// `neq` (is / is not in a group of that set; has / has not that grade) and `exists` / `not_exists`
// (in a group of any set, graded at all): membership reads as equality, the way `tags` already does.

import { z } from 'zod';
import { CONDITION_OPS, VALUELESS_OPS } from '../flow/condition.ts';
import {
  ACTIVITY_GRADES,
  FACT_OPS,
  FACT_VALUES,
  type FactField,
  isFactField,
  ruleRoomSet,
} from '../flow/facts.ts';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { when } from '../flow/refs.ts';
import { isValidRegex } from '../flow/regex.ts';
import { schemaError } from '../schema-issues.ts';

const FIELD =
  /^(attributes\.[a-z][a-z0-9_]{0,39}|contact\.(name|alias|activity)|tags|reply\.text|room\.(member_of|left))$/;

const OP_LABELS: Record<(typeof CONDITION_OPS)[number], [string, string]> = {
  eq: ['等于', 'equals'],
  neq: ['不等于', 'does not equal'],
  gt: ['大于', 'greater than'],
  gte: ['大于等于', 'at least'],
  lt: ['小于', 'less than'],
  lte: ['小于等于', 'at most'],
  contains: ['包含', 'contains'],
  not_contains: ['不包含', 'does not contain'],
  matches: ['匹配正则', 'matches regex'],
  exists: ['有值', 'is set'],
  not_exists: ['无值', 'is not set'],
  has_tag: ['有标签', 'has tag'],
  not_has_tag: ['没有标签', 'does not have tag'],
};

export const conditionRuleSchema = z
  .object({
    field: z.string().refine((field) => FIELD.test(field), schemaError('condition_field')),
    op: z.enum(CONDITION_OPS),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  })
  .superRefine((rule, ctx) => {
    if (!VALUELESS_OPS.includes(rule.op) && rule.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], ...schemaError('value_required', { op: rule.op }) });
    }
    if (rule.op === 'matches' && !isValidRegex(String(rule.value ?? ''))) {
      ctx.addIssue({ code: 'custom', path: ['value'], ...schemaError('invalid_regex') });
    }
    if (isFactField(rule.field)) factRule(rule.field, rule, ctx);
  });

/** A fact field takes its own ops, and a value of its own: a grade, or a room set name. */
function factRule(field: FactField, rule: { op: string; value?: unknown }, ctx: z.RefinementCtx): void {
  if (!(FACT_OPS as readonly string[]).includes(rule.op)) {
    ctx.addIssue({
      code: 'custom',
      path: ['op'],
      ...schemaError('fact_op', { op: rule.op, field }),
    });
    return;
  }
  if (VALUELESS_OPS.includes(rule.op as (typeof VALUELESS_OPS)[number]) || rule.value === undefined) return;
  const value = String(rule.value).trim();
  if (FACT_VALUES[field] === 'grade' && !(ACTIVITY_GRADES as readonly string[]).includes(value))
    ctx.addIssue({ code: 'custom', path: ['value'], ...schemaError('activity_grade') });
  if (FACT_VALUES[field] === 'roomSet' && value === '')
    ctx.addIssue({ code: 'custom', path: ['value'], ...schemaError('room_set_required') });
}

export const conditionNode = defineNode({
  type: 'condition',
  category: 'logic',
  label: { 'zh-CN': '条件', en: 'Condition' },
  description: {
    'zh-CN': '按规则分支：数字按大小比较，文字不区分大小写。',
    en: 'Branches on rules: numbers compare numerically, text case-insensitively.',
  },
  icon: 'M6 3v12M18 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6 21a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM18 9a9 9 0 0 1-9 9',
  summary: [
    {
      show: 'text',
      tone: 'muted',
      text: { 'zh-CN': '满足任一规则', en: 'Any rule matches' },
      when: { field: 'match', is: 'any' },
    },
    {
      show: 'text',
      tone: 'muted',
      text: { 'zh-CN': '满足全部规则', en: 'All rules match' },
      when: { field: 'match', not: 'any' },
    },
    {
      show: 'list',
      field: 'rules',
      max: 3,
      item: [
        { show: 'chip', tone: 'code', text: '{field}' },
        { show: 'text', tone: 'muted', text: '{op|option}' },
        { show: 'text', tone: 'strong', text: '{value}', when: { field: 'value', filled: true } },
      ],
      more: { 'zh-CN': '还有 {count} 条规则', en: '{count} more rules' },
    },
  ],
  version: 1,
  data: z.object({
    match: field(z.enum(['all', 'any']).default('all'), {
      input: 'select',
      label: { 'zh-CN': '满足', en: 'Match' },
      options: [
        { value: 'all', label: { 'zh-CN': '全部规则', en: 'All rules' } },
        { value: 'any', label: { 'zh-CN': '任一规则', en: 'Any rule' } },
      ],
    }),
    rules: field(z.array(conditionRuleSchema).min(1), {
      input: 'rules',
      label: { 'zh-CN': '规则', en: 'Rules' },
      parts: {
        field: { 'zh-CN': '字段', en: 'Field' },
        op: { 'zh-CN': '比较方式', en: 'Comparison' },
        value: { 'zh-CN': '值', en: 'Value' },
      },
      options: CONDITION_OPS.map((op) => ({
        value: op,
        label: { 'zh-CN': OP_LABELS[op][0], en: OP_LABELS[op][1] },
      })),
    }),
  }),
  initial: { match: 'all', rules: [{ field: 'tags', op: 'has_tag', value: 'vip' }] },
  ports: () => [PORTS.true, PORTS.false],
  reads: (data) => data.rules.map((rule, i) => ({ path: `data.rules.${i}.field`, name: rule.field })),
  roomSets: (data) =>
    data.rules.flatMap((rule, i) => {
      const name = ruleRoomSet(rule);
      return name ? [{ path: `data.rules.${i}.value`, name }] : [];
    }),
  patterns: (data) =>
    data.rules.flatMap((rule, i) =>
      rule.op === 'matches' ? [{ path: `data.rules.${i}.value`, pattern: String(rule.value ?? '') }] : [],
    ),
  compile: (data, kit) => ({
    always: [
      kit.port('true', { guard: when('conditionMet', { match: data.match, rules: data.rules }) }),
      kit.port('false'),
    ],
  }),
});
