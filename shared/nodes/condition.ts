// Branch on the contact's attributes, name, tags or last reply, and on today's facts: the room sets
// of the groups they are in or left, their activity grade, friend status, first-added / last
// in / last out times, goals, flows and campaign buckets (facts.ts). Each field kind takes its own
// ops (rule-fields.ts); a room or grade field takes `eq` / `neq` and `exists` / `not_exists`:
// membership reads as equality, the way `tags` already does. The same rules are the segment language.

import { z } from 'zod';
import { text } from '../api/common.ts';
import { CONDITION_OPS, VALUELESS_OPS } from '../flow/condition.ts';
import { ACTIVITY_GRADES, ruleRoomSet } from '../flow/facts.ts';
import { defineNode, field } from '../flow/node-definition.ts';
import { PORTS } from '../flow/ports.ts';
import { when } from '../flow/refs.ts';
import { isValidRegex } from '../flow/regex.ts';
import {
  CAMPAIGN_BUCKETS,
  type FieldRef,
  FRIEND_STATUS_VALUES,
  fieldRef,
  isUuid,
  KIND_OPS,
  MAX_TIME_BACK_MS,
  timeValue,
} from '../flow/rule-fields.ts';
import { boundedNumber } from '../flow/schemas.ts';
import { schemaError } from '../schema-issues.ts';
import { durationMs } from '../time/duration.ts';

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
  before: ['早于', 'before'],
  after: ['晚于', 'after'],
  within: ['在…之内', 'within the last'],
  not_within: ['不在…之内', 'not within the last'],
};

/** A rule's value: storable text of at most 1,000 characters, a number PostgreSQL and JSON agree on, or a flag. */
const ruleValue = z.union([text().max(1000), boundedNumber(1e15), z.boolean()]);

export const conditionRuleSchema = z
  .object({
    field: z.string().refine((name) => fieldRef(name) !== null, schemaError('condition_field')),
    op: z.enum(CONDITION_OPS),
    value: ruleValue.optional(),
  })
  .superRefine((rule, ctx) => {
    if (!VALUELESS_OPS.includes(rule.op) && rule.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], ...schemaError('value_required', { op: rule.op }) });
    }
    if (rule.op === 'matches' && !isValidRegex(String(rule.value ?? ''))) {
      ctx.addIssue({ code: 'custom', path: ['value'], ...schemaError('invalid_regex') });
    }
    const ref = fieldRef(rule.field);
    if (ref) kindRule(ref, rule, ctx);
  });

/** Each kind takes its own ops, and a value of its own: a grade, a room set, a status, a time, an id. */
function kindRule(ref: FieldRef, rule: { op: string; value?: unknown }, ctx: z.RefinementCtx): void {
  const issue = (path: 'op' | 'value', error: ReturnType<typeof schemaError>) =>
    ctx.addIssue({ code: 'custom', path: [path], ...error });
  if (!KIND_OPS[ref.kind].includes(rule.op)) {
    const fact = ref.kind === 'roomSet' || ref.kind === 'grade';
    const ops = KIND_OPS[ref.kind].join(', ');
    issue(
      'op',
      fact
        ? schemaError('fact_op', { op: rule.op, field: ref.field })
        : schemaError('field_op', { op: rule.op, field: ref.field, ops }),
    );
    return;
  }
  if (VALUELESS_OPS.includes(rule.op as (typeof VALUELESS_OPS)[number]) || rule.value === undefined) return;
  const value = String(rule.value).trim();
  const problem = valueProblem(ref, rule.op, value);
  if (problem) issue('value', problem);
}

function valueProblem(ref: FieldRef, op: string, value: string): ReturnType<typeof schemaError> | null {
  const lower = value.toLowerCase();
  switch (ref.kind) {
    case 'grade':
      return (ACTIVITY_GRADES as readonly string[]).includes(value) ? null : schemaError('activity_grade');
    case 'roomSet':
      return value === '' ? schemaError('room_set_required') : null;
    case 'friendStatus':
      return (FRIEND_STATUS_VALUES as readonly string[]).includes(lower)
        ? null
        : schemaError('friend_status');
    case 'time':
      if (op === 'within' || op === 'not_within')
        return durationMs(value, MAX_TIME_BACK_MS) !== null ? null : schemaError('time_duration');
      return timeValue(value, 'UTC') ? null : schemaError('time_value');
    case 'flow':
      return isUuid(value) ? null : schemaError('flow_id');
    case 'campaign':
      return (CAMPAIGN_BUCKETS as readonly string[]).includes(lower) ? null : schemaError('campaign_bucket');
    default:
      return null;
  }
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
