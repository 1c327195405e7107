// Names a template or condition can read (`contact.name`, `attributes.city`, `coupon.code`, `tags`):
// checking them at publish time and reading them from a run's context. Every lookup is an own-property
// check: `{{constructor.name}}` or `{{toString}}` must be an unknown name, never Object's own members.

import type { FlowContext, Scalar } from './context.ts';

export const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const CONTACT_FIELDS = ['name', 'alias'] as const;

/** Namespaces node types add for later nodes to read, e.g. `{ coupon: ['code', 'pool'] }`. */
export type ProvidedVariables = Record<string, readonly string[]>;

export type VariableProblem = 'tags_list' | 'bad_attribute_key' | 'unknown_namespace' | 'unknown_field';

export type VariableCheck =
  | { ok: true; attribute?: string }
  | { ok: false; reason: VariableProblem; message: string };

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * Whether `name` is a variable this product knows. `tags` (a list) is only readable by conditions,
 * not printable in a template. `attribute` is set when the name reads a contact attribute, so the
 * lint can warn when no node of the flow writes it.
 */
export function checkVariable(name: string, provided: ProvidedVariables, allowTags = false): VariableCheck {
  if (name === 'tags')
    return allowTags
      ? { ok: true }
      : { ok: false, reason: 'tags_list', message: '`tags` is a list: use a condition' };
  const dot = name.indexOf('.');
  const namespace = dot < 0 ? name : name.slice(0, dot);
  const field = dot < 0 ? '' : name.slice(dot + 1);
  if (namespace === 'attributes') {
    return ATTRIBUTE_KEY.test(field)
      ? { ok: true, attribute: field }
      : { ok: false, reason: 'bad_attribute_key', message: `\`${field}\` is not a valid attribute key` };
  }
  const fields = namespace === 'contact' ? CONTACT_FIELDS : own(provided, namespace);
  if (!fields)
    return { ok: false, reason: 'unknown_namespace', message: `unknown namespace \`${namespace}\`` };
  return fields.includes(field)
    ? { ok: true }
    : { ok: false, reason: 'unknown_field', message: `unknown field \`${name}\`` };
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
