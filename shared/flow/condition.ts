// Evaluating `condition` rules against a run: numbers compare numerically, strings case-insensitively
// (by code point, as PostgreSQL's "C" collation orders them), and list fields (`tags`, `room.member_of`,
// `room.left`) by membership. Each field kind (rule-fields.ts) has its reader here; its SQL twin is
// runtime/segments/fields.ts, and a property test (test/segments-property.test.ts) keeps them equal.

import type { FlowContext, Scalar } from './context.ts';
import { type FlowFacts, factValue } from './facts.ts';
import { regexMatches } from './regex.ts';
import {
  type ConditionOp,
  type FieldKind,
  type FieldRef,
  fieldRef,
  type TimeField,
  timeValue,
} from './rule-fields.ts';
import { readVariable } from './variables.ts';

export { CONDITION_OPS, type ConditionOp } from './rule-fields.ts';

export type ConditionRule = { field: string; op: ConditionOp; value?: Scalar };

/** Ops that look only at the field, so a rule's `value` is optional for them. */
export const VALUELESS_OPS: readonly ConditionOp[] = ['exists', 'not_exists'];

export function evaluateConditions(
  match: 'all' | 'any',
  rules: ConditionRule[],
  context: FlowContext,
): boolean {
  const test = (rule: ConditionRule) => evaluateRule(rule, context);
  return match === 'all' ? rules.every(test) : rules.some(test);
}

type Reader = (ref: FieldRef, rule: ConditionRule, context: FlowContext) => boolean;

const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** The in-memory side of each field kind (the SQL side: runtime/segments/fields.ts). */
const MEMORY: Record<FieldKind, Reader> = {
  text: (ref, rule, context) => scalarRule(rule, readVariable(context, ref.field)),
  reply: (ref, rule, context) => scalarRule(rule, readVariable(context, ref.field)),
  attribute: (ref, rule, context) => {
    const value = readVariable(context, ref.field);
    return scalarRule(rule, isScalar(value) ? value : undefined);
  },
  tags: (_ref, rule, context) => scalarRule(rule, context.tags),
  roomSet: (ref, rule, context) => scalarRule(rule, factValue(context.facts, ref.field)),
  grade: (ref, rule, context) => scalarRule(rule, factValue(context.facts, ref.field)),
  friendStatus: (_ref, rule, context) => scalarRule(rule, context.facts?.friendStatus),
  time: (ref, rule, context) => timeRule(rule, context.facts, ref.key as TimeField),
  goal: (ref, rule, context) => (context.facts?.goals ?? []).includes(ref.key) === (rule.op === 'exists'),
  flow: (ref, rule, context) => {
    const facts = context.facts;
    const list = (ref.key === 'in' ? facts?.openFlows : facts?.finishedFlows) ?? [];
    return list.some((id) => text(id) === text(rule.value)) === (rule.op === 'eq');
  },
  campaign: (ref, rule, context) => {
    const campaigns = context.facts?.campaigns ?? {};
    const member = Object.hasOwn(campaigns, ref.key);
    if (rule.op === 'exists' || rule.op === 'not_exists') return member === (rule.op === 'exists');
    return (member && campaigns[ref.key] === text(rule.value)) === (rule.op === 'eq');
  },
};

export function evaluateRule(rule: ConditionRule, context: FlowContext): boolean {
  if (rule.op === 'has_tag' || rule.op === 'not_has_tag')
    return includesText(context.tags, rule.value) === (rule.op === 'has_tag');
  const ref = fieldRef(rule.field);
  // A field the schema would refuse reads as a plain variable, as it always did.
  if (!ref) return scalarRule(rule, readVariable(context, rule.field));
  return MEMORY[ref.kind](ref, rule, context);
}

