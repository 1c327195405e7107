// Names a template or condition can read (`contact.name`, `attributes.city`, `coupon.code`, `tags`):
// checking them at publish time and reading them from a run's context. Every lookup is an own-property
// check: `{{constructor.name}}` or `{{toString}}` must be an unknown name, never Object's own members.

import type { FlowContext, Scalar } from './context.ts';
import { isFactField } from './facts.ts';

export const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const CONTACT_FIELDS = ['name', 'alias'] as const;

/** Namespaces node types add for later nodes to read, e.g. `{ coupon: ['code', 'pool'] }`. */
export type ProvidedVariables = Record<string, readonly string[]>;

/** Why a name is not a variable (`unknown_variable`'s `params.reason`). */
export const VARIABLE_PROBLEMS = [
  'tags_list',
  'condition_only',
  'bad_attribute_key',
  'unknown_namespace',
  'unknown_field',
] as const;
export type VariableProblem = (typeof VARIABLE_PROBLEMS)[number];

/** A refused name says why, in English, and the `namespace` and `field` it was read as (`attributes`, `city`). */
export type VariableCheck =
  | { ok: true; attribute?: string }
  | { ok: false; reason: VariableProblem; message: string; namespace: string; field: string };

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * Whether `name` is a variable this product knows. `tags` (a list) and the facts (`room.member_of`,
 * `contact.activity`…: facts.ts) are only readable by conditions (`inCondition`), not printable in a
 * template. `attribute` is set when the name reads a contact attribute, so the lint can warn when no
 * node of the flow writes it.
 */
export function checkVariable(name: string, provided: ProvidedVariables, inCondition = false): VariableCheck {
  const dot = name.indexOf('.');
  const namespace = dot < 0 ? name : name.slice(0, dot);
  const field = dot < 0 ? '' : name.slice(dot + 1);
  const refused = (reason: VariableProblem, message: string): VariableCheck => ({
    ok: false,
    reason,
    message,
    namespace,
    field,
  });
  if (name === 'tags')
    return inCondition ? { ok: true } : refused('tags_list', '`tags` is a list: use a condition');
  if (isFactField(name))
    return inCondition
      ? { ok: true }
      : refused('condition_only', `\`${name}\` can only be read by a condition`);
  if (namespace === 'attributes') {
    return ATTRIBUTE_KEY.test(field)
      ? { ok: true, attribute: field }
      : refused('bad_attribute_key', `\`${field}\` is not a valid attribute key`);
  }
  const fields = namespace === 'contact' ? CONTACT_FIELDS : own(provided, namespace);
  if (!fields) return refused('unknown_namespace', `unknown namespace \`${namespace}\``);
  return fields.includes(field) ? { ok: true } : refused('unknown_field', `unknown field \`${name}\``);
}

/** The current value of a variable in a run; undefined when unset or unknown. */
export function readVariable(context: FlowContext, name: string): Scalar | string[] | undefined {
  if (name === 'tags') return context.tags;
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const namespace = name.slice(0, dot);
  const field = name.slice(dot + 1);
  if (namespace === 'contact')
    return field === 'name' || field === 'alias' ? context.contact[field] : undefined;
  const source = namespace === 'attributes' ? context.attributes : own(context.vars, namespace);
  return source ? own(source, field) : undefined;
}
