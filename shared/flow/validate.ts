// `validate(graph, context?)`: the flow lint of NODES.md. Never throws, whatever it is given.

import { nodeRegistry } from '../nodes/index.ts';
import { analyze, type FlowModel } from './analyze.ts';
import { graphIssues, type OpenEnd, openEnds } from './graph-checks.ts';
import { type Issue, splitIssues, type ValidationResult } from './issues.ts';
import { atNamedCard } from './places.ts';
import { regexIssues } from './regex-checks.ts';
import type { NodeRegistry } from './registry.ts';
import { type LintContext, roomIssues } from './room-checks.ts';
import { variableIssues } from './variable-checks.ts';

export type { LintContext } from './room-checks.ts';

/**
 * The model of `graph` with every lint issue, in document order within each rule. `context` says what
 * the lint may know of the workspace (its room sets); without it those names are not checked.
 */
export function lint(
  graph: unknown,
  context: LintContext = {},
  registry: NodeRegistry = nodeRegistry,
): FlowModel {
  const model = analyze(graph, registry);
  const issues: Issue[] = [...model.issues];
  if (!model.nodes.some((node) => node.definition?.trigger)) {
    const message = 'The flow has no trigger: nothing would start a run';
    issues.push({ code: 'no_trigger', message, params: {} });
  }
  issues.push(
    ...variableIssues(model, registry),
    ...regexIssues(model),
    ...roomIssues(model, context),
    ...graphIssues(model, registry),
  );
  const labelOf = (nodeId: string | undefined) => (nodeId ? model.byId.get(nodeId)?.label : undefined);
  return { ...model, issues: issues.map((issue) => atNamedCard(issue, labelOf(issue.nodeId))) };
}

export function validate(
  graph: unknown,
  context: LintContext = {},
  registry: NodeRegistry = nodeRegistry,
): ValidationResult {
  return splitIssues(lint(graph, context, registry).issues);
}

/**
 * The unwired ports of a flow and how the run ends at each: the editor hints at them on the card
 * (only `main` ones are `dead_end` warnings). Never throws.
 */
export function openEndPorts(graph: unknown, registry: NodeRegistry = nodeRegistry): OpenEnd[] {
  return openEnds(analyze(graph, registry));
}
