// Who a campaign leaves out even when the rules take them (shared/segments/rules.ts `exclusionsSchema`):
// each exclusion one boolean over the contact's row (`c`), on its own clock. The facts that come from
// other tables — groups left, an open conversation, bot-initiated sends — are kept on the row by
// triggers (migrations/0015_exclusion_facts.sql), so a count over a million contacts reads one table.
import { type SQL, sql } from 'drizzle-orm';
import { ruleRoomSet } from '../../shared/flow/facts.ts';
import type { CampaignExclusions, Exclusion, SegmentRules } from '../../shared/segments/rules.ts';
import { durationMs } from '../../shared/time/duration.ts';
import { contactAgo, norm, type SegmentContext } from './sql-text.ts';

export interface ExclusionContext extends SegmentContext {
  workspaceId: string;
  /** The workspace's per-contact budget of bot-initiated messages. */
  messageBudget: { perDay: number; perWeek: number };
}

const DAY_MS = 86_400_000;

/** The room set names the rules name (room.member_of / room.left), trimmed and lower-cased. */
export function namedRoomSets(rules: SegmentRules): string[] {
  const names = rules.rules.flatMap((rule) => {
    const name = ruleRoomSet(rule);
    return name ? [name.toLowerCase()] : [];
  });
  return [...new Set(names)];
}

/** Left a group, and not back in one of the same set (of the sets the rules name, when they name some). */
function leftGroup(rules: SegmentRules, ctx: ExclusionContext): SQL {
  const names = namedRoomSets(rules);
  if (names.length === 0) return sql`(c.left_room_keys is not null)`;
  return sql`coalesce(c.left_room_keys && array(select s.id from room_sets s
      where s.workspace_id = ${ctx.workspaceId} and ${norm(sql`s.name`)} in (${sql.join(
        names.map((n) => sql`${n}`),
        sql`, `,
      )})), false)`;
}

/**
 * Over the per-contact budget: `initiated_sends` is newest first, so the contact has had `perDay`
 * bot-initiated messages in its last day when the `perDay`-th newest is within it (so for the week).
 */
function overBudget(ctx: ExclusionContext): SQL {
  const { perDay, perWeek } = ctx.messageBudget;
  return sql`coalesce(c.initiated_sends[${perDay}::int] > ${contactAgo(ctx, DAY_MS)}
    or c.initiated_sends[${perWeek}::int] > ${contactAgo(ctx, 7 * DAY_MS)}, false)`;
}

/** One exclusion as a boolean over the contact's row: true when it takes the contact out. */
export function exclusionSql(
  kind: Exclusion,
  exclusions: CampaignExclusions,
  rules: SegmentRules,
  ctx: ExclusionContext,
): SQL {
  switch (kind) {
    case 'recentlyTalked': {
      const since = contactAgo(ctx, durationMs(exclusions.recentlyTalkedWithin) ?? 3 * DAY_MS);
      return sql`coalesce(c.last_inbound_at >= ${since} or c.last_outbound_at >= ${since}, false)`;
    }
    case 'leftGroup':
      return leftGroup(rules, ctx);
    case 'deletedUs':
      return sql`(c.friend_status = 'deleted_us')`;
    case 'inConversation':
      return sql`c.in_conversation`;
    case 'overBudget':
      return overBudget(ctx);
    default:
      return sql`false`;
  }
}

/** The exclusions switched on. */
export const switchedOn = (exclusions: CampaignExclusions): Exclusion[] =>
  (Object.keys(EXCLUSION_FLAGS) as Exclusion[]).filter((kind) => exclusions[kind]);

/** The exclusions switched on, as one boolean (false when none is on). */
export function excludedSql(exclusions: CampaignExclusions, rules: SegmentRules, ctx: ExclusionContext): SQL {
  const on = switchedOn(exclusions);
  if (on.length === 0) return sql`false`;
  return sql`(${sql.join(
    on.map((kind) => exclusionSql(kind, exclusions, rules, ctx)),
    sql` or `,
  )})`;
}

const EXCLUSION_FLAGS: Record<Exclusion, true> = {
  recentlyTalked: true,
  leftGroup: true,
  deletedUs: true,
  inConversation: true,
  overBudget: true,
};
