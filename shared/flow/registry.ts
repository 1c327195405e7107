// A set of node types by name. The lint, the compiler and the editor only ever reach a node type
// through one, so a new type is one file plus one line in shared/nodes/index.ts.

import type { AnyNodeDefinition } from './node-definition.ts';
import type { ProvidedVariables } from './variables.ts';

export type NodeRegistry = {
  readonly types: readonly AnyNodeDefinition[];
  get(type: string): AnyNodeDefinition | undefined;
  /** Every namespace some node type provides to templates (`coupon`, `reply`…), merged. */
  readonly provided: ProvidedVariables;
};

export function createRegistry(types: readonly AnyNodeDefinition[]): NodeRegistry {
  const byType = new Map<string, AnyNodeDefinition>();
  const provided: Record<string, string[]> = {};
  for (const definition of types) {
    if (byType.has(definition.type)) throw new Error(`Node type ${definition.type} is registered twice`);
    byType.set(definition.type, definition);
    for (const [namespace, fields] of Object.entries(definition.provides ?? {})) {
      provided[namespace] = [...new Set([...(provided[namespace] ?? []), ...fields])];
    }
  }
  return { types, get: (type) => byType.get(type), provided };
}
