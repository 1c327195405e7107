// Stores a graph as the next published version of a flow (graph + compiled machine + entries + hash).
import { eq, max } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { flows, flowVersions } from '../../shared/db/schema.ts';
import { compile } from '../../shared/flow/index.ts';

export async function publishVersion(
  tx: Db,
  flow: { id: string; workspaceId: string },
  graph: unknown,
  userId: string | null,
) {
  const compiled = compile(graph);
  if (!compiled.ok) return { ok: false as const, errors: compiled.errors, warnings: compiled.warnings };
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
    hash: compiled.hash,
    publishedBy: userId,
  });
  await tx
    .update(flows)
    .set({ status: 'published', publishedVersion: version, updatedAt: new Date() })
    .where(eq(flows.id, flow.id));
  return { ok: true as const, version, hash: compiled.hash, warnings: compiled.warnings };
}
