// The route fuzz test's requests: a valid request sampled from a route's schemas, then every hostile
// variant of it — each path param, each query field, each place in the body, and whole bodies.
import { randomUUID } from 'node:crypto';
import type { FastifySchema } from 'fastify';
import { z } from 'zod';
import type { ApiRoute } from '../../server/plugins/route-table.ts';
import {
  BODIES,
  FIELD_VALUES,
  inside,
  insideEncoded,
  type Json,
  PARAM_VALUES,
  QUERY_VALUES,
  SAMPLES,
} from './fuzz-values.ts';

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
export function requestsFor(route: ApiRoute, params: Record<string, string>): FuzzRequest[] {
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
