// The signed-in workspace's settings: time zone, bot disclosure signature, fallback for unrouted
// messages, group activity grades, the contact message budget and campaign reply words.
import { eq } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { forgetWorkspaceSettings } from '../../runtime/workspace-settings.ts';
import type { WorkspaceBody } from '../../shared/api/workspace.ts';
import { workspaces } from '../../shared/db/schema.ts';
import { notFound } from '../errors.ts';

type WorkspaceRow = typeof workspaces.$inferSelect;

const body = (w: WorkspaceRow): WorkspaceBody => ({
  id: w.id,
  name: w.name,
  timeZone: w.timeZone,
  botSignature: w.botSignature,
  fallback: w.fallback,
  activityGrades: w.activityGrades,
  messageBudget: w.messageBudget,
  simpleReplies: w.simpleReplies,
  intentKeywords: w.intentKeywords,
});

/** The same word twice (or with other spaces or case) is one word. */
const distinct = (words: string[] | undefined) => {
  if (!words) return undefined;
  const seen = new Set<string>();
  return words.filter((w) => {
    const key = w.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

export async function getWorkspace(db: Db, id: string): Promise<WorkspaceBody> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  if (!row) throw notFound('workspace');
  return body(row);
}

export async function patchWorkspace(
  db: Db,
  id: string,
  patch: Partial<Omit<WorkspaceBody, 'id'>>,
): Promise<WorkspaceBody> {
  const set = {
    ...patch,
    ...(patch.botSignature === '' ? { botSignature: null } : {}),
    ...(patch.simpleReplies ? { simpleReplies: distinct(patch.simpleReplies) } : {}),
    ...(patch.intentKeywords ? { intentKeywords: distinct(patch.intentKeywords) } : {}),
  };
  const [row] = Object.keys(set).length
    ? await db.update(workspaces).set(set).where(eq(workspaces.id, id)).returning()
    : await db.select().from(workspaces).where(eq(workspaces.id, id));
  if (!row) throw notFound('workspace');
  forgetWorkspaceSettings(id);
  return body(row);
}
