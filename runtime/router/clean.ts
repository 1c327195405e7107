// What WeChat hands us is kept as text PostgreSQL can store and people can read: control
// characters (NUL included) go, and a lone UTF-16 surrogate becomes U+FFFD — jsonb and text
// columns refuse both, and a message must never be lost for one stray code unit.

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const cleanText = (text: string): string =>
  text.replace(LONE_SURROGATE, '\ufffd').replace(CONTROL, '');

/** A name, alias, handle or topic: cleaned, and null/undefined kept as they are. */
export const cleanName = <T extends string | null | undefined>(text: T): T =>
  (typeof text === 'string' ? cleanText(text) : text) as T;
