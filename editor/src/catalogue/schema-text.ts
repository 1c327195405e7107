// A schema issue (a lint `invalid_data` issue's `params.issue`, a field of an API `invalid_request`,
// the inspector's live parse) in the reader's language: our own refinements by their code from the
// catalogue, a missing value or a list's size the way a form says it, anything else by zod's locale.
import type { z } from 'zod';
import { en, zhCN } from 'zod/v4/locales';
import type { Params } from '../../../shared/i18n.ts';
import { type SchemaIssue, schemaIssueOf } from '../../../shared/schema-issues.ts';
import type { Lang } from '../i18n.ts';
import { CATALOGUES, own } from './catalogue.ts';
import { formatMessage } from './format.ts';

const ZOD_LOCALES: Record<Lang, z.core.$ZodErrorMap> = { 'zh-CN': zhCN().localeError, en: en().localeError };

/** An input of each type zod names, for its locale's "received …" (the issue carries the name). */
const SAMPLE_INPUTS: Record<string, unknown> = {
  string: '',
  number: 0,
  nan: Number.NaN,
  boolean: false,
  bigint: 0n,
  null: null,
  array: [],
  object: {},
};

const isObject = (value: unknown): value is Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Our own refinement's code and values, when `issue` is one (or a record key refused by one). */
function ownIssue(issue: SchemaIssue): Params | undefined {
  if (issue.code === 'custom' && isObject(issue.params) && typeof issue.params.code === 'string')
    return issue.params;
  const [inner] = Array.isArray(issue.issues) ? issue.issues : [];
  return isObject(inner) && typeof inner.code === 'string' ? ownIssue(inner as SchemaIssue) : undefined;
}

function formText(issue: SchemaIssue, lang: Lang): string | undefined {
  const { form } = CATALOGUES[lang];
  const { code, origin, minimum, maximum } = issue;
  if (code === 'invalid_type' && (issue.received === 'undefined' || issue.received === 'null'))
    return form.required;
  if (code === 'too_small' && origin === 'string' && Number(minimum) <= 1) return form.required;
  if (code === 'too_small' && origin === 'array') return formatMessage(form.atLeast, { n: minimum });
  if (code === 'too_big' && origin === 'array') return formatMessage(form.atMost, { n: maximum });
  return undefined;
}

function zodText(issue: SchemaIssue, lang: Lang): string {
  const input = typeof issue.received === 'string' ? SAMPLE_INPUTS[issue.received] : undefined;
  const text = ZOD_LOCALES[lang]({ ...issue, input } as never);
  return (typeof text === 'string' ? text : text?.message) ?? issue.code;
}

export function schemaText(issue: SchemaIssue, lang: Lang): string {
  const mine = ownIssue(issue);
  const template = mine && own(CATALOGUES[lang].schema, mine.code);
  if (template) return formatMessage(template, mine);
  return formText(issue, lang) ?? zodText(issue, lang);
}

/** A zod issue of a parse in this page (the inspector's live check) in `lang`. */
export const zodIssueText = (issue: z.core.$ZodIssue, input: unknown, lang: Lang): string =>
  schemaText(schemaIssueOf(issue, input), lang);
