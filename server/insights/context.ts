// What every insight query stands on: the workspace, its time zone, and its "now" — the wall clock
// for real accounts; a sandbox account's clock runs ahead on its own (runtime/clock.ts), so the
// workspace's today is its furthest clock's (server/workspace/clock.ts), as the daily stats count it.
import { sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { workspaceClock } from '../workspace/clock.ts';

export interface InsightContext {
  db: Db;
  workspaceId: string;
  timeZone: string;
  /** The wall clock: per-contact windows add their own account's offset to it in SQL. */
  wallNow: Date;
  /** The workspace's furthest clock and its local day (the weekly windows of the daily rollups). */
  now: Date;
  today: string;
}

export async function insightContext(
  db: Db,
  workspaceId: string,
  wallNow = new Date(),
): Promise<InsightContext> {
  return { db, workspaceId, wallNow, ...(await workspaceClock(db, workspaceId, wallNow)) };
}

/** Each of the workspace's accounts with its own now (the wall clock plus its offset): `acc(id, now)`. */
export const accountNows = (ctx: InsightContext) => sql`
  acc as (
    select id, ${ctx.wallNow.toISOString()}::timestamptz + clock_offset_ms * interval '1 millisecond' as now
    from bot_accounts where workspace_id = ${ctx.workspaceId}::uuid
  )`;

/** `YYYY-MM-DD` plus `n` days (calendar arithmetic: exact in UTC). */
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
