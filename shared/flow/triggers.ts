// Which entry points of a compiled flow an inbound event starts a run at; each trigger type
// decides for itself (its `trigger.matches`), so the router never switches on node type.

import { nodeRegistry } from '../nodes/index.ts';
import type { FlowEntry } from './compile.ts';
import type { TriggerInbound } from './node-definition.ts';
import type { NodeRegistry } from './registry.ts';

export function matchingEntries(
  entries: readonly FlowEntry[],
  inbound: TriggerInbound,
  registry: NodeRegistry = nodeRegistry,
): FlowEntry[] {
  return entries.filter((entry) => registry.get(entry.type)?.trigger?.matches(entry.data, inbound) ?? false);
}
