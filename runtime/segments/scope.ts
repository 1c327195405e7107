// The contacts a segment reads from: this workspace's, never a sandbox preview contact, each joined
// to its bot account (`b`, whose clock offset is the contact's clock).
import { type SQL, sql } from 'drizzle-orm';
import type { SegmentRules } from '../../shared/segments/rules.ts';
import type { WorkspaceSettings } from '../workspace-settings.ts';
import type { ExclusionContext } from './exclusions.ts';
import { segmentWhere } from './where.ts';

export type SegmentSettings = Pick<WorkspaceSettings, 'timeZone' | 'activityGrades' | 'messageBudget'>;

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
});

/** `from … where …` of the contacts the rules take (exclusions not applied). */
export function matchedFrom(rules: SegmentRules, ctx: ExclusionContext): SQL {
  return sql`from contacts c join bot_accounts b on b.id = c.bot_account_id
    where c.workspace_id = ${ctx.workspaceId} and c.preview_flow_version_id is null
      and ${segmentWhere(rules, ctx)}`;
}
