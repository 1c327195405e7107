// Flow lint issues (NODES.md "Validation"): every code with its level. Publishing is refused
// while a flow has errors; warnings are shown in the editor.

export const LINT_LEVELS = {
  no_trigger: 'error',
  unknown_type: 'error',
  invalid_data: 'error',
  duplicate_id: 'error',
  dangling_edge: 'error',
  unknown_port: 'error',
  port_reused: 'error',
  trigger_has_incoming: 'error',
  instant_loop: 'error',
  unknown_variable: 'error',
  unset_attribute: 'warning',
  unreachable: 'warning',
  message_burst: 'warning',
  dead_end: 'warning',
} as const;

export type LintCode = keyof typeof LINT_LEVELS;

/** `path` names the field inside the node or edge, e.g. `data.rules.0.value` or `sourceHandle`. */
export type Issue = { code: LintCode; message: string; nodeId?: string; edgeId?: string; path?: string };

export type ValidationResult = { errors: Issue[]; warnings: Issue[] };

export function splitIssues(issues: readonly Issue[]): ValidationResult {
  return {
    errors: issues.filter((issue) => LINT_LEVELS[issue.code] === 'error'),
    warnings: issues.filter((issue) => LINT_LEVELS[issue.code] === 'warning'),
  };
}
