// The editor's one way to call the API: JSON, the session cookie, and the CSRF header on mutations.
import type { SessionBody } from '../../shared/api/auth.ts';

let csrfToken: string | null = null;

/** A field the server refused: `path` like `body.limits.messagesPerMinute`. */
export type ErrorDetail = { path: string; message: string };

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
}

const detailsOf = (details: unknown): ErrorDetail[] =>
  Array.isArray(details)
    ? details.filter((d): d is ErrorDetail => typeof d?.path === 'string' && typeof d?.message === 'string')
    : [];

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(`/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
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
