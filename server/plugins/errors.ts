// One error shape for the whole API (API.md): `{error: {code, message, details?}}`, never a 500 for bad input.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiErrorCode } from '../../shared/api/errors.ts';
import { schemaIssueOf } from '../../shared/schema-issues.ts';
import { HttpError } from '../errors.ts';

/** Fastify's own 4xx errors (routing, content types, body size…), by status. */
const CODES: Record<number, ApiErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
};

const JSON_ERRORS = new Set(['FST_ERR_CTP_INVALID_JSON_BODY', 'FST_ERR_CTP_EMPTY_JSON_BODY']);

type Validation = { instancePath: string; keyword: string; message?: string; params: object };

/** What the schema of each validation context was given. */
const INPUTS: Record<string, (req: FastifyRequest) => unknown> = {
  body: (req) => req.body,
  querystring: (req) => req.query,
  params: (req) => req.params,
  headers: (req) => req.headers,
};

/** Each zod issue by the field it is about: `{path: 'body.limits.messagesPerMinute', message, code, minimum…}`. */
function fieldIssues(req: FastifyRequest, validation: Validation[], context: string | undefined) {
  return validation.map((v) => {
    const path = v.instancePath.split('/').filter(Boolean);
    const issue = schemaIssueOf({ ...v.params, code: v.keyword, path }, INPUTS[context ?? '']?.(req));
    return { path: [context, ...path].filter(Boolean).join('.'), message: v.message ?? '', ...issue };
  });
}

/**
 * Fastify's router errors, before any route or hook runs (a path that is no valid URL component, a
 * path parameter past its length): the API's error shape too, with Fastify's status (400, 414).
 */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  // Fastify's sentence repeats the whole path: a fixed one, however long the path was.
  const message = FRAMEWORK_MESSAGES[err.code] ?? 'The path cannot be routed';
  reply.code(err.statusCode ?? 400).send(new HttpError('bad_request', message).body);
}

const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_BAD_URL: 'The path is not a valid URL',
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is too long',
};

export default fp(async function errors(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = fieldIssues(req, err.validation as Validation[], err.validationContext);
      const invalid = new HttpError(
        'invalid_request',
        'Request does not match the schema',
        undefined,
        details,
      );
      return reply.code(invalid.statusCode).send(invalid.body);
    }
    if (err instanceof HttpError) return reply.code(err.statusCode).send(err.body);
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      if (JSON_ERRORS.has(err.code) || err instanceof SyntaxError) {
        const reason = err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'empty' : 'syntax';
        return reply.code(status).send(new HttpError('invalid_json', err.message, { reason }).body);
      }
      return reply.code(status).send(new HttpError(CODES[status] ?? 'bad_request', err.message).body);
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(new HttpError('internal_error', 'Internal server error').body);
  });
});
