// Stores a graph as the next published version of a flow (graph + compiled machine + entries + hash).
import { createHash } from 'node:crypto';
import { eq, max } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { flows, flowVersions } from '../../shared/db/schema.ts';
import { type CompiledFlow, compile, type LintContext } from '../../shared/flow/index.ts';
import { roomSetContext } from '../../shared/flow/room-checks.ts';
import { listRoomSets } from '../rooms/room-sets.ts';

/**
 * A version's name: SHA-256 of its compiled JSON (machine + entries), so positions and other UI keys
 * do not change it. Plain JSON.stringify is canonical here: the compiler and the zod schemas build
 * every object with its keys in a fixed order. Taken where versions are stored (node:crypto): the
 * editor compiles in the browser and has no use for it. Hashes stored before #13 came from a
 * hand-written SHA-256 of the same text and stay comparable.
 */
export const versionHash = ({ machine, entries }: CompiledFlow): string =>
  createHash('sha256').update(JSON.stringify({ machine, entries })).digest('hex');

/** What the lint may check against the workspace: its room sets and the seats left in each. */
export async function lintContext(db: Db, workspaceId: string): Promise<LintContext> {
  return roomSetContext(await listRoomSets(db, workspaceId));
}

export async function publishVersion(
  tx: Db,
  flow: { id: string; workspaceId: string },
  graph: unknown,
  userId: string | null,
) {
  const compiled = compile(graph, await lintContext(tx, flow.workspaceId));
  if (!compiled.ok) return { ok: false as const, errors: compiled.errors, warnings: compiled.warnings };
  const hash = versionHash(compiled);
  const [last] = await tx
    .select({ n: max(flowVersions.version) })
    .from(flowVersions)
    .where(eq(flowVersions.flowId, flow.id));
  const version = (last?.n ?? 0) + 1;
  await tx.insert(flowVersions).values({
    workspaceId: flow.workspaceId,
    flowId: flow.id,
    version,
    graph,
    compiled: compiled.machine,
    entries: compiled.entries,
    hash,
    publishedBy: userId,
  });
  await tx
    .update(flows)
    .set({ status: 'published', publishedVersion: version, updatedAt: new Date() })
    .where(eq(flows.id, flow.id));
  return { ok: true as const, version, hash, warnings: compiled.warnings };
}
