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
  unsafe_regex: 'error',
  unsupported_regex: 'error',
  unset_attribute: 'warning',
  unreachable: 'warning',
  message_burst: 'warning',
  dead_end: 'warning',
} as const;

export type LintCode = keyof typeof LINT_LEVELS;

/**
 * The values a message is built from, so a client can phrase the issue in its own language:
 * `node` / `nodeType` (the card), `field` / `fieldKey` / `item` / `part` (where in its form),
 * `port` / `portLabel`, `attribute`, `variable`, `count`… Labels are the English ones.
 */
export type IssueParams = Record<string, string | number | string[]>;

/**
 * `message` is English and names cards and fields by their labels, never by id or JSON path;
 * `path` names the field inside the node or edge for tools, e.g. `data.rules.0.value` or `sourceHandle`.
 */
export type Issue = {
  code: LintCode;
  message: string;
  params?: IssueParams;
  nodeId?: string;
  edgeId?: string;
  path?: string;
};

export type ValidationResult = { errors: Issue[]; warnings: Issue[] };

export function splitIssues(issues: readonly Issue[]): ValidationResult {
  return {
    errors: issues.filter((issue) => LINT_LEVELS[issue.code] === 'error'),
    warnings: issues.filter((issue) => LINT_LEVELS[issue.code] === 'warning'),
  };
}
