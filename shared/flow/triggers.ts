// Which entry points of a compiled flow an inbound event starts a run at; each trigger type
// decides for itself (its `trigger.matches`), so the router never switches on node type. An entry
// stored at an older version of its type is migrated before the type reads it.

import { nodeRegistry } from '../nodes/index.ts';
import type { FlowEntry } from './compile.ts';
import type { AnyNodeDefinition, TriggerInbound } from './node-definition.ts';
import { currentData } from './node-versions.ts';
import type { NodeRegistry } from './registry.ts';

type EntryTrigger = { trigger: NonNullable<AnyNodeDefinition['trigger']>; data: unknown };

/** The entry's trigger and its data at the type's current version; null when it cannot be read. */
function triggerOf(entry: FlowEntry, registry: NodeRegistry): EntryTrigger | null {
  const definition = registry.get(entry.type);
  if (!definition?.trigger) return null;
  const version = entry.version ?? 1;
  if (version === definition.version) return { trigger: definition.trigger, data: entry.data };
  const current = currentData(definition, entry.data, version);
  const parsed = current.ok ? definition.data.safeParse(current.data) : null;
  return parsed?.success ? { trigger: definition.trigger, data: parsed.data } : null;
}

export function matchingEntries(
  entries: readonly FlowEntry[],
  inbound: TriggerInbound,
  registry: NodeRegistry = nodeRegistry,
): FlowEntry[] {
  return entries.filter((entry) => {
    const found = triggerOf(entry, registry);
    return found?.trigger.matches(found.data, inbound) ?? false;
  });
}

/** Whether one of the matching entries has the bot accept the friend request itself. */
export function acceptsRequest(
  entries: readonly FlowEntry[],
  registry: NodeRegistry = nodeRegistry,
): boolean {
  return entries.some((entry) => {
    const found = triggerOf(entry, registry);
    return found?.trigger.acceptsRequest?.(found.data) ?? false;
  });
}
