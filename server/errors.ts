// Errors that carry an API error code (its HTTP status comes with it, from shared/api/errors.ts) and
// the values its sentence is built from; the error handler turns them into API.md bodies.
import { API_ERRORS, type ApiErrorCode, NOT_FOUND, type NotFoundWhat } from '../shared/api/errors.ts';
import type { Params } from '../shared/i18n.ts';

export type ErrorBody = { error: { code: ApiErrorCode; message: string; details?: unknown } };

export class HttpError extends Error {
  readonly statusCode: number;

  /**
   * `message` is English, for logs and curl; a client phrases the error from `code` and `params`.
   * `details` is more data (the lint issues of `invalid_flow`, the fields of `invalid_request`).
   */
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly params?: Params,
    readonly details?: object,
  ) {
    super(message);
    this.statusCode = API_ERRORS[code];
  }

  /** `details` carries `params` beside whatever else it holds. */
  get body(): ErrorBody {
    const details = this.params ? { ...this.details, params: this.params } : this.details;
    return { error: { code: this.code, message: this.message, ...(details && { details }) } };
  }
}

export const unauthorized = () => new HttpError('unauthorized', 'Authentication required');
export const forbidden = (role: string) =>
  new HttpError('forbidden', `The ${role} role may not do this`, { role });
export const notFound = (what: NotFoundWhat, params: Params = {}, message = `${NOT_FOUND[what]} not found`) =>
  new HttpError('not_found', message, { what, ...params });
