// The contacts a segment reads from: this workspace's, never a sandbox preview contact, each joined
// to its bot account (`b`, whose clock offset is the contact's clock) unless all the workspace's
// accounts share one clock (`sharedClock`: then each contact's now is one constant).
import { type SQL, sql } from 'drizzle-orm';
import type { SegmentRules } from '../../shared/segments/rules.ts';
import { type Db, rowsOf } from '../db/client.ts';
import type { WorkspaceSettings } from '../workspace-settings.ts';
import type { ExclusionContext } from './exclusions.ts';
import { segmentWhere } from './where.ts';

export type SegmentSettings = Pick<WorkspaceSettings, 'timeZone' | 'activityGrades' | 'messageBudget'> & {
  /** `sharedClock`'s answer, when the caller read it (else each contact's clock is joined). */
  sharedClockMs?: number | null;
};

/** The clock offset all the workspace's bot accounts share, or null when they differ (or there are none). */
export async function sharedClock(db: Db, workspaceId: string): Promise<number | null> {
  const [row] = rowsOf<{ low: string | number | null; high: string | number | null }>(
    await db.execute(sql`select min(clock_offset_ms) as low, max(clock_offset_ms) as high
      from bot_accounts where workspace_id = ${workspaceId}`),
  );
  return row?.low != null && Number(row.low) === Number(row.high) ? Number(row.low) : null;
}

export const exclusionContext = (
  workspaceId: string,
  wallNow: Date,
  settings: SegmentSettings,
): ExclusionContext => ({
  workspaceId,
  wallNow,
  timeZone: settings.timeZone,
  activityGrades: settings.activityGrades,
  messageBudget: settings.messageBudget,
  sharedClockMs: settings.sharedClockMs ?? null,
});

/** `from … where …` of the contacts the rules take (exclusions not applied). */
export function matchedFrom(rules: SegmentRules, ctx: ExclusionContext): SQL {
  const accounts =
    typeof ctx.sharedClockMs === 'number' ? sql`` : sql`join bot_accounts b on b.id = c.bot_account_id`;
  return sql`from contacts c ${accounts}
    where c.workspace_id = ${ctx.workspaceId} and c.preview_flow_version_id is null
      and ${segmentWhere(rules, ctx)}`;
}
