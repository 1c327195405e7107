// Saved segments (API "Segments and campaigns"): a name and the rules, one name per workspace.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../runtime/db/client.ts';
import type { segmentItem } from '../../shared/api/campaigns.ts';
import { segments } from '../../shared/db/schema.ts';
import type { SegmentRules } from '../../shared/segments/rules.ts';
import { HttpError, notFound } from '../errors.ts';

type SegmentItem = z.infer<typeof segmentItem>;
type SegmentRow = typeof segments.$inferSelect;

const taken = (name: string) =>
  new HttpError('segment_name_taken', `There is a saved segment named ${name} already`, { name });

const itemOf = (row: SegmentRow): SegmentItem => ({
  id: row.id,
  name: row.name,
  rules: row.rules,
  createdAt: new Date(row.createdAt).toISOString(),
});

export async function listSegments(db: Db, workspaceId: string): Promise<SegmentItem[]> {
  const rows = await db
    .select()
    .from(segments)
    .where(eq(segments.workspaceId, workspaceId))
    .orderBy(asc(segments.name));
  return rows.map(itemOf);
}

export async function createSegment(
  db: Db,
  workspaceId: string,
  body: { name: string; rules: SegmentRules },
): Promise<SegmentItem> {
  const [row] = await db
    .insert(segments)
    .values({ workspaceId, name: body.name, rules: body.rules })
    .onConflictDoNothing()
    .returning();
  if (!row) throw taken(body.name);
  return itemOf(row);
}

/** Deletes one of the workspace's segments; another workspace's is not found. */
export async function deleteSegment(db: Db, workspaceId: string, id: string): Promise<void> {
  const gone = await db
    .delete(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)))
    .returning({ id: segments.id });
  if (gone.length === 0) throw notFound('segment');
}
