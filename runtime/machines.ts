// Compiled machines, built once per flow version (versions are immutable): building a 1,000-node
// machine costs ~15 ms, and reading its compiled JSON on every turn would cost a round trip. A
// version stored for a vocabulary this build does not speak is refused with the version named.
import { eq } from 'drizzle-orm';
import { flowVersions } from '../shared/db/schema.ts';
import {
  createFlowMachine,
  type FlowMachine,
  type MachineConfig,
  UnknownVocabularyError,
} from '../shared/flow/index.ts';
import type { Db } from './db/client.ts';

const cache = new Map<string, FlowMachine>();
const LIMIT = 500;

/**
 * A flow version this build cannot run: a newer build compiled it. The turn fails alone (its
 * transaction rolls back), so the run stays where it was for a build that speaks its vocabulary.
 */
export class UnsupportedVersionError extends Error {
  constructor(
    readonly versionId: string,
    cause: UnknownVocabularyError,
  ) {
    super(`Flow version ${versionId} cannot run here: ${cause.message}`, { cause });
    this.name = 'UnsupportedVersionError';
  }
}

export async function machineFor(db: Db, versionId: string): Promise<FlowMachine | null> {
  let machine = cache.get(versionId);
  if (!machine) {
    const [row] = await db
      .select({ compiled: flowVersions.compiled })
      .from(flowVersions)
      .where(eq(flowVersions.id, versionId));
    if (!row) return null;
    try {
      machine = createFlowMachine(row.compiled as MachineConfig);
    } catch (error) {
      if (error instanceof UnknownVocabularyError) throw new UnsupportedVersionError(versionId, error);
      throw error;
    }
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(versionId, machine);
  }
  return machine;
}
