// The segment builder's live answer (POST /api/segments/preview): how many contacts the rules take
// after the exclusions, how many each exclusion takes out of the rules' match, and ten of them —
// two statements, each one pass over the matched contacts (the first counts them by which
// exclusions take them: each exclusion evaluated once a contact).
import { sql } from 'drizzle-orm';
import type { SegmentPreview } from '../../shared/api/campaigns.ts';
import {
  type CampaignExclusions,
  DEFAULT_EXCLUSIONS,
  EXCLUSIONS,
  type Exclusion,
  type SegmentRules,
} from '../../shared/segments/rules.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { workspaceSettings } from '../workspace-settings.ts';
import { excludedSql, exclusionJoins, exclusionSql, switchedOn } from './exclusions.ts';
import { exclusionContext, matchedFrom, type SegmentSettings, sharedClock } from './scope.ts';

const SAMPLE = 10;

type SampleRow = {
  id: string;
  name: string;
  alias: string | null;
  friend_status: string;
  tags: string[];
  last_inbound_at: string | Date | null;
};

export async function previewSegment(
  db: Db,
  workspaceId: string,
  body: { rules: SegmentRules; exclusions?: CampaignExclusions },
  wallNow: Date,
  known?: SegmentSettings,
): Promise<SegmentPreview> {
  const settings: SegmentSettings | null = known ?? (await workspaceSettings(db, workspaceId));
  const excluded = Object.fromEntries(EXCLUSIONS.map((kind) => [kind, 0])) as SegmentPreview['excluded'];
  if (!settings) return { count: 0, excluded, sample: [] };
  const exclusions = body.exclusions ?? DEFAULT_EXCLUSIONS;
  const clock = settings.sharedClockMs ?? (await sharedClock(db, workspaceId));
  const ctx = exclusionContext(workspaceId, wallNow, { ...settings, sharedClockMs: clock });
  // Each exclusion evaluated once per contact, as one bit of the contact's mask (a set: a null test on
  // its join); the contacts counted by mask — a handful of groups — and the counts summed from those.
  const bits = EXCLUSIONS.map(
    (kind, i) =>
      sql`(case when ${exclusionSql(kind, exclusions, ctx)} then ${sql.raw(String(1 << i))} else 0 end)`,
  );
  const groups = rowsOf<{ mask: number; n: number }>(
    await db.execute(sql`select ${sql.join(bits, sql` | `)} as mask, count(*)::int as n
      ${matchedFrom(body.rules, ctx, exclusionJoins(EXCLUSIONS, body.rules, ctx))} group by 1`),
  );
  const on = switchedOn(exclusions).reduce((mask, kind) => mask | (1 << EXCLUSIONS.indexOf(kind)), 0);
  let count = 0;
  for (const { mask, n } of groups) {
    if ((Number(mask) & on) === 0) count += Number(n);
    EXCLUSIONS.forEach((kind, i) => {
      if (Number(mask) & (1 << i)) excluded[kind] += Number(n);
    });
  }

  // The sample joins only the sets of the exclusions switched on.
  const from = matchedFrom(body.rules, ctx, exclusionJoins(switchedOn(exclusions), body.rules, ctx));
  const sample = rowsOf<SampleRow>(
    await db.execute(sql`select c.id, c.name, c.alias, c.friend_status, c.tags, c.last_inbound_at ${from}
      and not ${excludedSql(exclusions, ctx)} limit ${SAMPLE}`),
  );
  return {
    count,
    excluded,
    sample: sample.map((c) => ({
      id: c.id,
      name: c.name,
      alias: c.alias,
      friendStatus: c.friend_status,
      tags: c.tags,
      lastInboundAt: c.last_inbound_at ? new Date(c.last_inbound_at).toISOString() : null,
    })),
  };
}
