// A `matches` pattern of a segment, rewritten for PostgreSQL's `~*` so it matches exactly what RE2
// (the in-memory evaluator, shared/flow/regex.ts) matches: `.` is any character but a newline,
// `\d \w \s` are RE2's ASCII classes. Only a plain subset is taken (characters, classes, groups,
// alternation, anchors, repeats ≤ 255); anything whose meaning differs between the engines
// (`\b`, lookaround, backreferences, named groups, flags) is refused with the fragment at fault.

const CLASSES: Record<string, string> = { d: '0-9', w: '0-9A-Za-z_', s: '\\t\\n\\f\\r ' };
const ESCAPES: Record<string, string> = { n: '\\n', t: '\\t', r: '\\r', f: '\\f', v: '\\v' };
/** Punctuation a pattern may escape; emitted escaped (PostgreSQL reads `\` + punctuation as itself). */
const PUNCTUATION = /^[.*+?()[\]{}|^$\\/\-,:;!"'#%&<=>@`~_]$/;

export type PgPattern = { ok: true; source: string } | { ok: false; fragment: string };

/** One escape at `i` (after the backslash): its PostgreSQL text, inside a class or not, or null. */
function escaped(pattern: string, i: number, inClass: boolean): { text: string; next: number } | null {
  const c = pattern[i] ?? '';
  const lower = c.toLowerCase();
  if (lower in CLASSES) {
    if (c !== lower) return inClass ? null : { text: `[^${CLASSES[lower]}]`, next: i + 1 };
    return { text: inClass ? CLASSES[c]! : `[${CLASSES[c]}]`, next: i + 1 };
  }
  if (c in ESCAPES) return { text: ESCAPES[c]!, next: i + 1 };
  const hex =
    c === 'u'
      ? /^[0-9a-fA-F]{4}/.exec(pattern.slice(i + 1))
      : c === 'x'
        ? /^[0-9a-fA-F]{2}/.exec(pattern.slice(i + 1))
        : null;
  if (hex) {
    const code = Number.parseInt(hex[0], 16);
    // Surrogates are halves of one character in JavaScript, nothing in PostgreSQL.
    if (code >= 0xd800 && code <= 0xdfff) return null;
    return { text: `\\u${code.toString(16).padStart(4, '0')}`, next: i + 1 + hex[0].length };
  }
  return PUNCTUATION.test(c) ? { text: `\\${c}`, next: i + 1 } : null;
}

/** A bracket expression starting at `i` (the `[`): its PostgreSQL text, or null. */
function bracket(pattern: string, i: number): { text: string; next: number } | null {
  let j = i + 1;
  let out = '[';
  if (pattern[j] === '^') {
    out += '^';
    j++;
  }
  const first = j;
  while (j < pattern.length && pattern[j] !== ']') {
    const c = pattern[j]!;
    if (c === '\\') {
      const e = escaped(pattern, j + 1, true);
      if (!e) return null;
      out += e.text;
      j = e.next;
    } else {
      // `[` opens [:class:] and friends in PostgreSQL; `-` at an end is a literal in both.
      out += c === '[' ? '\\[' : c;
      j += c.length;
    }
  }
  if (j >= pattern.length || j === first) return null;
  return { text: `${out}]`, next: j + 1 };
}

/** A repeat `{n}`, `{n,}` or `{n,m}` at `i` with counts ≤ 255 (PostgreSQL's bound), or null. */
function repeat(pattern: string, i: number): { text: string; next: number } | null {
  const m = /^\{(\d{1,3})(,(\d{0,3}))?\}/.exec(pattern.slice(i));
  if (!m) return null;
  const [low, high] = [Number(m[1]), m[3] ? Number(m[3]) : null];
  if (low > 255 || (high !== null && (high > 255 || high < low))) return null;
  return { text: m[0], next: i + m[0].length };
}

export function pgPattern(pattern: string): PgPattern {
  let out = '';
  let i = 0;
  let depth = 0;
  const refuse = (at: number): PgPattern => ({ ok: false, fragment: pattern.slice(at, at + 6) || pattern });
  while (i < pattern.length) {
    const c = pattern[i]!;
    let part: { text: string; next: number } | null;
    if (c === '\\') part = escaped(pattern, i + 1, false);
    else if (c === '[') part = bracket(pattern, i);
    else if (c === '{') part = repeat(pattern, i);
    else if (c === '.') part = { text: '[^\\n]', next: i + 1 };
    else if (c === '(') {
      const group = pattern.startsWith('(?:', i) ? '(?:' : pattern[i + 1] === '?' ? null : '(';
      part = group ? { text: group, next: i + group.length } : null;
      depth++;
    } else if (c === ')') {
      part = depth > 0 ? { text: ')', next: i + 1 } : null;
      depth--;
    } else if (c === '}' || c === ']') part = { text: `\\${c}`, next: i + 1 };
    else {
      const ch = String.fromCodePoint(pattern.codePointAt(i)!);
      part = { text: ch, next: i + ch.length };
    }
    if (!part) return refuse(i);
    out += part.text;
    i = part.next;
  }
  return depth === 0 ? { ok: true, source: out } : refuse(0);
}
