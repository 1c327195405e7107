// The one list of what a condition / segment rule can read: each field name parses to a kind, and
// each kind names the ops it takes. The in-memory evaluator (condition.ts) and the SQL compiler
// (runtime/segments/fields.ts) are both tables keyed by FieldKind, so a new kind cannot reach one
// and not the other without a type error.
import { durationMs } from '../time/duration.ts';
import { zonedEpoch } from '../time/zoned.ts';

export const FIELD_KINDS = [
  'text',
  'attribute',
  'tags',
  'reply',
  'roomSet',
  'grade',
  'friendStatus',
  'time',
  'goal',
  'flow',
  'campaign',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** A parsed field: its kind and the part after the namespace (attribute key, column, goal name, id). */
export type FieldRef = { kind: FieldKind; field: string; key: string };

export const TIME_FIELDS = ['firstAddedAt', 'lastInboundAt', 'lastOutboundAt'] as const;
export type TimeField = (typeof TIME_FIELDS)[number];
export const FRIEND_STATUS_VALUES = ['stranger', 'requested', 'friend', 'deleted_us'] as const;
export const CAMPAIGN_BUCKETS = ['deleted_us', 'simple_reply', 'intent', 'other_reply', 'no_reply'] as const;
export const TIME_OPS = ['before', 'after', 'within', 'not_within'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A goal node's name: 1–60 characters, trimmed, no control characters. */
const GOAL_NAME = /^(?!\s)[^\p{Cc}]{1,60}(?<!\s)$/u;

const FIXED: Record<string, [FieldKind, string]> = {
  'contact.name': ['text', 'name'],
  'contact.alias': ['text', 'alias'],
  tags: ['tags', ''],
  'reply.text': ['reply', 'text'],
  'room.member_of': ['roomSet', 'member_of'],
  'room.left': ['roomSet', 'left'],
  'contact.activity': ['grade', ''],
  'contact.friendStatus': ['friendStatus', ''],
  'contact.firstAddedAt': ['time', 'firstAddedAt'],
  'contact.lastInboundAt': ['time', 'lastInboundAt'],
  'contact.lastOutboundAt': ['time', 'lastOutboundAt'],
  'flow.in': ['flow', 'in'],
  'flow.finished': ['flow', 'finished'],
};

/** What a rule's field names, or null when it is no field of the language. */
export function fieldRef(field: string): FieldRef | null {
  if (Object.hasOwn(FIXED, field)) {
    const [kind, key] = FIXED[field]!;
    return { kind, field, key };
  }
  const dot = field.indexOf('.');
  const [namespace, rest] = [field.slice(0, dot), field.slice(dot + 1)];
  if (dot < 0) return null;
  if (namespace === 'attributes' && /^[a-z][a-z0-9_]{0,39}$/.test(rest))
    return { kind: 'attribute', field, key: rest };
  if (namespace === 'goal' && GOAL_NAME.test(rest)) return { kind: 'goal', field, key: rest };
  if (namespace === 'campaign' && UUID.test(rest))
    return { kind: 'campaign', field, key: rest.toLowerCase() };
  return null;
}

/** Every comparison a rule may make (the condition node's `op`). */
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
  'before',
  'after',
  'within',
  'not_within',
] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** The ops of the original language (every op but the time ones): text, attributes, tags, the reply. */
const SCALAR_OPS = CONDITION_OPS.filter((op) => !(TIME_OPS as readonly string[]).includes(op));

/** The ops each kind takes (the schema refuses any other with `fact_op` / `field_op`). */
export const KIND_OPS: Record<FieldKind, readonly string[]> = {
  text: SCALAR_OPS,
  attribute: SCALAR_OPS,
  tags: SCALAR_OPS,
  reply: SCALAR_OPS,
  roomSet: ['eq', 'neq', 'exists', 'not_exists'],
  grade: ['eq', 'neq', 'exists', 'not_exists'],
  friendStatus: ['eq', 'neq', 'exists', 'not_exists'],
  time: [...TIME_OPS, 'exists', 'not_exists'],
  goal: ['exists', 'not_exists'],
  flow: ['eq', 'neq'],
  campaign: ['eq', 'neq', 'exists', 'not_exists'],
};

export const isUuid = (value: string): boolean => UUID.test(value);

/** The longest `within` / `before P…` a time rule may count back: ten years. */
export const MAX_TIME_BACK_MS = 3660 * 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * What a time rule's value means: a span back from the contact's now (`P3D`), or an instant (a
 * date-time with its offset, or a date: its midnight in the workspace's zone). Null: neither.
 */
export function timeValue(value: unknown, timeZone: string): { ago: number } | { at: number } | null {
  const text = String(value ?? '').trim();
  const ago = durationMs(text, MAX_TIME_BACK_MS);
  if (ago !== null) return { ago };
  const date = DATE.exec(text);
  if (date) {
    const [year, month, day] = date.slice(1).map(Number) as [number, number, number];
    const at = Date.UTC(year, month - 1, day);
    if (month < 1 || month > 12 || new Date(at).getUTCDate() !== day || year < 1900) return null;
    return { at: zonedEpoch({ year, month, day }, 0, timeZone) };
  }
  if (!DATE_TIME.test(text)) return null;
  const at = Date.parse(text);
  return Number.isFinite(at) && at > Date.UTC(1900, 0, 1) && at < Date.UTC(2200, 0, 1) ? { at } : null;
}
