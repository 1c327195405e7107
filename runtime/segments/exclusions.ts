// Who a campaign leaves out even when the rules take them (shared/segments/rules.ts `exclusionsSchema`):
// each exclusion one boolean over `c` / `b`, on each contact's own clock. The ones over other tables
// are sets of contact ids, left-joined (`exclusionJoins`) as `x_<kind>`: hashed once per statement (a
// parallel plan shares the hash), never probed per contact, and the boolean is a null test.
import { type SQL, sql } from 'drizzle-orm';
import { ruleRoomSet } from '../../shared/flow/facts.ts';
import type { CampaignExclusions, Exclusion, SegmentRules } from '../../shared/segments/rules.ts';
import { durationMs } from '../../shared/time/duration.ts';
import { contactNow, millis, norm, type SegmentContext } from './sql-text.ts';

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

function leftGroup(rules: SegmentRules, ctx: ExclusionContext): SQL {
  const names = namedRoomSets(rules);
  const named = names.length
    ? sql`and r.room_set_id in (select s.id from room_sets s where s.workspace_id = ${ctx.workspaceId}
        and ${norm(sql`s.name`)} in (${sql.join(
          names.map((n) => sql`${n}`),
          sql`, `,
        )}))`
    : sql``;
  // Left a group and not back in one of the same set (or the same group, for a group in no set): every
  // membership of that set left. A group's set, or the group itself when in none, is one key; the
  // memberships are grouped by contact and key in one hashed pass, never a probe per membership.
  return sql`select k.contact_id from (select m.contact_id from room_members m join rooms r on r.id = m.room_id
      where r.workspace_id = ${ctx.workspaceId} ${named}
      group by m.contact_id, coalesce(r.room_set_id, r.id) having bool_and(m.left_at is not null)) k
    group by k.contact_id`;
}

function overBudget(ctx: ExclusionContext): SQL {
  // Each contact's now is its account's clock (`ob`, the message's account, is the contact's).
  const now = sql`(${ctx.wallNow.toISOString()}::timestamptz + ob.clock_offset_ms * interval '1 millisecond')`;
  const { perDay, perWeek } = ctx.messageBudget;
  return sql`select o.contact_id from outbox o join bot_accounts ob on ob.id = o.bot_account_id
    where o.workspace_id = ${ctx.workspaceId} and o.contact_id is not null and o.initiated and o.status = 'sent'
      and o.done_at > ${now} - ${millis(7 * DAY_MS)}
    group by o.contact_id
    having count(*) filter (where o.done_at > ${now} - ${millis(DAY_MS)}) >= ${perDay} or count(*) >= ${perWeek}`;
}

/** The exclusions over other tables: each the set of contact ids it takes out (each id once). */
const SETS: Partial<Record<Exclusion, (rules: SegmentRules, ctx: ExclusionContext) => SQL>> = {
  leftGroup,
  inConversation: (_rules, ctx) => sql`select distinct v.contact_id from conversations v
    where v.workspace_id = ${ctx.workspaceId} and v.status in ('open', 'snoozed')`,
  overBudget: (_rules, ctx) => overBudget(ctx),
};

const setAlias = (kind: Exclusion) => sql.raw(`x_${kind}`);

/** The left joins `exclusionSql` reads for `kinds` (to put after `from contacts c`). */
export function exclusionJoins(kinds: readonly Exclusion[], rules: SegmentRules, ctx: ExclusionContext): SQL {
  const joins = kinds.flatMap((kind) => {
    const set = SETS[kind];
    return set
      ? [sql`left join (${set(rules, ctx)}) ${setAlias(kind)} on ${setAlias(kind)}.contact_id = c.id`]
      : [];
  });
  return sql.join(joins, sql` `);
}

/** One exclusion as a boolean: true when it takes the contact out (a set: its join must be there). */
export function exclusionSql(kind: Exclusion, exclusions: CampaignExclusions, ctx: ExclusionContext): SQL {
  if (SETS[kind]) return sql`(${setAlias(kind)}.contact_id is not null)`;
  switch (kind) {
    case 'recentlyTalked': {
      const since = sql`${contactNow(ctx)} - ${millis(durationMs(exclusions.recentlyTalkedWithin) ?? 3 * DAY_MS)}`;
      return sql`coalesce(c.last_inbound_at >= ${since} or c.last_outbound_at >= ${since}, false)`;
    }
    case 'deletedUs':
      return sql`(c.friend_status = 'deleted_us')`;
    default:
      return sql`false`;
  }
}

/** The exclusions switched on. */
export const switchedOn = (exclusions: CampaignExclusions): Exclusion[] =>
  (Object.keys(EXCLUSION_FLAGS) as Exclusion[]).filter((kind) => exclusions[kind]);

/** The exclusions switched on, as one boolean (false when none is on); `exclusionJoins` of them first. */
export function excludedSql(exclusions: CampaignExclusions, ctx: ExclusionContext): SQL {
  const on = switchedOn(exclusions);
  if (on.length === 0) return sql`false`;
  return sql`(${sql.join(
    on.map((kind) => exclusionSql(kind, exclusions, ctx)),
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
