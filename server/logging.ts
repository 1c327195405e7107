// What the logs may never carry: query parameters (a failed insert into users carries the password
// hash, one into sessions the token hashes), PostgreSQL's `detail` ("Failing row contains (…)"),
// credentials in headers. Applied to whatever logger options the app is built with.
import type { FastifyServerOptions } from 'fastify';

/** Keys of an error (or its causes) that hold row values or query parameters. */
const SECRET_ERROR_KEYS = new Set(['params', 'parameters', 'values', 'detail']);
const MAX_CAUSES = 5;

const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  'passwordHash',
  'csrfToken',
  'token',
  '*.password',
  '*.passwordHash',
  '*.csrfToken',
  '*.token',
];

/** drizzle's DrizzleQueryError says "Failed query: <sql>\nparams: <values>": the values go. */
const withoutParams = (message: string) => message.replace(/\nparams: [\s\S]*$/, '');

interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

/** pino's `err` serializer, minus anything that can hold a row's values. */
export function serializeError(err: Error, depth = 0): SerializedError {
  const e = err as Error & Record<string, unknown>;
  const message = 'params' in e ? withoutParams(String(e.message)) : String(e.message);
  const out: SerializedError = {
    type: e.constructor?.name || e.name,
    message,
    stack: typeof e.stack === 'string' ? e.stack.replace(e.message, () => message) : '',
  };
  for (const [key, value] of Object.entries(e)) {
    if (SECRET_ERROR_KEYS.has(key) || key === 'cause' || key in out) continue;
    out[key] = value instanceof Error ? serializeError(value, depth + 1) : value;
  }
  if (e.cause instanceof Error && depth < MAX_CAUSES) out.cause = serializeError(e.cause, depth + 1);
  else if (e.cause !== undefined) out.cause = String(e.cause);
  return out;
}

type LoggerOption = FastifyServerOptions['logger'];

/** The given logger options with the error serializer and the redactions added. */
export function withRedaction(logger: LoggerOption): LoggerOption {
  if (!logger) return logger;
  const options = logger === true ? {} : logger;
  const redact = options.redact;
  const paths = Array.isArray(redact) ? redact : (redact?.paths ?? []);
  return {
    ...options,
    // pino hands over whatever was logged as `err`; only errors are taken apart.
    serializers: { ...options.serializers, err: (e) => (e instanceof Error ? serializeError(e) : e) },
    redact: { ...(Array.isArray(redact) ? {} : redact), paths: [...new Set([...paths, ...REDACT_PATHS])] },
  };
}
