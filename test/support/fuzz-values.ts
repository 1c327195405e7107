// The hostile input the route fuzz test sends: NUL bytes, lone surrogates and 1 MB strings; numbers
// beyond int4, negative, 1e308, "NaN"; ids that are no uuid, 2147483648 or '../'; malformed cursors;
// deep JSON; `__proto__` keys; regex bombs — and the sample values a valid request needs.
import { randomUUID } from 'node:crypto';
import { SANDBOX_LIMITS } from '../../shared/api/bot-limits.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const deep = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const b64 = (s: string) => Buffer.from(s).toString('base64url');

/** Hostile strings for every string field (and every other field: wrong types must be 400s too). */
const STRINGS = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  'x'.repeat(1_000_000),
  '(a+)+$',
  `((a*)*)*b${'a'.repeat(40)}`,
  '[',
  '\\',
  '%_\\%',
  "'; drop table users; --",
  '../../etc/passwd',
  '',
];
const NUMBERS = [2 ** 31, -1, 1e308, -(2 ** 31) - 1, 0.5, 2 ** 53 + 2];
/** Raw JSON for a field: the strings and numbers above, numbers as text, and hostile shapes. */
export const FIELD_VALUES: string[] = [
  ...STRINGS.map((s) => JSON.stringify(s)),
  ...NUMBERS.map(String),
  '"NaN"',
  '"2147483648"',
  'null',
  'true',
  '[]',
  '{}',
  '["\\u0000"]',
  '{"a\\u0000b":1}',
  '{"__proto__":"x"}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  deep(6000),
];
/** Hostile characters inside an otherwise valid string (a NUL after a valid email). */
export const inside = (valid: string) => [`${valid}\u0000`, `${valid}\uD800`, `\uDC00${valid}`];
/** The same, percent-encoded for a query or a path. */
export const insideEncoded = (valid: string) => [`${valid}%00`, `${valid}%ED%A0%80`, `%ED%B0%80${valid}`];

/** Whole bodies, sent as they are. */
export const BODIES = [
  '',
  '   ',
  '{',
  'null',
  '[]',
  '"x"',
  '1e308',
  '{}',
  deep(6000),
  deepObject(6000),
  deep(65),
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
];
/** Query values, already percent-encoded: NUL, lone surrogates, 1 MB, numbers out of range, cursors. */
export const QUERY_VALUES = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%ED%B0%80',
  'x'.repeat(1_000_000),
  '2147483648',
  '-1',
  '1e308',
  'NaN',
  'Infinity',
  '0x10',
  '',
  '%',
  '%zz',
  '..%2F..%2F',
  '(a%2B)%2B%24',
  b64('2020-01-01T00:00:00.000Z|not-a-uuid'),
  b64(`9999999-01-01|${randomUUID()}`),
  b64('x'),
  '!!!',
];
/** Path segments, already percent-encoded. */
export const PARAM_VALUES = [
  'not-a-uuid',
  '2147483648',
  '-1',
  '1e308',
  'NaN',
  '..',
  '..%2F..%2Fetc',
  '%2E%2E%2F',
  '%00',
  '%ED%A0%80',
  '%',
  '%zz',
  'x'.repeat(2000),
  '00000000-0000-0000-0000-000000000000',
  randomUUID(),
  encodeURIComponent('(a+)+$'),
];

/** Values a valid request needs that a JSON schema cannot invent. */
export const SAMPLES: Record<string, Json> = {
  email: 'fuzzed@example.com',
  password: 'fuzz-password-1',
  role: 'viewer',
  puppet: 'sandbox',
  timeZone: 'Asia/Shanghai',
  by: 'PT1H',
  limits: SANDBOX_LIMITS as unknown as Json,
  graph: {
    nodes: [{ id: 'in', type: 'trigger.friend_request', position: { x: 0, y: 0 }, data: {} }],
    edges: [],
  },
  cursor: b64(`${new Date().toISOString()}|${randomUUID()}`),
  limit: '10',
  before: '1',
  version: '1',
};
