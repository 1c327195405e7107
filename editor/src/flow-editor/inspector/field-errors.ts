// What is wrong with the selected node, per form field: its data parsed live against the schema,
// plus the flow lint's issues for the node (`path` like `data.rules.0.value`), each said from its
// code and params without the place (the form shows the card and its fields already).
import { type Issue, LINT_LEVELS } from '../../../../shared/flow/issues.ts';
import type { AnyNodeDefinition } from '../../../../shared/flow/node-definition.ts';
import { issueDetail } from '../../catalogue/issue-text.ts';
import { zodIssueText } from '../../catalogue/schema-text.ts';
import type { Lang } from '../../i18n.ts';
import type { NodeData } from './field-values.ts';

/** `path` continues inside the field: `[0, 'value']` is the first rule's value. */
export type FieldError = { path: string[]; message: string; level: 'error' | 'warning' };

export type NodeErrors = { byField: Map<string, FieldError[]>; node: FieldError[] };

export function nodeErrors(
  definition: AnyNodeDefinition,
  data: NodeData,
  issues: readonly Issue[],
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
    add(issue.path.map(String), zodIssueText(issue, data, lang), 'error');
  for (const issue of issues) {
    const [root, ...path] = issue.path?.split('.') ?? [];
    // The live parse above already reports the data's schema errors, in the current language.
    if (issue.code === 'invalid_data' && root === 'data') continue;
    const level = LINT_LEVELS[issue.code];
    add(root === 'data' ? path : [], issueDetail(issue, lang), level);
  }
  return result;
}

/** Whether an error points inside `path` of the field (a list item, a rule's value…). */
export const errorAt = (errors: readonly FieldError[], ...path: (string | number)[]): boolean =>
  errors.some((error) => path.every((part, i) => error.path[i] === String(part)));
