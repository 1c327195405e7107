// Variables a template of this flow can print, for the `{{` autocomplete and the attribute lists.
import type { FlowDocument } from '../../../../shared/flow/document.ts';
import { ATTRIBUTE_KEY, CONTACT_FIELDS } from '../../../../shared/flow/variables.ts';
import { nodeRegistry } from '../../../../shared/nodes/index.ts';

/** Attribute keys some node of the document writes, sorted; nodes still being edited count too. */
export function writtenAttributes(doc: FlowDocument): string[] {
  const keys = doc.nodes.flatMap((node) => {
    const definition = nodeRegistry.get(node.type);
    if (!definition?.writes) return [];
    const parsed = definition.data.safeParse(node.data ?? {});
    const data = parsed.success ? parsed.data : { ...(node.data as Record<string, unknown> | undefined) };
    return definition.writes(data).filter((key) => ATTRIBUTE_KEY.test(key));
  });
  return [...new Set(keys)].sort();
}

/**
 * Every name the lint accepts in a `{{…}}` of this flow: contact fields, the attributes its nodes
 * write and what node types provide (`coupon.code`, `reply.text`…). `tags` is a list, not printable.
 */
export function availableVariables(doc: FlowDocument): string[] {
  const provided = Object.entries(nodeRegistry.provided).flatMap(([namespace, fields]) =>
    fields.map((field) => `${namespace}.${field}`),
  );
  return [
    ...CONTACT_FIELDS.map((field) => `contact.${field}`),
    ...writtenAttributes(doc).map((key) => `attributes.${key}`),
    ...provided,
  ];
}

/** What a condition rule can read (NODES.md `condition`): contact fields, attributes, tags, the reply. */
export function conditionFields(doc: FlowDocument): string[] {
  return [
    ...CONTACT_FIELDS.map((field) => `contact.${field}`),
    ...writtenAttributes(doc).map((key) => `attributes.${key}`),
    'tags',
    'reply.text',
  ];
}
