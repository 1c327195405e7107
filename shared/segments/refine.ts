// What a segment refuses beyond the condition node's own checks: fields only a running flow knows
// (`reply.text`), and `matches` patterns that would not mean the same in PostgreSQL (regex.ts) or
// could freeze a backtracking engine.
import type { z } from 'zod';
import { regexProblem } from '../flow/regex.ts';
import { fieldRef } from '../flow/rule-fields.ts';
import { schemaError } from '../schema-issues.ts';
import { pgPattern } from './regex.ts';

type Rule = { field: string; op: string; value?: unknown };

/** Why a segment cannot use `pattern` (the fragment to show), or null when it can. */
export function segmentPatternProblem(pattern: string): string | null {
  const problem = regexProblem(pattern);
  if (problem) return problem.code === 'unsupported_regex' ? problem.fragment : pattern.slice(0, 20);
  const pg = pgPattern(pattern);
  return pg.ok ? null : pg.fragment;
}

export function refineSegmentRules(value: { rules: Rule[] }, ctx: z.RefinementCtx): void {
  value.rules.forEach((rule, i) => {
    if (fieldRef(rule.field)?.kind === 'reply')
      ctx.addIssue({
        code: 'custom',
        path: ['rules', i, 'field'],
        ...schemaError('segment_field', { field: rule.field }),
      });
    if (rule.op !== 'matches') return;
    const fragment = segmentPatternProblem(String(rule.value ?? ''));
    if (fragment !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['rules', i, 'value'],
        ...schemaError('segment_regex', { fragment }),
      });
  });
}
