// The segment builder's map of the rule language (the `condition` node's rules, NODES.md): which
// fields the picker offers in which group, which comparisons each takes and what its value is.
import type { ConditionOp } from '../../../shared/flow/condition.ts';
import { ACTIVITY_GRADES, FACT_OPS } from '../../../shared/flow/facts.ts';
import { CAMPAIGN_BUCKETS, FRIEND_STATUS_VALUES, TIME_OPS } from '../../../shared/flow/rule-fields.ts';

/** A field as the picker names it: a fixed field, or a family whose key the marketer types or picks. */
export const FIELD_KINDS = [
  'contact.name',
  'contact.alias',
  'contact.friendStatus',
  'contact.activity',
  'contact.firstAddedAt',
  'contact.lastInboundAt',
  'contact.lastOutboundAt',
  'tags',
  'attributes.*',
  'goal.*',
  'room.member_of',
  'room.left',
  'flow.in',
  'flow.finished',
  'campaign.*',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const FIELD_GROUPS = [
  ['contact', ['contact.name', 'contact.alias', 'contact.friendStatus', 'contact.activity']],
  ['times', ['contact.firstAddedAt', 'contact.lastInboundAt', 'contact.lastOutboundAt']],
  ['tags', ['tags']],
  ['attributes', ['attributes.*']],
  ['goals', ['goal.*']],
  ['groups', ['room.member_of', 'room.left']],
  ['flows', ['flow.in', 'flow.finished']],
  ['campaigns', ['campaign.*']],
] as const satisfies readonly (readonly [string, readonly FieldKind[]])[];

export type RuleOp = ConditionOp;
/** Most asked first: "within the last 30 days". */
const TIMES: RuleOp[] = [
  'within',
  'not_within',
  ...TIME_OPS.filter((op) => !op.includes('within')),
  'not_exists',
];

const TEXT_OPS: RuleOp[] = ['eq', 'neq', 'contains', 'not_contains', 'exists', 'not_exists'];
const IS_OPS: RuleOp[] = ['eq', 'neq'];

export const OPS_BY_KIND: Record<FieldKind, readonly RuleOp[]> = {
  'contact.name': TEXT_OPS,
  'contact.alias': TEXT_OPS,
  'contact.friendStatus': IS_OPS,
  'contact.activity': FACT_OPS,
  'contact.firstAddedAt': TIMES,
  'contact.lastInboundAt': TIMES,
  'contact.lastOutboundAt': TIMES,
  tags: ['has_tag', 'not_has_tag'],
  'attributes.*': ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', ...TEXT_OPS.slice(2)],
  'goal.*': ['exists', 'not_exists'],
  'room.member_of': FACT_OPS,
  'room.left': FACT_OPS,
  'flow.in': IS_OPS,
  'flow.finished': IS_OPS,
  'campaign.*': FACT_OPS,
};

export const VALUELESS: readonly RuleOp[] = ['exists', 'not_exists'];

export const FRIEND_STATUSES = FRIEND_STATUS_VALUES;
export { ACTIVITY_GRADES };
/** A campaign bucket as a rule value names it (`campaign.<id> eq intent`). */
export const RULE_BUCKETS = CAMPAIGN_BUCKETS;

/** How a rule's value is entered. */
export type ValueInput =
  | 'none'
  | 'text'
  | 'duration'
  | 'date'
  | 'friendStatus'
  | 'grade'
  | 'roomSet'
  | 'flow'
  | 'bucket';

export function valueInput(kind: FieldKind, op: RuleOp): ValueInput {
  if (VALUELESS.includes(op)) return 'none';
  if (kind.endsWith('At')) return op === 'before' || op === 'after' ? 'date' : 'duration';
  const special: Partial<Record<FieldKind, ValueInput>> = {
    'contact.friendStatus': 'friendStatus',
    'contact.activity': 'grade',
    'room.member_of': 'roomSet',
    'room.left': 'roomSet',
    'flow.in': 'flow',
    'flow.finished': 'flow',
    'campaign.*': 'bucket',
  };
  return special[kind] ?? 'text';
}

/** The picker's kind of a stored field name, and the key after the family's prefix. */
export function splitField(field: string): { kind: FieldKind; key: string } {
  for (const family of ['attributes', 'goal', 'campaign'] as const)
    if (field.startsWith(`${family}.`)) return { kind: `${family}.*`, key: field.slice(family.length + 1) };
  return {
    kind: (FIELD_KINDS as readonly string[]).includes(field) ? (field as FieldKind) : 'tags',
    key: '',
  };
}

export const joinField = (kind: FieldKind, key: string): string =>
  kind.endsWith('.*') ? `${kind.slice(0, -1)}${key.trim()}` : kind;

export type EditableRule = { field: string; op: RuleOp; value?: string | number | boolean };

/** A fresh rule of a kind: its first comparison and a value a marketer would most often want. */
export function ruleOfKind(kind: FieldKind, key = ''): EditableRule {
  const op = OPS_BY_KIND[kind][0] as RuleOp;
  const defaults: Partial<Record<ValueInput, string>> = {
    duration: 'P30D',
    friendStatus: 'friend',
    grade: 'active',
    bucket: 'intent',
  };
  const value = defaults[valueInput(kind, op)];
  return { field: joinField(kind, key), op, ...(value === undefined ? {} : { value }) };
}

/** Whether a rule says all it needs to (a family's key, a value when its comparison takes one). */
export function ruleComplete(rule: EditableRule): boolean {
  const { kind, key } = splitField(rule.field);
  if (kind.endsWith('.*') && !key) return false;
  if (VALUELESS.includes(rule.op)) return true;
  return rule.value !== undefined && String(rule.value).trim() !== '';
}

/** A duration chip's or a custom ISO duration's days (P3D → 3), for wording it; null when not whole days. */
export const durationDays = (value: string): number | null => {
  const m = /^P(\d+)D$/.exec(value);
  return m ? Number(m[1]) : null;
};
