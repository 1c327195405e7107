// A campaign's audience at launch (runtime/campaigns/launch.ts, estimate.ts): the contacts the
// rules take, minus the exclusions switched on, as one SELECT to insert from or count over.
import { type SQL, sql } from 'drizzle-orm';
import type { CampaignExclusions, SegmentRules } from '../../shared/segments/rules.ts';
import { excludedSql } from './exclusions.ts';
import { exclusionContext, matchedFrom, type SegmentSettings } from './scope.ts';

/** `select contact_id, bot_account_id` of the audience (each contact once). */
export function audienceSql(
  workspaceId: string,
  rules: SegmentRules,
  exclusions: CampaignExclusions,
  wallNow: Date,
  settings: SegmentSettings,
): SQL {
  const ctx = exclusionContext(workspaceId, wallNow, settings);
  return sql`select c.id as contact_id, c.bot_account_id ${matchedFrom(rules, ctx)}
    and not ${excludedSql(exclusions, rules, ctx)}`;
}
