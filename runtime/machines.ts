// Compiled machines, built once per flow version (versions are immutable): building a 1,000-node
// machine costs ~15 ms, and reading its compiled JSON on every turn would cost a round trip.
import { eq } from 'drizzle-orm';
import { flowVersions } from '../shared/db/schema.ts';
import { createFlowMachine, type FlowMachine, type MachineConfig } from '../shared/flow/index.ts';
import type { Db } from './db/client.ts';

const cache = new Map<string, FlowMachine>();
const LIMIT = 500;

export async function machineFor(db: Db, versionId: string): Promise<FlowMachine | null> {
  let machine = cache.get(versionId);
  if (!machine) {
    const [row] = await db
      .select({ compiled: flowVersions.compiled })
      .from(flowVersions)
      .where(eq(flowVersions.id, versionId));
    if (!row) return null;
    machine = createFlowMachine(row.compiled as MachineConfig);
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(versionId, machine);
  }
  return machine;
}
