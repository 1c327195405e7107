// Lint rules about the regular expressions nodes run (their `patterns`): a pattern RE2 cannot run
// (`unsupported_regex`) and one that could freeze a backtracking engine (`unsafe_regex`).

import type { FlowModel } from './analyze.ts';
import type { Issue, IssueParams } from './issues.ts';
import { placeOf } from './places.ts';
import { isValidRegex, MAX_REGEX_REPETITIONS, regexProblem } from './regex.ts';

const UNSUPPORTED =
  'patterns may not use backreferences (\\1), lookarounds ((?=…), (?<=…)) or repeat counts above 1000';

export function regexIssues(model: FlowModel): Issue[] {
  const issues: Issue[] = [];
  for (const { id: nodeId, type, definition, data } of model.nodes) {
    if (!definition || !data) continue;
    for (const { path, pattern } of definition.patterns?.(data) ?? []) {
      // An empty or unparsable pattern is already the schema's `invalid_data`.
      if (pattern === '' || !isValidRegex(pattern)) continue;
      const problem = regexProblem(pattern);
      if (!problem) continue;
      const { text, params } = placeOf(definition, type, path);
      const detail =
        problem.code === 'unsupported_regex'
          ? `\`${problem.fragment}\` cannot run here: ${UNSUPPORTED}`
          : problem.reason === 'nested'
            ? `this pattern could freeze the server on some messages (a repetition inside a repetition such as (a+)+, or more than ${MAX_REGEX_REPETITIONS} repetitions): simplify it`
            : 'this pattern is too complex to match quickly: simplify it';
      const extra: IssueParams =
        problem.code === 'unsupported_regex'
          ? { fragment: problem.fragment }
          : { reason: problem.reason, max: MAX_REGEX_REPETITIONS };
      issues.push({
        code: problem.code,
        message: `${text}: ${detail}`,
        params: { ...params, pattern, ...extra },
        nodeId,
        path,
      });
    }
  }
  return issues;
}
