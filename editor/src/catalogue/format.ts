// The catalogue's message syntax, a small part of ICU MessageFormat: `{name}` puts a value in, and
// `{name, select, a {…} b {…} other {…}}` picks a branch by the value (branches may hold `{name}`s).
// A value the message names but `values` lacks stays as `{name}`, so a missing parameter shows.

export type MessageValues = Readonly<Record<string, unknown>>;

/** The index of the `}` that closes the `{` at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces in message: ${text}`);
}

/** `a {…} b {…}` → the branch texts by key. */
function branches(text: string): Map<string, string> {
  const found = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const end = closing(text, open);
    found.set(text.slice(i, open).trim(), text.slice(open + 1, end));
    i = end + 1;
  }
  return found;
}

function argument(body: string, values: MessageValues): string {
  const [name = '', kind, ...rest] = body.split(',');
  const key = name.trim();
  if (kind === undefined) return Object.hasOwn(values, key) ? String(values[key]) : `{${key}}`;
  if (kind.trim() !== 'select') throw new Error(`Unsupported message argument: {${body}}`);
  const options = branches(rest.join(','));
  const chosen = options.get(String(values[key])) ?? options.get('other') ?? '';
  return formatMessage(chosen, values);
}

export function formatMessage(message: string, values: MessageValues = {}): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open < 0) return out + message.slice(i);
    const end = closing(message, open);
    out += message.slice(i, open) + argument(message.slice(open + 1, end), values);
    i = end + 1;
  }
  return out;
}

/** The names of the values a message reads (in any branch), for checking two languages say the same. */
export function messageArguments(message: string, names = new Set<string>()): Set<string> {
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open < 0) break;
    const end = closing(message, open);
    const [name = '', kind, ...rest] = message.slice(open + 1, end).split(',');
    names.add(name.trim());
    if (kind !== undefined)
      for (const branch of branches(rest.join(',')).values()) messageArguments(branch, names);
    i = end + 1;
  }
  return names;
}