/** The original language: one value (or a list) against the rule's value. */
function scalarRule(rule: ConditionRule, actual: Scalar | string[] | undefined): boolean {
  const { op, value } = rule;
  if (op === 'exists' || op === 'not_exists') return isPresent(actual) === (op === 'exists');
  if (actual === undefined) return op === 'neq' || op === 'not_contains';
  if (Array.isArray(actual)) return listRule(op, actual, value);
  switch (op) {
    case 'eq':
    case 'neq':
      return (compare(actual, value) === 0) === (op === 'eq');
    case 'contains':
    case 'not_contains':
      return text(actual).includes(text(value)) === (op === 'contains');
    case 'matches':
      return matches(actual, value);
    default:
      return orderRule(op, compare(actual, value));
  }
}

/**
 * A time field: `within` / `not_within` a span back from the turn's clock, `before` / `after` an
 * instant (or now minus a span). Never (null): within, before and after are false, not_within true.
 */
function timeRule(rule: ConditionRule, facts: FlowFacts | undefined, field: TimeField): boolean {
  const at = facts?.[field];
  const known = typeof at === 'number';
  if (rule.op === 'exists' || rule.op === 'not_exists') return known === (rule.op === 'exists');
  if (!known) return rule.op === 'not_within';
  const value = timeValue(rule.value, facts?.timeZone ?? 'UTC');
  if (!value) return false;
  const threshold = 'ago' in value ? (facts?.now ?? 0) - value.ago : value.at;
  if (rule.op === 'within') return at >= threshold;
  if (rule.op === 'not_within') return at < threshold;
  if (rule.op === 'before') return at < threshold;
  return rule.op === 'after' && at > threshold;
}

function listRule(op: ConditionOp, list: string[], value: Scalar | undefined): boolean {
  if (op === 'eq' || op === 'contains') return includesText(list, value);
  if (op === 'neq' || op === 'not_contains') return !includesText(list, value);
  if (op === 'matches') return list.some((item) => matches(item, value));
  return false;
}

function orderRule(op: ConditionOp, order: number | null): boolean {
  if (order === null) return false;
  if (op === 'gt') return order > 0;
  if (op === 'gte') return order >= 0;
  if (op === 'lt') return order < 0;
  return op === 'lte' && order <= 0;
}

/** Trimmed (JavaScript's whitespace) and lower-cased: how every text comparison sees a value. */
export const text = (value: Scalar | undefined): string =>
  String(value ?? '')
    .trim()
    .toLowerCase();

/** A plain decimal (no exponent) of at most this many characters reads as a number. */
export const MAX_NUMBER_TEXT = 100;
export const NUMBER_TEXT = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/;

export function asNumber(value: Scalar | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length <= MAX_NUMBER_TEXT && NUMBER_TEXT.test(trimmed) ? Number(trimmed) : null;
}

/** Code-point order (UTF-8 byte order): what PostgreSQL's "C" collation gives, unlike `<` on UTF-16. */
function codePointOrder(x: string, y: string): number {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const a = x.codePointAt(i)!;
    const b = y.codePointAt(j)!;
    if (a !== b) return a < b ? -1 : 1;
    i += a > 0xffff ? 2 : 1;
    j += b > 0xffff ? 2 : 1;
  }
  return Math.sign(x.length - i - (y.length - j));
}

/** Sign of actual − expected: numeric when both read as numbers, else by lower-cased text. */
function compare(actual: Scalar, expected: Scalar | undefined): number | null {
  if (expected === undefined) return null;
  const [a, b] = [asNumber(actual), asNumber(expected)];
  if (a !== null && b !== null) return Math.sign(a - b);
  return codePointOrder(text(actual), text(expected));
}

const matches = (actual: Scalar, pattern: Scalar | undefined): boolean =>
  regexMatches(String(pattern ?? ''), String(actual), { ignoreCase: true });

const includesText = (list: string[], value: Scalar | undefined): boolean =>
  list.some((item) => text(item) === text(value));

const isPresent = (value: Scalar | string[] | undefined): boolean =>
  Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
