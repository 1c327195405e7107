// Shared by the lint's tests (validate*.test.ts): cards, edges, a chain of cards from a keyword
// trigger, and the issues of one code a graph gets.
import type { LintCode } from './issues.ts';
import { type LintContext, validate } from './validate.ts';

export type Node = { id: string; type: string; data?: unknown };
type Edge = { id: string; source: string; target: string; sourceHandle?: string | null };

export const trigger: Node = { id: 't', type: 'trigger.keyword', data: { keywords: ['hi'] } };
export const send = (id: string, text = 'hello'): Node => ({ id, type: 'send', data: { text } });
export const edge = (source: string, target: string, sourceHandle?: string): Edge => ({
  id: `${source}-${sourceHandle ?? ''}-${target}`,
  source,
  target,
  ...(sourceHandle === undefined ? {} : { sourceHandle }),
});
/** trigger → nodes[0] → nodes[1] → … through each node's `next`. */
export const chain = (...nodes: Node[]) => ({
  nodes: [trigger, ...nodes],
  edges: [trigger, ...nodes].slice(0, -1).map((node, i) => edge(node.id, nodes[i]!.id, 'next')),
});

export const issuesOf = (graph: unknown, code: LintCode, context?: LintContext) => {
  const { errors, warnings } = validate(graph, context);
  return [...errors, ...warnings].filter((issue) => issue.code === code);
};
