// What is wrong with the selected node, per form field: its data parsed live against the schema,
// plus the flow lint's issues for the node (`path` like `data.rules.0.value`), without the place
// their message starts with.
import type { z } from 'zod';
import { type Issue, LINT_LEVELS } from '../../../../shared/flow/issues.ts';
import type { AnyNodeDefinition } from '../../../../shared/flow/node-definition.ts';
import { ATTRIBUTE_KEY } from '../../../../shared/flow/variables.ts';
import type { Lang } from '../../i18n.ts';
import { issueDetail, issueText } from '../issue-text.ts';
import type { NodeData } from './field-values.ts';
import type { InspectorT } from './messages.ts';

/** `path` continues inside the field: `[0, 'value']` is the first rule's value. */
export type FieldError = { path: string[]; message: string; level: 'error' | 'warning' };

export type NodeErrors = { byField: Map<string, FieldError[]>; node: FieldError[] };

/** zod's generic English texts, said the way the form says them; the rest through `issueText`. */
function zodMessage(issue: z.core.$ZodIssue, t: InspectorT, lang: Lang): string {
  if (issue.code === 'invalid_type') return t('required');
  if (issue.code === 'invalid_format' && issue.pattern === String(ATTRIBUTE_KEY)) return t('badAttribute');
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1)
    return t('required');
  if (issue.code === 'too_small' && issue.origin === 'array')
    return t('atLeast', { n: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'array') return t('atMost', { n: Number(issue.maximum) });
  return issueText(issue.message, lang);
}

export function nodeErrors(
  definition: AnyNodeDefinition,
  data: NodeData,
  issues: readonly Issue[],
  t: InspectorT,
  lang: Lang,
): NodeErrors {
  const result: NodeErrors = { byField: new Map(), node: [] };
  const push = (list: FieldError[], error: FieldError) => {
    const same = (other: FieldError) =>
      other.message === error.message && other.path.join('.') === error.path.join('.');
    if (!list.some(same)) list.push(error);
  };
  const add = (path: string[], message: string, level: FieldError['level']) => {
    const [key, ...rest] = path;
    if (key === undefined || !Object.hasOwn(definition.data.shape, key))
      return push(result.node, { path: [], message, level });
    if (!result.byField.has(key)) result.byField.set(key, []);
    push(result.byField.get(key)!, { path: rest, message, level });
  };
  const parsed = definition.data.safeParse(data);
  for (const issue of parsed.error?.issues ?? [])
    add(issue.path.map(String), zodMessage(issue, t, lang), 'error');
  for (const issue of issues) {
    const [root, ...path] = issue.path?.split('.') ?? [];
    // The live parse above already reports the data's schema errors, in the current language.
    if (issue.code === 'invalid_data' && root === 'data') continue;
    const level = LINT_LEVELS[issue.code];
    // The form shows the card and its fields already: say only what is wrong.
    add(root === 'data' ? path : [], issueDetail(issue.message, lang), level);
  }
  return result;
}

/** Whether an error points inside `path` of the field (a list item, a rule's value…). */
export const errorAt = (errors: readonly FieldError[], ...path: (string | number)[]): boolean =>
  errors.some((error) => path.every((part, i) => error.path[i] === String(part)));
