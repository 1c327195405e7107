// The editor's one way to call the API: JSON (or a file's bytes), the session cookie, and the CSRF
// header on mutations.
import type { SessionBody } from '../../shared/api/auth.ts';
import type { Params } from '../../shared/i18n.ts';

let csrfToken: string | null = null;

/**
 * A field the server refused: `path` like `body.limits.messagesPerMinute`, and the zod issue's
 * `code` and parameters (`minimum`, `expected`…) to phrase it by.
 */
export type ErrorDetail = Params & { path: string; message: string; code?: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** The error's `details` as the server sent them, when they are not a list of fields. */
    readonly raw: unknown = undefined,
  ) {
    super(message);
  }

  /** The values the error's sentence is built from (`details.params`). */
  get params(): Params {
    const params = (this.raw as { params?: unknown } | undefined)?.params;
    return typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Params) : {};
  }
}

const detailsOf = (details: unknown): ErrorDetail[] =>
  Array.isArray(details)
    ? details.filter((d): d is ErrorDetail => typeof d?.path === 'string' && typeof d?.message === 'string')
    : [];

/** `body` goes as JSON, or as it is when it is a file (a Blob: its own type is the content type). */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  const file = body instanceof Blob;
  if (body !== undefined)
    headers['content-type'] = file ? body.type || 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(`/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : file ? body : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => ({}));
  if (!res.ok)
    throw new ApiError(
      res.status,
      json.error?.code ?? 'error',
      json.error?.message ?? res.statusText,
      detailsOf(json.error?.details),
      json.error?.details,
    );
  return json as T;
}

export async function loadSession(): Promise<SessionBody | null> {
  try {
    const me = await api<SessionBody>('GET', '/me');
    csrfToken = me.csrfToken;
    return me;
  } catch {
    return null;
  }
}

export async function signIn(email: string, password: string): Promise<SessionBody> {
  const me = await api<SessionBody>('POST', '/auth/login', { email, password });
  csrfToken = me.csrfToken;
  return me;
}

export async function signOut(): Promise<void> {
  await api('POST', '/auth/logout');
  csrfToken = null;
}
