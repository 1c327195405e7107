// The SQL side of each field kind (the in-memory side: shared/flow/condition.ts `MEMORY`): one rule
// to a boolean over `c` (contacts) and `b` (its bot account). Both are tables keyed by FieldKind, so
// a kind cannot be added to one side only; the property test keeps their answers equal.
import { type SQL, sql } from 'drizzle-orm';
import { asNumber, type ConditionRule, text } from '../../shared/flow/condition.ts';
import { MAX_REGEX_INPUT } from '../../shared/flow/regex.ts';
import { type FieldKind, type FieldRef, fieldRef, timeValue } from '../../shared/flow/rule-fields.ts';
import { pgPattern } from '../../shared/segments/regex.ts';
import { activityGrade } from './grade.ts';
import { contactAgo, fitsRegexInput, norm, type SegmentContext, textNumber } from './sql-text.ts';

/**
 * A field that reads one value: whether it has one, its text, and its number (null: not numeric).
 * `normal`: its text is trimmed and lower-case already (a status), so it is compared as it is.
 * `key`: an attribute's key, whose jsonb numbers compare without reading them as text first.
 */
type Scalar = { defined: SQL; raw: SQL; number: SQL; normal?: true; key?: string };
/** A field that reads a list: a FROM item whose rows each give one item as `v`. */
type List = { from: SQL };

export class SegmentFieldError extends Error {
  constructor(readonly field: string) {
    super(`${field} has no meaning for a segment`);
  }
}

const ORDER: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=' };

/** `compare(actual, value) <op> 0`, numeric when both read as numbers. */
function compareSql(field: Scalar, op: string, value: ConditionRule['value']): SQL {
  const sign = sql.raw(ORDER[op]!);
  const byText = sql`${normOf(field)} ${sign} ${text(value)}`;
  const expected = asNumber(value);
  if (expected === null) return byText;
  return sql`(case when ${field.number} is not null then ${field.number} ${sign} ${expected}::float8 else ${byText} end)`;
}

const normOf = (field: Scalar): SQL => (field.normal ? field.raw : norm(field.raw));

/** jsonpath's comparison for each order the short way takes. */
const PATH_ORDER: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '==' };

/**
 * `test` where the field has a value, else `otherwise`. An attribute that is a jsonb number (the
 * common case) takes the short way: one jsonpath lookup, `strict` so that only a number (or null,
 * which no number equals or orders against) gives true/false, and anything else null — the general
 * way. Numbers stored from JavaScript are shortest decimals, whose order is their float8 order.
 */
function whenDefined(field: Scalar, rule: ConditionRule, test: SQL, otherwise: boolean): SQL {
  const general = sql`(case when ${field.defined} then coalesce(${test}, false) else ${otherwise} end)`;
  const expected = asNumber(rule.value);
  const order = PATH_ORDER[rule.op === 'neq' ? 'eq' : rule.op];
  const key = field.key;
  if (key === undefined || expected === null || !Number.isFinite(expected) || !order) return general;
  // A key jsonpath cannot spell (a lone surrogate, NUL) keeps to the general way.
  if (/\p{Cs}|\0/u.test(key)) return general;
  const path = `strict $.${JSON.stringify(key)} ${order} ${String(expected)}`;
  const number = sql`(c.attributes @@ ${path}::jsonpath)`;
  return sql`coalesce(${rule.op === 'neq' ? sql`not ${number}` : number}, ${general})`;
}

function regexSql(raw: SQL, pattern: ConditionRule['value']): SQL {
  const pg = pgPattern(String(pattern ?? ''));
  if (!pg.ok) throw new Error(`a segment cannot use the pattern ${String(pattern)}`);
  return sql`(${fitsRegexInput(raw, MAX_REGEX_INPUT)} and ${raw} ~* ${pg.source})`;
}

/** The original language on one value (shared/flow/condition.ts `scalarRule`). */
function scalarSql(field: Scalar, rule: ConditionRule): SQL {
  const { op, value } = rule;
  const present = sql`(${field.defined} and ${field.raw} <> '')`;
  const when = (test: SQL, otherwise: boolean) => whenDefined(field, rule, test, otherwise);
  switch (op) {
    case 'exists':
      return present;
    case 'not_exists':
      return sql`not ${present}`;
    case 'eq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return when(compareSql(field, op, value), false);
    case 'neq':
      return when(sql`not ${compareSql(field, 'eq', value)}`, true);
    case 'contains':
      return when(sql`strpos(${normOf(field)}, ${text(value)}) > 0`, false);
    case 'not_contains':
      return when(sql`strpos(${normOf(field)}, ${text(value)}) = 0`, true);
    case 'matches':
      return when(regexSql(field.raw, value), false);
    default:
      return sql`false`;
  }
}

/** The original language on a list (`listRule`): membership by trimmed, lower-cased text. */
function listSql(list: List, rule: ConditionRule): SQL {
  const some = (test: SQL) => sql`exists (select 1 from ${list.from} where ${test})`;
  switch (rule.op) {
    case 'exists':
      return some(sql`true`);
    case 'not_exists':
      return sql`not ${some(sql`true`)}`;
    case 'eq':
    case 'contains':
      return some(sql`${norm(sql`v`)} = ${text(rule.value)}`);
    case 'neq':
    case 'not_contains':
      return sql`not ${some(sql`${norm(sql`v`)} = ${text(rule.value)}`)}`;
    case 'matches':
      return some(regexSql(sql`v`, rule.value));
    default:
      return sql`false`;
  }
}

