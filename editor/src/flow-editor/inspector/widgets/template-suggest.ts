// The `{{` autocomplete's text logic: which placeholder the caret is typing, and inserting a name
// into it. Syntax as shared/flow/template.ts reads it: `{{name}}` or `{{name|fallback}}`.

/** A placeholder being typed: `start` is the index of its `{{`, `query` what follows up to the caret. */
export type OpenPlaceholder = { start: number; query: string };

export function openPlaceholder(text: string, caret: number): OpenPlaceholder | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('{{');
  if (start < 0) return null;
  const query = before.slice(start + 2);
  // Past a `|` the user types the fallback; a brace or a line break means the placeholder is over.
  return /[{}|\n]/.test(query) ? null : { start, query };
}

export function filterVariables(variables: readonly string[], query: string): string[] {
  const needle = query.trim().toLowerCase();
  return variables.filter((name) => name.toLowerCase().includes(needle));
}

/**
 * The text with `name` completing the open placeholder, and where the caret goes (after the
 * closing braces). Inside an existing placeholder the rest of the old name is replaced and its
 * `}}` or `|fallback}}` is kept.
 */
export function insertVariable(text: string, caret: number, open: OpenPlaceholder, name: string) {
  const rest = text.slice(caret);
  const oldName = /^[^{}|\s]*/.exec(rest)?.[0] ?? '';
  const after = rest.slice(oldName.length);
  const head = `${text.slice(0, open.start)}{{${name}`;
  if (after.startsWith('}}')) return { text: head + after, caret: head.length + 2 };
  if (after.startsWith('|')) return { text: head + after, caret: head.length };
  return { text: `${head}}}${rest}`, caret: head.length + 2 };
}
