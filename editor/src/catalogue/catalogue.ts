// The editor's one message catalogue per language (STYLE §8): lint issues, API errors and our own
// schema refinements, each keyed by its code and filled in from its `params` (format.ts syntax).
// The code lists come from shared/, so a code without a sentence here is a type error, and
// catalogue.test.ts fails on an empty or mismatched one.
import type { ApiErrorCode, NotFoundWhat } from '../../../shared/api/errors.ts';
import type { LintCode } from '../../../shared/flow/issues.ts';
import type { VariableProblem } from '../../../shared/flow/variables.ts';
import type { SchemaCode } from '../../../shared/schema-issues.ts';
import type { Lang } from '../i18n.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type Catalogue = {
  /** A lint code's heading in the lint panel and the publish dialog. */
  lintTitle: Record<LintCode, string>;
  /** What is wrong, without where: the place (card › field) goes before it by `words.at`. */
  lint: Record<LintCode, string>;
  /** Why `unknown_variable` refused a name (`params.reason`). */
  variable: Record<VariableProblem, string>;
  api: Record<ApiErrorCode, string>;
  /** The `{thing}` of `not_found`, by `params.what`. */
  notFound: Record<NotFoundWhat, string>;
  /** Our own schema refinements, by the `code` in a custom zod issue's `params`. */
  schema: Record<SchemaCode, string>;
  /** zod issues a form says more simply than zod's locale does. */
  form: { required: string; atLeast: string; atMost: string };
  words: {
    /** A sentence at its place: `{place}: {detail}`. */
    at: string;
    unknownCard: string;
    /** A card the marketer named: its type's label and the name, `{card}` and `{name}`. */
    named: string;
    /** A node or edge of a document too broken to name, by its position. */
    card: string;
    connection: string;
    /** A port's label quoted in a sentence. */
    quote: string;
    listSeparator: string;
    /** A refused request and its fields: `{message}: {fields}`. */
    withFields: string;
    fieldSeparator: string;
    offline: string;
  };
};

export const CATALOGUES: Record<Lang, Catalogue> = { 'zh-CN': zhCN, en };

/** `record[key]` when `key` is one of its own (a code from a newer server is not). */
export const own = <T>(record: Readonly<Record<string, T>>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.hasOwn(record, key) ? record[key] : undefined;
