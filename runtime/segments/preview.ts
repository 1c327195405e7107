// The segment builder's live answer (POST /api/segments/preview): how many contacts the rules take
// after the exclusions, how many each exclusion takes out of the rules' match, and ten of them —
// two statements over the contacts alone (the exclusions read facts kept on each contact's row); the
// first counts them by which exclusions take them, each exclusion evaluated once a contact.
import { sql } from 'drizzle-orm';
import type { SegmentPreview } from '../../shared/api/campaigns.ts';
import {
  type CampaignExclusions,
  DEFAULT_EXCLUSIONS,
  EXCLUSIONS,
  type SegmentRules,
} from '../../shared/segments/rules.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { workspaceSettings } from '../workspace-settings.ts';
import { excludedSql, exclusionSql, switchedOn } from './exclusions.ts';
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
  // Each exclusion evaluated once per contact, as one boolean; the contacts counted by which take them
  // out — a handful of groups, which a parallel plan aggregates in its workers — and the sums from those.
  const flags = EXCLUSIONS.map(
    (kind, i) => sql`${exclusionSql(kind, exclusions, body.rules, ctx)} as ${sql.raw(`x${i}`)}`,
  );
  const groups = rowsOf<Record<string, boolean> & { n: number }>(
    await db.execute(sql`select ${sql.join(flags, sql`, `)}, count(*)::int as n
      ${matchedFrom(body.rules, ctx)} group by ${sql.raw(EXCLUSIONS.map((_, i) => String(i + 1)).join(', '))}`),
  ).map((row) => ({ mask: EXCLUSIONS.reduce((m, _, i) => (row[`x${i}`] ? m | (1 << i) : m), 0), n: row.n }));
  const on = switchedOn(exclusions).reduce((mask, kind) => mask | (1 << EXCLUSIONS.indexOf(kind)), 0);
  let count = 0;
  for (const { mask, n } of groups) {
    if ((mask & on) === 0) count += Number(n);
    EXCLUSIONS.forEach((kind, i) => {
      if (mask & (1 << i)) excluded[kind] += Number(n);
    });
  }

  const sample = rowsOf<SampleRow>(
    await db.execute(sql`select c.id, c.name, c.alias, c.friend_status, c.tags, c.last_inbound_at
      ${matchedFrom(body.rules, ctx)} and not ${excludedSql(exclusions, body.rules, ctx)} limit ${SAMPLE}`),
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
