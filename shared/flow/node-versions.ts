// Node data is a stored contract (DESIGN "Stored contracts are versioned"): every node of a flow
// document, and every entry of a published version, records the version of its type's data it was
// written at (absent: 1, written before versions existed). Readers migrate it to the type's current
// version first, so a draft or a version published months ago means what it meant then.

import type { AnyNodeDefinition } from './node-definition.ts';
import type { NodeRegistry } from './registry.ts';

/** The data at the type's current version, or the newer version this build cannot read. */
export type CurrentData = { ok: true; data: unknown } | { ok: false; version: number };

/** `data` written at `version` (default 1) as data of the type's current version. */
export function currentData(definition: AnyNodeDefinition, data: unknown, version = 1): CurrentData {
  if (version > definition.version) return { ok: false, version };
  if (version === definition.version || !definition.migrate) return { ok: true, data };
  return { ok: true, data: definition.migrate(data, version) };
}

type StoredNode = { type: string; version?: number | undefined; data?: unknown };

/**
 * A document node at its type's current version, with that version recorded: how the editor opens a
 * draft. A node of an unknown type or of a newer version comes back as it is.
 */
export function upgradeNode<N extends StoredNode>(node: N, registry: NodeRegistry): N {
  const definition = registry.get(node.type);
  if (!definition) return node;
  const current = currentData(definition, node.data ?? {}, node.version);
  return current.ok ? { ...node, version: definition.version, data: current.data } : node;
}
