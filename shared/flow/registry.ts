// A set of node types by name. The lint, the compiler, the turn driver and the editor only ever reach
// a node type through one, so a new type is one file plus one line in shared/nodes/index.ts.

import type { AnyNodeDefinition } from './node-definition.ts';
import type { ProvidedVariables } from './variables.ts';
import type { WaitKind, WaitKinds } from './wake.ts';

export type NodeRegistry = WaitKinds & {
  readonly types: readonly AnyNodeDefinition[];
  get(type: string): AnyNodeDefinition | undefined;
  /** Every namespace some node type provides to templates (`coupon`, `reply`…), merged. */
  readonly provided: ProvidedVariables;
};

export function createRegistry(types: readonly AnyNodeDefinition[]): NodeRegistry {
  const byType = new Map<string, AnyNodeDefinition>();
  const waits = new Map<string, WaitKind>();
  const provided: Record<string, string[]> = {};
  for (const definition of types) {
    if (byType.has(definition.type)) throw new Error(`Node type ${definition.type} is registered twice`);
    byType.set(definition.type, definition);
    for (const [namespace, fields] of Object.entries(definition.provides ?? {})) {
      provided[namespace] = [...new Set([...(provided[namespace] ?? []), ...fields])];
    }
    // Several types may share one kind (`timeout`); two different kinds under one name would be ambiguous.
    for (const wait of definition.waitKinds ?? []) {
      if ((waits.get(wait.kind) ?? wait) !== wait)
        throw new Error(`Wait kind ${wait.kind} is registered twice`);
      waits.set(wait.kind, wait);
    }
  }
  return { types, get: (type) => byType.get(type), provided, waitKind: (kind) => waits.get(kind) };
}
