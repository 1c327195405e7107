// The exits of a node as the canvas draws them: from its data when the data is valid, else
// best effort from what is there, so a half-edited node keeps its handles and edges.
import type { Port } from '../../../shared/flow/node-definition.ts';
import { nodeRegistry } from '../../../shared/nodes/index.ts';

export function nodePorts(type: string | undefined, data: unknown): Port[] {
  const definition = type ? nodeRegistry.get(type) : undefined;
  if (!definition) return [];
  const parsed = definition.data.safeParse(data ?? {});
  try {
    return definition.ports(parsed.success ? parsed.data : { ...definition.initial, ...(data as object) });
  } catch {
    return [];
  }
}

/** The port an edge leaves from: absent `sourceHandle` means the node's only (first) port. */
export function edgePort(
  type: string | undefined,
  data: unknown,
  sourceHandle?: string | null,
): string | null {
  return sourceHandle ?? nodePorts(type, data)[0]?.id ?? null;
}

export const isTrigger = (type: string | undefined): boolean =>
  Boolean(type && nodeRegistry.get(type)?.category === 'trigger');
