// Lint rules about variables: every template names a known variable (`unknown_variable`), and
// every attribute read is written by some node of the flow (`unset_attribute`).

import type { FlowModel } from './analyze.ts';
import type { Issue } from './issues.ts';
import { templateTexts } from './node-definition.ts';
import { type Place, placeOf } from './places.ts';
import type { NodeRegistry } from './registry.ts';
import { templateVariables } from './template.ts';
import { checkVariable } from './variables.ts';

type Read = { nodeId: string; path: string; place: Place; attribute: string };

export function variableIssues(model: FlowModel, registry: NodeRegistry): Issue[] {
  const issues: Issue[] = [];
  const reads: Read[] = [];
  const written = new Set<string>();
  for (const { id: nodeId, type, definition, data } of model.nodes) {
    if (!definition || !data) continue;
    for (const key of definition.writes?.(data) ?? []) written.add(key);
    const names = [
      ...templateTexts(definition, data).flatMap(({ path, text }) =>
        templateVariables(text).map(({ name }) => ({ path, name, inTemplate: true })),
      ),
      ...(definition.reads?.(data) ?? []).map((ref) => ({ ...ref, inTemplate: false })),
    ];
    for (const { path, name, inTemplate } of names) {
      const check = checkVariable(name, registry.provided, !inTemplate);
      const place = placeOf(definition, type, path);
      if (!check.ok) {
        const { reason, namespace, field } = check;
        const params = { ...place.params, variable: name, reason, namespace, key: field };
        const message = `${place.text}: {{${name}}}: ${check.message}`;
        issues.push({ code: 'unknown_variable', message, params, nodeId, path });
      } else if (check.attribute) reads.push({ nodeId, path, place, attribute: check.attribute });
    }
  }
  for (const { nodeId, path, place, attribute } of reads) {
    if (written.has(attribute)) continue;
    const message = `${place.text}: no card of this flow sets the attribute \`${attribute}\`: it is empty unless set elsewhere`;
    issues.push({ code: 'unset_attribute', message, params: { ...place.params, attribute }, nodeId, path });
  }
  return issues;
}
