// Flows of a workspace: the editable draft, publishing versions, pause/resume, the versions list.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { flows, flowVersions } from '../../shared/db/schema.ts';
import { validate } from '../../shared/flow/index.ts';
import { HttpError, notFound } from '../errors.ts';
import { publishVersion } from './publish.ts';

type FlowRow = typeof flows.$inferSelect;

const summary = (f: FlowRow) => ({
  id: f.id,
  name: f.name,
  status: f.status,
  publishedVersion: f.publishedVersion,
  updatedAt: f.updatedAt.toISOString(),
});
const detail = (f: FlowRow) => ({ ...summary(f), graph: f.graph });

export async function findFlow(db: Db, workspaceId: string, id: string): Promise<FlowRow> {
  const [flow] = await db
    .select()
    .from(flows)
    .where(and(eq(flows.id, id), eq(flows.workspaceId, workspaceId), isNull(flows.archivedAt)));
  if (!flow) throw notFound('Flow');
  return flow;
}

export async function listFlows(db: Db, workspaceId: string) {
  const rows = await db
    .select()
    .from(flows)
    .where(and(eq(flows.workspaceId, workspaceId), isNull(flows.archivedAt)))
    .orderBy(desc(flows.updatedAt));
  return rows.map(summary);
}

export async function createFlow(db: Db, workspaceId: string, input: { name: string; graph?: unknown }) {
  const [row] = await db
    .insert(flows)
    .values({ workspaceId, name: input.name, graph: input.graph ?? { nodes: [], edges: [] } })
    .returning();
  return detail(row!);
}

export const getFlow = async (db: Db, workspaceId: string, id: string) =>
  detail(await findFlow(db, workspaceId, id));

/** Saves the draft even when it has lint errors: publishing is where errors stop a marketer. */
export async function updateFlow(
  db: Db,
  workspaceId: string,
  id: string,
  input: { name?: string; graph?: unknown },
) {
  await findFlow(db, workspaceId, id);
  const [row] = await db
    .update(flows)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(flows.id, id))
    .returning();
  return detail(row!);
}

export async function validateFlow(db: Db, workspaceId: string, id: string) {
  return validate((await findFlow(db, workspaceId, id)).graph);
}

export async function publishFlow(db: Db, workspaceId: string, id: string, userId: string | null) {
  return db.transaction(async (tx) => {
    const [flow] = await tx
      .select()
      .from(flows)
      .where(and(eq(flows.id, id), eq(flows.workspaceId, workspaceId), isNull(flows.archivedAt)))
      .for('update');
    if (!flow) throw notFound('Flow');
    const result = await publishVersion(tx, flow, flow.graph, userId);
    if (!result.ok) {
      throw new HttpError(422, 'invalid_flow', 'The flow has errors: fix them before publishing', {
        errors: result.errors,
        warnings: result.warnings,
      });
    }
    return { version: result.version, warnings: result.warnings };
  });
}

export async function setPaused(db: Db, workspaceId: string, id: string, paused: boolean) {
  const flow = await findFlow(db, workspaceId, id);
  if (flow.publishedVersion === null) throw new HttpError(409, 'not_published', 'Publish the flow first');
  const [row] = await db
    .update(flows)
    .set({ status: paused ? 'paused' : 'published', updatedAt: new Date() })
    .where(eq(flows.id, id))
    .returning();
  return detail(row!);
}

export async function listVersions(db: Db, workspaceId: string, id: string) {
  await findFlow(db, workspaceId, id);
  const rows = await db
    .select()
    .from(flowVersions)
    .where(eq(flowVersions.flowId, id))
    .orderBy(asc(flowVersions.version));
  return rows.map((v) => ({
    version: v.version,
    publishedAt: v.publishedAt.toISOString(),
    publishedBy: v.publishedBy,
    hash: v.hash,
  }));
}

export async function findVersion(db: Db, workspaceId: string, id: string, version?: number) {
  const flow = await findFlow(db, workspaceId, id);
  const wanted = version ?? flow.publishedVersion;
  if (wanted === null) throw notFound('Published version');
  const [row] = await db
    .select()
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, id), eq(flowVersions.version, wanted)));
  if (!row) throw notFound(`Version ${wanted}`);
  return row;
}
