// A workspace's "now" for reports: its furthest clock (a sandbox account runs ahead of the wall clock,
// and its turns count on its days), with the local day that makes in the workspace's time zone.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { botAccounts, workspaces } from '../../shared/db/schema.ts';
import { localDay } from '../../shared/time/zoned.ts';

export interface WorkspaceClock {
  timeZone: string;
  now: Date;
  /** `now`'s date (YYYY-MM-DD) in `timeZone`. */
  today: string;
}

export async function workspaceClock(
  db: Db,
  workspaceId: string,
  wallNow = new Date(),
): Promise<WorkspaceClock> {
  const [row] = await db
    .select({
      timeZone: workspaces.timeZone,
      offset: sql<string>`coalesce(max(${botAccounts.clockOffsetMs}), 0)`,
    })
    .from(workspaces)
    .leftJoin(botAccounts, eq(botAccounts.workspaceId, workspaces.id))
    .where(eq(workspaces.id, workspaceId))
    .groupBy(workspaces.timeZone);
  const timeZone = row?.timeZone ?? 'UTC';
  const now = new Date(wallNow.getTime() + Math.max(0, Number(row?.offset ?? 0)));
  return { timeZone, now, today: localDay(now.getTime(), timeZone) };
}
