// Every registered API route, fed hostile input as the owner and anonymously: NUL bytes, lone
// surrogates and 1 MB strings in every string; numbers beyond int4, negative, 1e308, "NaN"; ids that
// are no uuid, 2147483648 or '../'; malformed cursors; deep JSON; `__proto__` keys; regex bombs.
// No answer may be a 5xx (API.md "Errors": never a 500 for bad input).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifySchema } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import type { App } from '../server/app.ts';
import type { ApiRoute } from '../server/plugins/route-table.ts';
import { SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import { contacts, outbox } from '../shared/db/schema.ts';
import { login, type Session, testApp } from './support/app.ts';
import { describeDb } from './support/db.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: Json[];
  const?: Json;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  minimum?: number;
  minLength?: number;
};

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
const FIELD_VALUES: string[] = [
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
const inside = (valid: string) => [`${valid}\u0000`, `${valid}\uD800`, `\uDC00${valid}`];
/** The same, percent-encoded for a query or a path. */
const insideEncoded = (valid: string) => [`${valid}%00`, `${valid}%ED%A0%80`, `%ED%B0%80${valid}`];

/** Whole bodies, sent as they are. */
const BODIES = [
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
const QUERY_VALUES = [
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
const PARAM_VALUES = [
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
const SAMPLES: Record<string, Json> = {
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

const jsonSchemaOf = (schema: unknown): JsonSchema =>
  z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** A value the schema accepts, as far as it says; `SAMPLES` fills in what it cannot. */
function sample(s: JsonSchema, name = ''): Json {
  if (name in SAMPLES) return SAMPLES[name]!;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0]!;
  const options = s.anyOf ?? s.oneOf;
  if (options) return sample(options.find((o) => o.type !== 'null') ?? options[0]!, name);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      return s.format === 'uuid' ? randomUUID() : 'fuzz'.padEnd(s.minLength ?? 0, 'z');
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return s.prefixItems ? s.prefixItems.map((p) => sample(p)) : s.items ? [sample(s.items)] : [];
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {})) out[key] = sample(prop, key);
      if (!s.properties && typeof s.additionalProperties === 'object')
        out.fuzz_key = sample(s.additionalProperties);
      return out;
    }
    default:
      return 'fuzz';
  }
}

/** Every place in a JSON value (objects' keys and arrays' items), outermost first. */
function places(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const here = [...path, Array.isArray(value) ? Number(key) : key];
    return [here, ...places(item, here)];
  });
}

/** `base` as JSON text with the value at `path` replaced by the raw JSON `raw`. */
function withRaw(base: Json, path: (string | number)[], raw: string): string {
  const marker = `\u0001fuzz-${randomUUID()}\u0001`;
  const copy = structuredClone(base) as Record<string | number, Json>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, Json>;
  at[path[path.length - 1]!] = marker;
  return JSON.stringify(copy).replace(JSON.stringify(marker), raw);
}

/** Raw JSON of hostile strings built from the valid string at `place`, if it holds one. */
function stringsInside(base: Json, place: (string | number)[]): string[] {
  const value = place.reduce<Json>((at, key) => (at as Record<string | number, Json>)[key]!, base);
  return typeof value === 'string' ? inside(value).map((s) => JSON.stringify(s)) : [];
}

interface FuzzRequest {
  method: string;
  url: string;
  payload?: string;
  contentType?: string;
  label: string;
}

