// Saved replies: `/shortcut` in the reply box, one text (a template) per shortcut and workspace.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { savedReplies } from '../../shared/db/schema.ts';
import { HttpError, notFound } from '../errors.ts';

const columns = { id: savedReplies.id, shortcut: savedReplies.shortcut, text: savedReplies.text };
const taken = (shortcut: string) =>
  new HttpError('saved_reply_exists', `There is a saved reply /${shortcut} already`, { shortcut });

export const listSavedReplies = (db: Db, workspaceId: string) =>
  db
    .select(columns)
    .from(savedReplies)
    .where(eq(savedReplies.workspaceId, workspaceId))
    .orderBy(asc(savedReplies.shortcut));

export async function createSavedReply(
  db: Db,
  workspaceId: string,
  createdById: string | null,
  body: { shortcut: string; text: string },
) {
  const [row] = await db
    .insert(savedReplies)
    .values({ workspaceId, createdById, ...body })
    .onConflictDoNothing()
    .returning(columns);
  if (!row) throw taken(body.shortcut);
  return row;
}

export async function patchSavedReply(
  db: Db,
  workspaceId: string,
  id: string,
  patch: { shortcut?: string; text?: string },
) {
  const mine = and(eq(savedReplies.id, id), eq(savedReplies.workspaceId, workspaceId));
  const [row] = Object.keys(patch).length
    ? await db
        .update(savedReplies)
        .set(patch)
        .where(mine)
        .returning(columns)
        .catch((err) => {
          throw isUniqueViolation(err) ? taken(patch.shortcut ?? '') : err;
        })
    : await db.select(columns).from(savedReplies).where(mine);
  if (!row) throw notFound('saved_reply');
  return row;
}

/** PostgreSQL's unique_violation, through either driver (drizzle keeps the driver's error as `cause`). */
const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
};

export async function deleteSavedReply(db: Db, workspaceId: string, id: string) {
  const gone = await db
    .delete(savedReplies)
    .where(and(eq(savedReplies.id, id), eq(savedReplies.workspaceId, workspaceId)))
    .returning({ id: savedReplies.id });
  if (gone.length === 0) throw notFound('saved_reply');
}