const always = sql`true`;
const textField = (raw: SQL): Scalar => ({ defined: always, raw, number: textNumber(raw) });

function attributeField(key: string): Scalar {
  const json = sql`(c.attributes -> ${key}::text)`;
  const raw = sql`(c.attributes ->> ${key}::text)`;
  return {
    defined: sql`coalesce(jsonb_typeof(${json}) in ('string', 'number', 'boolean'), false)`,
    key,
    raw,
    number: sql`(case jsonb_typeof(${json}) when 'number' then (${json})::float8 when 'string' then ${textNumber(raw)} end)`,
  };
}

function roomSets(left: boolean): List {
  return {
    from: sql`(select s.name as v from room_members m join rooms r on r.id = m.room_id
      join room_sets s on s.id = r.room_set_id
      where m.contact_id = c.id and m.left_at is ${left ? sql`not null` : sql`null`}) x`,
  };
}

const TIME_COLUMNS = {
  firstAddedAt: sql`c.first_added_at`,
  lastInboundAt: sql`c.last_inbound_at`,
  lastOutboundAt: sql`c.last_outbound_at`,
} as const;

function timeSql(ref: FieldRef, rule: ConditionRule, ctx: SegmentContext): SQL {
  const column = TIME_COLUMNS[ref.key as keyof typeof TIME_COLUMNS];
  if (rule.op === 'exists') return sql`(${column} is not null)`;
  if (rule.op === 'not_exists') return sql`(${column} is null)`;
  const value = timeValue(rule.value, ctx.timeZone);
  if (!value) return sql`false`;
  const threshold =
    'ago' in value ? contactAgo(ctx, value.ago) : sql`${new Date(value.at).toISOString()}::timestamptz`;
  if (rule.op === 'within') return sql`coalesce(${column} >= ${threshold}, false)`;
  if (rule.op === 'not_within') return sql`coalesce(${column} < ${threshold}, true)`;
  if (rule.op === 'before') return sql`coalesce(${column} < ${threshold}, false)`;
  if (rule.op === 'after') return sql`coalesce(${column} > ${threshold}, false)`;
  return sql`false`;
}

type Compiler = (ref: FieldRef, rule: ConditionRule, ctx: SegmentContext) => SQL;

/** The SQL side of each field kind. */
const SQL_SIDE: Record<FieldKind, Compiler> = {
  text: (ref, rule) =>
    scalarSql(textField(ref.key === 'name' ? sql`c.name` : sql`coalesce(c.alias, '')`), rule),
  attribute: (ref, rule) => scalarSql(attributeField(ref.key), rule),
  tags: (_ref, rule) => listSql({ from: sql`unnest(c.tags) as t(v)` }, rule),
  reply: (ref) => {
    throw new SegmentFieldError(ref.field);
  },
  roomSet: (ref, rule) => listSql(roomSets(ref.key === 'left'), rule),
  grade: (_ref, rule, ctx) => {
    const grade = activityGrade(ctx);
    return scalarSql({ defined: sql`(${grade} is not null)`, raw: grade, number: sql`null::float8` }, rule);
  },
  friendStatus: (_ref, rule) =>
    scalarSql({ defined: always, raw: sql`c.friend_status`, number: sql`null::float8`, normal: true }, rule),
  time: timeSql,
  goal: (ref, rule) =>
    sql`${rule.op === 'exists' ? sql`` : sql`not`} exists (select 1 from goals g where g.contact_id = c.id and g.name = ${ref.key})`,
  flow: (ref, rule) => {
    const statuses = ref.key === 'in' ? sql`('active', 'waiting')` : sql`('completed')`;
    const id = text(rule.value);
    return sql`${rule.op === 'eq' ? sql`` : sql`not`} exists (select 1 from runs r where r.contact_id = c.id and r.flow_id = ${id}::uuid and r.status in ${statuses})`;
  },
  campaign: (ref, rule) => {
    const bucket = rule.op === 'eq' || rule.op === 'neq' ? sql` and m.bucket = ${text(rule.value)}` : sql``;
    const positive = rule.op === 'eq' || rule.op === 'exists';
    return sql`${positive ? sql`` : sql`not`} exists (select 1 from campaign_members m where m.campaign_id = ${ref.key}::uuid and m.contact_id = c.id${bucket})`;
  },
};

/** One rule as a boolean over `c` and `b`. Throws SegmentFieldError for a field only a run knows. */
export function ruleSql(rule: ConditionRule, ctx: SegmentContext): SQL {
  if (rule.op === 'has_tag' || rule.op === 'not_has_tag') {
    const has = sql`exists (select 1 from unnest(c.tags) as t(v) where ${norm(sql`v`)} = ${text(rule.value)})`;
    return rule.op === 'has_tag' ? has : sql`not ${has}`;
  }
  const ref = fieldRef(rule.field);
  if (!ref) throw new SegmentFieldError(rule.field);
  return sql`(${SQL_SIDE[ref.kind](ref, rule, ctx)})`;
}
