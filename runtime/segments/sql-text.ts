// The SQL twins of the in-memory text and number readings (shared/flow/condition.ts `text`,
// `asNumber`) and of each contact's clock: every constant is a bound parameter, never spliced.
import { type SQL, sql } from 'drizzle-orm';
import { MAX_NUMBER_TEXT, NUMBER_TEXT } from '../../shared/flow/condition.ts';

/** The characters JavaScript's `trim()` removes (WhiteSpace and LineTerminator). */
export const JS_WHITESPACE =
  '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** What a segment's SQL needs to know besides the rules. */
export interface SegmentContext {
  /** The wall clock; each contact's now is it plus its account's `clock_offset_ms`. */
  wallNow: Date;
  /** The workspace's zone: date-only values and the activity grade's days are local. */
  timeZone: string;
  /** The workspace's activity grades (the same settings `factsFor` reads). */
  activityGrades: { days: number; active: number; lurker: number };
  /**
   * The clock offset every bot account of the workspace shares (the usual case: none is a sandbox
   * account moved on its own), so each contact's now is one constant and `b` is not joined; null or
   * absent: the accounts' clocks differ, each contact's is read from `b`.
   */
  sharedClockMs?: number | null;
}

/** Each contact's now: its account's clock (`b` is the contact's bot account, unless all share one). */
export const contactNow = (ctx: SegmentContext): SQL =>
  typeof ctx.sharedClockMs === 'number'
    ? sql`${new Date(ctx.wallNow.getTime() + ctx.sharedClockMs).toISOString()}::timestamptz`
    : sql`(${ctx.wallNow.toISOString()}::timestamptz + b.clock_offset_ms * interval '1 millisecond')`;

/**
 * Each contact's now less `ms` milliseconds: one constant when the accounts share a clock (so it is
 * never computed again for each of a million rows), else read from `b`.
 */
export const contactAgo = (ctx: SegmentContext, ms: number): SQL =>
  typeof ctx.sharedClockMs === 'number'
    ? sql`${new Date(ctx.wallNow.getTime() + ctx.sharedClockMs - ms).toISOString()}::timestamptz`
    : sql`(${contactNow(ctx)} - ${millis(ms)})`;

/** `ms` milliseconds as an interval. */
export const millis = (ms: number): SQL => sql`(${ms}::bigint * interval '1 millisecond')`;

/** Trimmed as JavaScript trims. */
export const trimmed = (value: SQL): SQL => sql`btrim(${value}, ${JS_WHITESPACE})`;

/** `text()`: trimmed and lower-cased, compared by code point. */
export const norm = (value: SQL): SQL => sql`(lower(${trimmed(value)}) collate "C")`;

/** `asNumber()` of a text: a plain decimal of at most MAX_NUMBER_TEXT characters, else null. */
export const textNumber = (value: SQL): SQL => {
  const t = trimmed(value);
  return sql`(case when char_length(${t}) <= ${MAX_NUMBER_TEXT} and ${t} ~ ${NUMBER_TEXT.source} then ${t}::float8 end)`;
};

/** Length in UTF-16 units (JavaScript's `length`), read only past the byte-length shortcut. */
export const fitsRegexInput = (value: SQL, max: number): SQL =>
  sql`(octet_length(${value}) <= ${max} or 2 * char_length(${value}) - char_length(regexp_replace(${value}, ${'[\\U00010000-\\U0010FFFF]'}, '', 'g')) <= ${max})`;
