// Workspace settings every turn reads (time zone, signature, fallback, the contact message budget,
// campaign reply words), cached per process for a couple of seconds: a turn would otherwise spend a round trip on a row that almost never changes.
import { eq } from 'drizzle-orm';
import type { Fallback } from '../shared/api/workspace.ts';
import { workspaces } from '../shared/db/schema.ts';
import type { Db } from './db/client.ts';

export interface WorkspaceSettings {
  timeZone: string;
  botSignature: string | null;
  fallback: Fallback;
  /** Group activity grades: over the last `days` days, ≥ `active` messages active, ≤ `lurker` a lurker. */
  activityGrades: { days: number; active: number; lurker: number };
  /** Bot-initiated messages one contact may get per sliding day / week (runtime/dispatcher/contact-budget.ts). */
  messageBudget: { perDay: number; perWeek: number };
  /** A campaign reply that is only one of these (trimmed, case-insensitive) is a simple reply. */
  simpleReplies: string[];
  /** A campaign reply containing one of these shows purchase intent. */
  intentKeywords: string[];
}

const TTL_MS = 2_000;
const cache = new Map<string, { settings: WorkspaceSettings; until: number }>();

export async function workspaceSettings(db: Db, workspaceId: string): Promise<WorkspaceSettings | null> {
  const hit = cache.get(workspaceId);
  if (hit && hit.until > performance.now()) return hit.settings;
  const [row] = await db
    .select({
      timeZone: workspaces.timeZone,
      botSignature: workspaces.botSignature,
      fallback: workspaces.fallback,
      activityGrades: workspaces.activityGrades,
      messageBudget: workspaces.messageBudget,
      simpleReplies: workspaces.simpleReplies,
      intentKeywords: workspaces.intentKeywords,
    })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!row) return null;
  cache.set(workspaceId, { settings: row, until: performance.now() + TTL_MS });
  return row;
}

/** After a settings change in this process: the next turn reads the new row. */
export const forgetWorkspaceSettings = (workspaceId: string) => cache.delete(workspaceId);
