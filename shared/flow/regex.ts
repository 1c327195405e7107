// Marketers' regular expressions (keyword triggers, `ask` with expect regex, condition `matches`)
// run on RE2 (re2js, pure JS): matching time is linear in the text, so no pattern — not even one
// stored in an old published version — can hold the event loop the way `^(a+)+$` does on V8.

import { RE2JS } from 're2js';
import safeRegex from 'safe-regex2';

/** Longer texts never match: with the program bound below, one match stays within ~15 ms. */
export const MAX_REGEX_INPUT = 5_000;
/** RE2's program size (about one per character or class, two per repetition step) a pattern may compile to. */
export const MAX_REGEX_PROGRAM = 500;
/** Characters of a pattern: a longer one is refused before it is compiled or remembered. */
export const MAX_REGEX_SOURCE = 1_000;
/** Repetitions (`*`, `+`, `{n}`…) a pattern may hold before the lint calls it unsafe. */
export const MAX_REGEX_REPETITIONS = 25;

export type RegexProblem =
  /** RE2 cannot run it (a backreference, a lookaround, a repeat count above 1000…); `fragment` is where. */
  | { code: 'unsupported_regex'; fragment: string }
  /** Exponential on a backtracking engine (nested repetition), or too many repetitions. */
  | { code: 'unsafe_regex'; reason: 'nested' }
  /** Longer than MAX_REGEX_SOURCE, or compiles to a program above MAX_REGEX_PROGRAM. */
  | { code: 'unsafe_regex'; reason: 'complex' };

type Compiled = { ok: true; re: RE2JS } | { ok: false; problem: RegexProblem };

// Compiling costs 0.1–2 ms and a trigger tests every inbound message, so compiled patterns are
// memoized. The result depends on the pattern text alone, so tenants share nothing through it.
const CACHE_SIZE = 500;
const cache = new Map<string, Compiled>();

const TOO_COMPLEX: Compiled = { ok: false, problem: { code: 'unsafe_regex', reason: 'complex' } };

function compileUncached(pattern: string, ignoreCase: boolean): Compiled {
  try {
    const re = RE2JS.compile(RE2JS.translateRegExp(pattern), ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
    return re.programSize() > MAX_REGEX_PROGRAM ? TOO_COMPLEX : { ok: true, re };
  } catch (error) {
    // RE2's messages end with the offending part in backquotes: "invalid escape sequence: `\1`".
    const fragment = /`([^`]*)`\s*$/.exec(error instanceof Error ? error.message : '')?.[1] ?? pattern;
    return { ok: false, problem: { code: 'unsupported_regex', fragment } };
  }
}

function compiled(pattern: string, ignoreCase: boolean): Compiled {
  if (pattern.length > MAX_REGEX_SOURCE) return TOO_COMPLEX;
  const key = `${ignoreCase ? 'i' : '-'}${pattern}`;
  let entry = cache.get(key);
  if (entry) {
    cache.delete(key);
  } else {
    entry = compileUncached(pattern, ignoreCase);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, entry);
  return entry;
}

/**
 * Whether `pattern` matches somewhere in `text`, in time linear in the text. A pattern RE2 cannot
 * run, one above the program bound, and a text above MAX_REGEX_INPUT match nothing.
 */
export function regexMatches(pattern: string, text: string, options: { ignoreCase?: boolean } = {}): boolean {
  if (text.length > MAX_REGEX_INPUT) return false;
  const entry = compiled(pattern, options.ignoreCase ?? false);
  return entry.ok && entry.re.test(text);
}

/** JavaScript syntax: the form's "Not a valid regular expression". Compiling never runs the pattern. */
export function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why the lint refuses a (syntactically valid) pattern, or null. RE2 would run a nested repetition
 * in linear time, but it is refused all the same: the pattern may reach a backtracking engine
 * elsewhere (a database's regex operator, a browser), where it freezes.
 */
export function regexProblem(pattern: string): RegexProblem | null {
  // Case folding can grow the program: a pattern must run in both modes, whichever its node uses.
  for (const ignoreCase of [false, true]) {
    const entry = compiled(pattern, ignoreCase);
    if (!entry.ok) return entry.problem;
  }
  return safeRegex(pattern, { limit: MAX_REGEX_REPETITIONS })
    ? null
    : { code: 'unsafe_regex', reason: 'nested' };
}
