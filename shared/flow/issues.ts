// Flow lint issues (NODES.md "Validation"): every code with its level. Publishing is refused
// while a flow has errors; warnings are shown in the editor.

import type { Params } from '../i18n.ts';

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
  room_without_room: 'error',
  unknown_variable: 'error',
  unsafe_regex: 'error',
  unsupported_regex: 'error',
  unset_attribute: 'warning',
  unknown_room_set: 'warning',
  room_set_low_seats: 'warning',
  unreachable: 'warning',
  message_burst: 'warning',
  dead_end: 'warning',
} as const;

export type LintCode = keyof typeof LINT_LEVELS;

/** Every lint code: a client phrases each one (the editor's catalogue test enumerates them). */
export const LINT_CODES = Object.keys(LINT_LEVELS) as LintCode[];

/**
 * The values a message is built from, so a client can phrase the issue in its own language: where
 * it is (`nodeType`, `fieldKey`, `item`, `partKey` — with `node`, `field` and `part`, their English
 * labels — or `list` and `item` for a broken document), `port` / `portLabel`, `attribute`,
 * `variable`, `count`…, and for `invalid_data` the schema's own `issue` (a SchemaIssue).
 */
export type IssueParams = Params;

/**
 * `message` is English (for logs and scripts) and names cards and fields by their labels, never by
 * id or JSON path; `path` names the field inside the node or edge for tools, e.g.
 * `data.rules.0.value` or `sourceHandle`.
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
