// Pieces every API schema shares: the error body, safe text, bounded whole numbers, ids, cursors,
// emails and roles. Every request schema builds its strings and numbers from these, so hostile
// input (NUL bytes, lone surrogates, numbers PostgreSQL cannot hold) is a 400 naming the field.
import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { type SchemaCode, schemaError } from '../schema-issues.ts';

export const roleSchema = z.enum(ROLES);

/** PostgreSQL's `integer`: ids, versions and counts the database stores as int4. */
export const INT4_MAX = 2_147_483_647;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type TextProblem = Extract<SchemaCode, 'nul_character' | 'lone_surrogate'>;

/** Why PostgreSQL (text has no NUL, jsonb refuses lone surrogates) cannot store `s`; null when it can. */
function textProblem(s: string): TextProblem | null {
  if (s.includes('\u0000')) return 'nul_character';
  if (LONE_SURROGATE.test(s)) return 'lone_surrogate';
  return null;
}

/** A string the database can store. Chain `.trim().min().max()` as with `z.string()`. */
export const text = () =>
  z
    .string()
    .refine((s) => !s.includes('\u0000'), schemaError('nul_character', { part: 'text' }))
    .refine((s) => !LONE_SURROGATE.test(s), schemaError('lone_surrogate', { part: 'text' }));

/**
 * Wraps a schema of free JSON (a flow graph, puppet options) so every string and every key in it
 * is storable text; each offending place is reported with its own path.
 */
export function storableJson<T extends z.ZodType>(schema: T) {
  return schema.superRefine((value, ctx) => {
    const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
    while (stack.length) {
      const { value: v, path } = stack.pop()!;
      if (typeof v === 'string') {
        const problem = textProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', path, ...schemaError(problem, { part: 'text' }) });
      } else if (Array.isArray(v)) {
        for (const [i, item] of v.entries()) stack.push({ value: item, path: [...path, i] });
      } else if (v && typeof v === 'object') {
        for (const [key, item] of Object.entries(v)) {
          const problem = textProblem(key);
          if (problem)
            ctx.addIssue({ code: 'custom', path: [...path, key], ...schemaError(problem, { part: 'key' }) });
          stack.push({ value: item, path: [...path, key] });
        }
      }
    }
  });
}

/** A whole number in a JSON body, within int4 unless told otherwise. */
export const int = ({ min = 0, max = INT4_MAX }: { min?: number; max?: number } = {}) =>
  z.number().int().min(min).max(max);

/**
 * A whole number written in a path or query string ("12"), strictly: digits only — no "1e3",
 * "0x10", "" or "NaN" — and within int4 unless told otherwise.
 */
export const intParam = ({ min = 1, max = INT4_MAX }: { min?: number; max?: number } = {}) =>
  z
    .string()
    .refine((s) => /^-?\d{1,16}$/.test(s), schemaError('whole_number'))
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const ISO_DAY = z.iso.date();

/**
 * A day written in a query ("2025-06-01"), of a year PostgreSQL holds: it has no year 0, so "0000-…"
 * is the same `invalid_format` as "2025-02-30", not a database error.
 */
export const dayParam = () =>
  z.stringFormat('date', (s) => ISO_DAY.safeParse(s).success && !s.startsWith('0000-'));

/** An optional query parameter: empty (`?cursor=`, as API.md writes them) is the same as absent. */
export const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);

/** Loose on purpose: self-hosted teams use addresses such as admin@localhost. */
export const emailSchema = text()
  .trim()
  .max(254)
  .refine((s) => /^[^\s@]+@[^\s@]+$/.test(s), schemaError('email'))
  .transform((s) => s.toLowerCase());

export const idParams = z.object({ id: z.uuid() });

const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A keyset position (a row's creation time and id) as the opaque string a list answers in `nextCursor`. */
export const encodeCursor = (at: Date, id: string): string =>
  btoa(`${at.toISOString()}|${id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function decodeCursor(s: string): { at: Date; id: string } | null {
  if (!/^[A-Za-z0-9_-]+$/.test(s)) return null;
  let decoded: string;
  try {
    decoded = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const [at, id, extra] = decoded.split('|');
  if (extra !== undefined || !at || !id || !CURSOR_AT.test(at) || !UUID.test(id)) return null;
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? null : { at: date, id };
}

/** A `cursor` query parameter: exactly what `encodeCursor` wrote, decoded; anything else is a 400. */
export const cursorParam = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    const cursor = decodeCursor(s);
    if (!cursor) ctx.addIssue({ code: 'custom', ...schemaError('cursor') });
    return cursor ?? z.NEVER;
  });

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof errorBody>;