function query(values: Record<string, string>): string {
  const parts = Object.entries(values).map(([k, v]) => `${k}=${v}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Every hostile variant of one route: each param, each query field, each body place, whole bodies. */
function requestsFor(route: ApiRoute, params: Record<string, string>): FuzzRequest[] {
  const schema = route.schema as FastifySchema;
  const baseQuery = schema.querystring
    ? Object.fromEntries(
        Object.entries(sample(jsonSchemaOf(schema.querystring)) as Record<string, Json>).map(([k, v]) => [
          k,
          encodeURIComponent(String(v)),
        ]),
      )
    : {};
  const path = (values: Record<string, string>) =>
    route.url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? randomUUID());
  const url = (p = params, q = baseQuery) => `${path(p)}${query(q)}`;
  const out: FuzzRequest[] = [];
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  const baseBody = schema.body ? sample(jsonSchemaOf(schema.body)) : undefined;
  const payload = baseBody === undefined ? undefined : JSON.stringify(baseBody);

  for (const name of Object.keys(params))
    for (const value of [...PARAM_VALUES, ...insideEncoded(params[name]!)])
      out.push({
        method: route.method,
        url: url({ ...params, [name]: value }),
        payload,
        label: `:${name}=${value.slice(0, 30)}`,
      });
  for (const name of Object.keys(baseQuery)) {
    for (const value of [...QUERY_VALUES, ...insideEncoded(baseQuery[name]!)])
      out.push({
        method: route.method,
        url: url(params, { ...baseQuery, [name]: value }),
        payload,
        label: `?${name}=${value.slice(0, 30)}`,
      });
    out.push({ method: route.method, url: `${url()}&${name}=1`, payload, label: `?${name} twice` });
  }
  if (baseBody !== undefined)
    for (const place of places(baseBody))
      for (const raw of [...FIELD_VALUES, ...stringsInside(baseBody, place)])
        out.push({
          method: route.method,
          url: url(),
          payload: withRaw(baseBody, place, raw),
          label: `body.${place.join('.')}=${raw.slice(0, 30)}`,
        });
  if (hasBody) {
    for (const raw of BODIES)
      out.push({ method: route.method, url: url(), payload: raw, label: `body=${raw.slice(0, 30)}` });
    out.push({
      method: route.method,
      url: url(),
      payload: payload ?? '{}',
      contentType: 'text/plain',
      label: 'text/plain',
    });
    out.push({
      method: route.method,
      url: url(),
      payload: 'a=b',
      contentType: 'application/x-www-form-urlencoded',
      label: 'form',
    });
  }
  return out;
}

describeDb('fuzz every route', (db) => {
  let app: App;
  let owner: Session;
  let spare: Session;
  const ids: Record<string, string> = {};

  async function call(method: 'POST' | 'PUT', url: string, payload: object = {}) {
    const res = await app.inject({ method, url, payload, headers: owner.headers });
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  }

  beforeAll(async () => {
    ({ app } = await testApp(db(), { runtime: true }));
    owner = await login(app);
    spare = await login(app);
    ids.contacts = (await call('POST', '/api/sandbox/contacts', { name: 'fuzz' })).id;
    ids.bots = (await call('POST', '/api/bots', { name: 'fuzz', puppet: 'sandbox' })).id;
    ids.members = (
      await call('POST', '/api/members', {
        email: 'member@example.com',
        password: 'member-pw-1',
        role: 'viewer',
      })
    ).id;
    ids['api-keys'] = (await call('POST', '/api/api-keys', { name: 'fuzz', role: 'viewer' })).id;
    const [contact] = await db().db.select().from(contacts).where(eq(contacts.id, ids.contacts!));
    const [row] = await db()
      .db.insert(outbox)
      .values({
        workspaceId: contact!.workspaceId,
        botAccountId: contact!.botAccountId,
        contactId: contact!.id,
        kind: 'message',
        payload: { text: 'lost', author: 'bot' },
        idempotencyKey: 'fuzz-unknown',
        status: 'unknown',
        notBefore: new Date(),
      })
      .returning();
    ids.outbox = String(row!.id);
  });
  afterAll(() => app?.close());

  /** Path params of a route: a real resource of its kind (a fresh published flow per flow route). */
  async function paramsOf(route: ApiRoute): Promise<Record<string, string>> {
    const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const params: Record<string, string> = {};
    for (const name of names) {
      if (name === 'version') params[name] = '1';
      else if (route.url.startsWith('/api/flows/')) {
        const flow = await call('POST', '/api/flows', { name: 'fuzz', graph: SAMPLES.graph as object });
        await call('POST', `/api/flows/${flow.id}/publish`);
        params[name] = flow.id;
      } else {
        const kind = route.url.split('/').at(route.url.split('/').indexOf(`:${name}`) - 1)!;
        params[name] = ids[kind] ?? randomUUID();
      }
    }
    return params;
  }

  it('answers no hostile request with a 5xx, as the owner or anonymously', { timeout: 300_000 }, async () => {
    const byStatus = new Map<string, number>();
    const failures: string[] = [];
    let sent = 0;
    const started = Date.now();
    for (const route of app.apiRoutes) {
      const requests = requestsFor(route, await paramsOf(route));
      // An event stream that opened never ends: still open after a second is its success.
      const stream = route.url.endsWith('/stream');
      // Logging out must not end the session the rest of the run uses.
      const session = route.url === '/api/auth/logout' ? spare : owner;
      for (const request of requests) {
        for (const who of [session, null]) {
          sent++;
          let status: string;
          let body = '';
          try {
            const res = await app.inject({
              method: request.method as 'GET',
              url: request.url,
              payload: request.payload,
              headers: {
                ...(request.payload === undefined
                  ? {}
                  : { 'content-type': request.contentType ?? 'application/json' }),
                ...(who ? who.headers : {}),
              },
              signal: AbortSignal.timeout(stream ? 1000 : 20_000),
            });
            status = String(res.statusCode);
            body = res.body.slice(0, 300);
          } catch (err) {
            const aborted = (err as Error).name === 'AbortError';
            status = aborted && stream ? 'stream open' : `thrown: ${(err as Error).name}`;
          }
          byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
          if (!/^[1-4]\d\d$|^stream open$/.test(status))
            failures.push(
              `${status} ${who ? 'owner' : 'anonymous'} ${route.method} ${route.url} ${request.label}: ${body}`,
            );
        }
      }
    }
    const counts = [...byStatus].sort().map(([status, n]) => `${status}: ${n}`);
    console.log(
      `fuzz: ${sent} requests on ${app.apiRoutes.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s — ${counts.join(', ')}; ≥500: ${failures.length}`,
    );
    expect(failures).toEqual([]);
  });
});
