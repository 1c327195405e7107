// How a node type's card looks, as data the type's own file declares (STYLE §1): an icon as SVG path
// data and a summary naming which data fields to show and how. The editor draws both for every type
// (`editor/src/flow-editor/node-summary.tsx`), so `shared/` stays free of React.

import type { Localized } from '../i18n.ts';
import type { Scalar } from './context.ts';

/**
 * SVG path data on a 24-px grid (Lucide's), drawn as a 1.8-px line in the category's colour:
 * `'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 2'` is a clock.
 */
export type NodeIcon = string;

/**
 * Words of a summary. `{path}` is filled in from the node's data (`{window.from}`; inside a `list`,
 * from the item), `{path|format}` formats it first: `option` (the label of the field's select option
 * or, in a list, of the list field's), `duration` (ISO-8601 in words), `count` (a list's length).
 * An empty value shows the part's `empty`, by default the editor's "not set". A plain string reads the
 * same in every language (placeholders and signs only, such as `'{key}'`).
 */
export type SummaryText = Localized | string;

/** How a word looks: `plain` text, `strong`, `muted` (secondary) or `faint` (a sign between parts). */
export type SummaryTone = 'plain' | 'strong' | 'muted' | 'faint';

/** Chip colours: `code` for names (attributes, fields), `add` / `remove` for tags put on or taken off. */
export type ChipTone = 'plain' | 'code' | 'add' | 'remove';

/**
 * Shows the part only when the field (a data path) `is` one of the values, is `not` one of them, or
 * is `filled` (not absent, null, an empty text or an empty list) — or not, with `filled: false`.
 */
export type SummaryWhen = {
  field: string;
  is?: Scalar | null | readonly (Scalar | null)[];
  not?: Scalar | null | readonly (Scalar | null)[];
  filled?: boolean;
};

/** One piece of a card's summary; the card stacks them, a `row` lines its parts up inline. */
export type SummaryPart = { when?: SummaryWhen } & (
  | { show: 'text'; text: SummaryText; tone?: SummaryTone; empty?: SummaryText }
  /** A message text, with its `{{variables}}` drawn as tokens. */
  | { show: 'template'; field: string }
  | { show: 'chip'; text: SummaryText; tone?: ChipTone; empty?: SummaryText }
  /** One chip per item of a list of texts; nothing for an empty list. */
  | { show: 'chips'; field: string; tone?: ChipTone }
  | { show: 'row'; parts: readonly SummaryPart[] }
  /** The first `max` items of a list field, each as a row of `item` parts; `more` says how many are left (`{count}`). */
  | { show: 'list'; field: string; max: number; item: readonly SummaryPart[]; more: SummaryText }
  /** A list of `{label, weight}` items as bars of their share of the total weight. */
  | { show: 'shares'; field: string; label: string; weight: string }
);

/** What a card shows under its title, top to bottom. */
export type NodeSummary = readonly SummaryPart[];

const PLACEHOLDER = /\{([\w.]+)(?:\|(\w+))?\}/g;

export const SUMMARY_FORMATS = ['option', 'duration', 'count'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/** The `{path|format}` placeholders of a summary text, in order. */
export function placeholders(text: string): { path: string; format: string | undefined }[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => ({ path: match[1]!, format: match[2] }));
}

/** `text` with each placeholder replaced by `fill(path, format)`. */
export const fillPlaceholders = (
  text: string,
  fill: (path: string, format: string | undefined) => string,
): string => text.replace(PLACEHOLDER, (_match, path: string, format?: string) => fill(path, format));

/** The value at a dotted path of node data (`window.from`), or undefined; own properties only. */
export function valueAt(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Absent, null, an empty text or an empty list. */
export const isEmptyValue = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

const oneOf = (value: unknown, values: Scalar | null | readonly (Scalar | null)[]): boolean =>
  Array.isArray(values) ? values.includes(value as Scalar) : value === values;

/** Whether a part with this `when` shows, reading values (with their defaults) through `read`. */
export function partShows(when: SummaryWhen | undefined, read: (path: string) => unknown): boolean {
  if (!when) return true;
  const value = read(when.field);
  if (when.is !== undefined && !oneOf(value, when.is)) return false;
  if (when.not !== undefined && oneOf(value, when.not)) return false;
  if (when.filled !== undefined && isEmptyValue(value) === when.filled) return false;
  return true;
}
