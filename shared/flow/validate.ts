// `validate(graph)`: the flow lint of NODES.md. Never throws, whatever it is given.

import { nodeRegistry } from '../nodes/index.ts';
import { analyze, type FlowModel } from './analyze.ts';
import { graphIssues } from './graph-checks.ts';
import { type Issue, splitIssues, type ValidationResult } from './issues.ts';
import type { NodeRegistry } from './registry.ts';
import { variableIssues } from './variable-checks.ts';

/** The model of `graph` with every lint issue, in document order within each rule. */
export function lint(graph: unknown, registry: NodeRegistry = nodeRegistry): FlowModel {
  const model = analyze(graph, registry);
  const issues: Issue[] = [...model.issues];
  if (!model.nodes.some((node) => node.definition?.trigger)) {
    issues.push({ code: 'no_trigger', message: 'The flow has no trigger: nothing would start a run' });
  }
  issues.push(...variableIssues(model, registry), ...graphIssues(model));
  return { ...model, issues };
}

export function validate(graph: unknown, registry: NodeRegistry = nodeRegistry): ValidationResult {
  return splitIssues(lint(graph, registry).issues);
}
