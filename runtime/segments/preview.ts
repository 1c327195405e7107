// The segment builder's live answer (POST /api/segments/preview): how many contacts the rules take
// after the exclusions, how many each exclusion takes out of the rules' match, and ten of them —
// two statements, each one pass over the matched contacts.
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
import { excludedSql, exclusionJoins, exclusionSql } from './exclusions.ts';
import { exclusionContext, matchedFrom, type SegmentSettings } from './scope.ts';

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
  const settings = known ?? (await workspaceSettings(db, workspaceId));
  const excluded = Object.fromEntries(EXCLUSIONS.map((kind) => [kind, 0])) as SegmentPreview['excluded'];
  if (!settings) return { count: 0, excluded, sample: [] };
  const exclusions = body.exclusions ?? DEFAULT_EXCLUSIONS;
  const ctx = exclusionContext(workspaceId, wallNow, settings);
  // Each exclusion once per contact (a set: a null test on its join), counted in the same pass.
  const from = matchedFrom(body.rules, ctx, exclusionJoins(EXCLUSIONS, body.rules, ctx));
  const flag = (kind: Exclusion) => exclusionSql(kind, exclusions, ctx);
  const counts = EXCLUSIONS.map(
    (kind, i) => sql`count(*) filter (where ${flag(kind)})::int as ${sql.raw(`e${i}`)}`,
  );
  const [row] = rowsOf<Record<string, number>>(
    await db.execute(sql`select count(*) filter (where not ${excludedSql(exclusions, ctx)})::int as count,
      ${sql.join(counts, sql`, `)} ${from}`),
  );
  EXCLUSIONS.forEach((kind, i) => {
    excluded[kind] = Number(row?.[`e${i}`] ?? 0);
  });

  const sample = rowsOf<SampleRow>(
    await db.execute(sql`select c.id, c.name, c.alias, c.friend_status, c.tags, c.last_inbound_at ${from}
      and not ${excludedSql(exclusions, ctx)} limit ${SAMPLE}`),
  );
  return {
    count: Number(row?.count ?? 0),
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
