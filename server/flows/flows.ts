// Flows of a workspace: the editable draft, publishing versions, pause/resume, the versions list.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { flows, flowVersions } from '../../shared/db/schema.ts';
import { validate } from '../../shared/flow/index.ts';
import { HttpError, notFound } from '../errors.ts';
import { lintContext, publishVersion } from './publish.ts';
import { publishedCounts } from './stats.ts';

type FlowRow = typeof flows.$inferSelect;

const summary = (f: FlowRow) => ({
  id: f.id,
  name: f.name,
  status: f.status,
  publishedVersion: f.publishedVersion,
  archived: f.archivedAt !== null,
  updatedAt: f.updatedAt.toISOString(),
});
const detail = (f: FlowRow) => ({ ...summary(f), graph: f.graph });

/** A flow of the workspace; archived flows are found only when asked for (to unarchive them). */
export async function findFlow(db: Db, workspaceId: string, id: string, archived = false): Promise<FlowRow> {
  const [flow] = await db
    .select()
    .from(flows)
    .where(
      and(
        eq(flows.id, id),
        eq(flows.workspaceId, workspaceId),
        archived ? undefined : isNull(flows.archivedAt),
      ),
    );
  if (!flow) throw notFound('flow');
  return flow;
}

/** Every flow, archived ones flagged, with the published version's entered and goal counts. */
export async function listFlows(db: Db, workspaceId: string) {
  const rows = await db
    .select()
    .from(flows)
    .where(eq(flows.workspaceId, workspaceId))
    .orderBy(desc(flows.updatedAt));
  const counts = await publishedCounts(db, workspaceId);
  return rows.map((f) => ({ ...summary(f), entered: 0, goals: 0, ...counts.get(f.id) }));
}

/** Archiving stops new runs (a published flow is paused); contacts already in it finish. */
export async function setArchived(db: Db, workspaceId: string, id: string, archived: boolean) {
  const flow = await findFlow(db, workspaceId, id, true);
  const [row] = await db
    .update(flows)
    .set({
      archivedAt: archived ? new Date() : null,
      ...(archived && flow.status === 'published' ? { status: 'paused' as const } : {}),
      updatedAt: new Date(),
    })
    .where(eq(flows.id, id))
    .returning();
  return detail(row!);
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
  return validate((await findFlow(db, workspaceId, id)).graph, await lintContext(db, workspaceId));
}

export async function publishFlow(db: Db, workspaceId: string, id: string, userId: string | null) {
  return db.transaction(async (tx) => {
    const [flow] = await tx
      .select()
      .from(flows)
      .where(and(eq(flows.id, id), eq(flows.workspaceId, workspaceId), isNull(flows.archivedAt)))
      .for('update');
    if (!flow) throw notFound('flow');
    const result = await publishVersion(tx, flow, flow.graph, userId);
    if (!result.ok) {
      throw new HttpError(
        'invalid_flow',
        'The flow has errors: fix them before publishing',
        { action: 'publish' },
        { errors: result.errors, warnings: result.warnings },
      );
    }
    return { version: result.version, warnings: result.warnings };
  });
}

export async function setPaused(db: Db, workspaceId: string, id: string, paused: boolean) {
  const flow = await findFlow(db, workspaceId, id);
  if (flow.publishedVersion === null) throw new HttpError('not_published', 'Publish the flow first');
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
  if (wanted === null) throw notFound('published_version');
  const [row] = await db
    .select()
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, id), eq(flowVersions.version, wanted)));
  if (!row) throw notFound('version', { version: wanted }, `Version ${wanted} not found`);
  return row;
}
