// Schema errors as data (STYLE §8). Our own refinements report a code of SCHEMA_ERRORS with the values
// its sentence needs (a zod custom issue's `params`); any zod issue travels as a `SchemaIssue` — its
// code and parameters without the English message — which a reader phrases with zod's own locale,
// or with its catalogue when the issue carries one of our codes.
import { z } from 'zod';
import type { Params, ParamValue } from './i18n.ts';

/** Every refinement of ours, with its English (for logs and curl) built from the values it carries. */
export const SCHEMA_ERRORS = {
  flow_document: () => 'A flow document has `nodes` and `edges` arrays',
  duration_format: () => 'Use an ISO-8601 duration such as PT30S, PT10M, PT2H, P3D or P1W',
  duration_too_long: (p: { max: string; days: number }) => `At most ${p.max} (${p.days} days)`,
  duration_zero: () => 'Must be longer than zero',
  attribute_key: (p: { max: number }) =>
    `Lowercase letters, digits and _, starting with a letter, at most ${p.max}`,
  branch_name: () => 'Lowercase letters, digits and _, starting with a letter',
  branch_name_twice: (p: { name: string }) => `Branch name \`${p.name}\` is used twice`,
  weight_required: () => 'At least one branch needs a weight above 0',
  clock_time: () => 'Use a 24-hour time such as 09:30',
  invalid_regex: () => 'Not a valid regular expression',
  choices_required: () => 'A choice question needs at least one choice',
  pattern_required: () => 'A regex question needs a pattern',
  max_below_min: () => 'The maximum is below the minimum',
  condition_field: () =>
    'Use attributes.<key>, contact.name, contact.alias, contact.activity, contact.friendStatus, contact.firstAddedAt, contact.lastInboundAt, contact.lastOutboundAt, tags, reply.text, room.member_of, room.left, goal.<name>, flow.in, flow.finished or campaign.<id>',
  fact_op: (p: { op: string; field: string }) =>
    `\`${p.op}\` does not apply to ${p.field}: use eq, neq, exists or not_exists`,
  activity_grade: () => 'Use active, normal or lurker',
  room_set_required: () => 'Name a room set',
  value_required: (p: { op: string }) => `\`${p.op}\` needs a value`,
  tag_change_required: () => 'Add or remove at least one tag',
  nul_character: (p: { part: 'text' | 'key' }) =>
    `${p.part === 'key' ? 'keys ' : ''}must not contain NUL (\\u0000) characters`,
  lone_surrogate: (p: { part: 'text' | 'key' }) =>
    `${p.part === 'key' ? 'keys ' : ''}must be valid Unicode (no lone UTF-16 surrogates)`,
  prototype_key: () => 'is not allowed as a key',
  whole_number: () => 'must be a whole number',
  email: () => 'must be an email address',
  cursor: () => 'must be a nextCursor this API answered',
  time_zone: () => 'must be an IANA time zone such as Asia/Shanghai',
  jitter_range: () => 'jitterMs must be [min, max] with min ≤ max',
  public_url: () => 'Use a public http:// or https:// address',
  image_source: () => 'Upload an image or give its address',
  mini_program_app_id: () => 'A mini program AppID is wx followed by 16 letters or digits',
  lead_target: () => 'a phone or a weixin handle is required',
  china_mobile: () => 'must be a mainland-China mobile number',
  too_many_attributes: (p: { max: number }) => `at most ${p.max} attributes`,
  live_code_slug: () => 'lowercase letters, digits and dashes, 3–40 characters, not starting with a dash',
  hello_code: () => 'a hello code has no spaces',
  hello_code_required: () => 'a hello-code channel needs its code',
  lurker_below_active: () => 'the lurker threshold must be below the active one',
  node_version_newer: (p: { version: number; known: number }) =>
    `Saved by a newer Wefunnel (card version ${p.version}; this one reads up to ${p.known})`,
  per_week_below_per_day: () => 'The messages per week must be at least the messages per day',
  field_op: (p: { op: string; field: string; ops: string }) =>
    `\`${p.op}\` does not apply to ${p.field}: use ${p.ops}`,
  friend_status: () => 'Use stranger, requested, friend or deleted_us',
  time_duration: () => 'Use a duration such as PT12H, P3D or P4W (at most ten years)',
  time_value: () =>
    'Use a duration such as P3D, a date such as 2025-06-01 or a date-time such as 2025-06-01T09:00:00+08:00',
  flow_id: () => 'Name a flow by its id',
  campaign_bucket: () => 'Use deleted_us, simple_reply, intent, other_reply or no_reply',
  segment_field: (p: { field: string }) =>
    `${p.field} has no meaning for a segment: it is only known inside a run`,
  segment_regex: (p: { fragment: string }) =>
    `This pattern cannot be used in a segment (\`${p.fragment}\`): use letters, ., [ ], \\d, \\w, \\s, groups, | and repeats of at most 255`,
} satisfies Record<string, (params: never) => string>;

export type SchemaCode = keyof typeof SCHEMA_ERRORS;
export const SCHEMA_CODES = Object.keys(SCHEMA_ERRORS) as SchemaCode[];

type SchemaParams<C extends SchemaCode> = Parameters<(typeof SCHEMA_ERRORS)[C]>;

/**
 * The `message` and `params` of one of our refinements' issues, for `.refine(ok, schemaError(…))`
 * or `ctx.addIssue({ code: 'custom', path, ...schemaError(…) })`.
 */
export function schemaError<C extends SchemaCode>(
  code: C,
  ...params: SchemaParams<C>
): { message: string; params: Params & { code: C } } {
  const values = (params[0] ?? {}) as Params;
  const english = SCHEMA_ERRORS[code] as (p: Params) => string;
  return { message: english(values), params: { ...values, code } };
}

/**
 * A zod issue as data: `code` and its parameters (`minimum`, `origin`, `expected`, `format`,
 * `values`, a custom issue's `params`…), plus `received` (the input's type) for `invalid_type`.
 */
export type SchemaIssue = { code: string } & Params;

/** The parts of a zod issue that are not parameters of its sentence (or not JSON). */
const NOT_PARAMS = new Set(['path', 'message', 'input', 'inst', 'errors', 'continue', 'fatal']);

function paramOf(value: unknown): ParamValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint' || typeof value === 'symbol') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => paramOf(item) ?? String(item));
  if (typeof value === 'object') {
    const object: Params = {};
    for (const [key, item] of Object.entries(value)) {
      const param = paramOf(item);
      if (param !== undefined) object[key] = param;
    }
    return object;
  }
  return undefined;
}

/** The value under `path` of `root`, through own properties only. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

type RawIssue = { code: string; path?: readonly PropertyKey[] } & object;

/**
 * `issue` as data; `root` is what was parsed, where `issue.path` finds the input it refused. The
 * issues inside an `invalid_key` or `invalid_element` (a record key refused by its own schema) come
 * along as `issues`.
 */
export function schemaIssueOf(issue: RawIssue, root: unknown): SchemaIssue {
  const params: Params = {};
  for (const [key, value] of Object.entries(issue)) {
    const param =
      key === 'issues' && Array.isArray(value)
        ? value.map((inner: RawIssue) => schemaIssueOf(inner, undefined))
        : NOT_PARAMS.has(key)
          ? undefined
          : paramOf(value);
    if (param !== undefined) params[key] = param;
  }
  if (issue.code === 'invalid_type')
    params.received = z.core.util.parsedType(valueAt(root, issue.path ?? []));
  return { ...params, code: issue.code };
}
