// The JSON body parser: an empty body is no body (action endpoints need none), a body nested deeper
// than MAX_DEPTH is refused before parsing (no stack to overflow), and a `__proto__` key (or
// `constructor.prototype`) is a 400 naming its place instead of Fastify's "not valid JSON".
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodType } from 'zod';
import type { Params } from '../../shared/i18n.ts';
import { schemaError } from '../../shared/schema-issues.ts';
import { HttpError } from '../errors.ts';

const MAX_DEPTH = 64;

const invalidJson = (message: string, params: Params & { reason: 'empty' | 'too_deep' | 'syntax' }) =>
  new HttpError('invalid_json', message, params);

/** Whether `[`/`{` nest deeper than `max` anywhere in the JSON text (strings are skipped). */
function nestedDeeperThan(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** The places of keys that would reach an object's prototype, as `body.a.b` paths. */
function prototypeKeys(value: unknown, path: string[] = ['body'], found: string[] = []): string[] {
  if (!value || typeof value !== 'object') return found;
  for (const [key, item] of Object.entries(value)) {
    path.push(key);
    if (key === '__proto__') found.push(path.join('.'));
    else if (key === 'constructor' && item && typeof item === 'object' && 'prototype' in item)
      found.push(`${path.join('.')}.prototype`);
    prototypeKeys(item, path, found);
    path.pop();
  }
  return found;
}

/** A route whose body schema accepts no body at all takes an empty one as none. */
function acceptsNoBody(req: FastifyRequest): boolean {
  const schema = req.routeOptions.schema?.body as ZodType | undefined;
  return !schema || schema.safeParse(undefined).success;
}

export default fp(async function jsonBody(app: FastifyInstance) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const json = (body as string).trim();
    if (json === '') {
      if (acceptsNoBody(req)) return done(null, undefined);
      return done(
        invalidJson('Body cannot be empty when content-type is application/json', { reason: 'empty' }),
      );
    }
    if (nestedDeeperThan(json, MAX_DEPTH)) {
      return done(
        invalidJson(`JSON nested deeper than ${MAX_DEPTH} levels`, {
          reason: 'too_deep',
          maxDepth: MAX_DEPTH,
        }),
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (err) {
      return done(invalidJson(`Body is not valid JSON: ${(err as Error).message}`, { reason: 'syntax' }));
    }
    const forbidden = prototypeKeys(value);
    if (forbidden.length) {
      const { message, params } = schemaError('prototype_key');
      const details = forbidden.map((path) => ({ path, message, code: 'custom', params }));
      return done(new HttpError('invalid_request', 'Request does not match the schema', undefined, details));
    }
    done(null, value);
  });
});
