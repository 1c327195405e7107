// Evaluating `condition` rules against a run: numbers compare numerically, strings
// case-insensitively, and list fields (`tags`, `room.member_of`, `room.left`) by membership. The one
// place rules are evaluated in memory (a campaign's segment will be their SQL twin).

import type { FlowContext, Scalar } from './context.ts';
import { factValue, isFactField } from './facts.ts';
import { regexMatches } from './regex.ts';
import { readVariable } from './variables.ts';

export const CONDITION_OPS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'not_contains',
  'matches',
  'exists',
  'not_exists',
  'has_tag',
  'not_has_tag',
] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

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

export function evaluateRule(rule: ConditionRule, context: FlowContext): boolean {
  const { op, value } = rule;
  if (op === 'has_tag' || op === 'not_has_tag') {
    return includesText(context.tags, value) === (op === 'has_tag');
  }
  const actual = isFactField(rule.field)
    ? factValue(context.facts, rule.field)
    : readVariable(context, rule.field);
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

const text = (value: Scalar | undefined): string =>
  String(value ?? '')
    .trim()
    .toLowerCase();

function asNumber(value: Scalar | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !/^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value)) return null;
  return Number(value);
}

/** Sign of actual − expected: numeric when both read as numbers, else by lower-cased text. */
function compare(actual: Scalar, expected: Scalar | undefined): number | null {
  if (expected === undefined) return null;
  const [a, b] = [asNumber(actual), asNumber(expected)];
  if (a !== null && b !== null) return Math.sign(a - b);
  const [x, y] = [text(actual), text(expected)];
  return x < y ? -1 : x > y ? 1 : 0;
}

const matches = (actual: Scalar, pattern: Scalar | undefined): boolean =>
  regexMatches(String(pattern ?? ''), String(actual), { ignoreCase: true });

const includesText = (list: string[], value: Scalar | undefined): boolean =>
  list.some((item) => text(item) === text(value));

const isPresent = (value: Scalar | string[] | undefined): boolean =>
  Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
