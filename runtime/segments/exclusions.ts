// Who a campaign leaves out even when the rules take them (shared/segments/rules.ts `exclusionsSchema`):
// each exclusion one boolean over `c` / `b`, on each contact's own clock; the ones over other tables are
// uncorrelated `c.id in (…)` sets, hashed once per statement rather than probed per contact.
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
  // Back in a group of the same set (or the same group, for a group in no set): not "left". An
  // uncorrelated IN: PostgreSQL hashes the set once instead of probing per contact.
  return sql`c.id in (select m.contact_id from room_members m join rooms r on r.id = m.room_id
    where r.workspace_id = ${ctx.workspaceId} and m.left_at is not null ${named}
      and not exists (select 1 from room_members m2 join rooms r2 on r2.id = m2.room_id
        where m2.contact_id = m.contact_id and m2.left_at is null
          and (r2.room_set_id = r.room_set_id or r2.id = r.id)))`;
}

function overBudget(ctx: ExclusionContext): SQL {
  // Each contact's now is its account's clock (`ob`, the message's account, is the contact's).
  const now = sql`(${ctx.wallNow.toISOString()}::timestamptz + ob.clock_offset_ms * interval '1 millisecond')`;
  const { perDay, perWeek } = ctx.messageBudget;
  return sql`c.id in (select o.contact_id from outbox o join bot_accounts ob on ob.id = o.bot_account_id
    where o.workspace_id = ${ctx.workspaceId} and o.contact_id is not null and o.initiated and o.status = 'sent'
      and o.done_at > ${now} - ${millis(7 * DAY_MS)}
    group by o.contact_id
    having count(*) filter (where o.done_at > ${now} - ${millis(DAY_MS)}) >= ${perDay} or count(*) >= ${perWeek})`;
}

/** One exclusion as a boolean: true when it takes the contact out. */
export function exclusionSql(
  kind: Exclusion,
  exclusions: CampaignExclusions,
  rules: SegmentRules,
  ctx: ExclusionContext,
): SQL {
  switch (kind) {
    case 'recentlyTalked': {
      const since = sql`${contactNow(ctx)} - ${millis(durationMs(exclusions.recentlyTalkedWithin) ?? 3 * DAY_MS)}`;
      return sql`coalesce(c.last_inbound_at >= ${since} or c.last_outbound_at >= ${since}, false)`;
    }
    case 'leftGroup':
      return leftGroup(rules, ctx);
    case 'deletedUs':
      return sql`(c.friend_status = 'deleted_us')`;
    case 'inConversation':
      return sql`c.id in (select v.contact_id from conversations v
        where v.workspace_id = ${ctx.workspaceId} and v.status in ('open', 'snoozed'))`;
    case 'overBudget':
      return overBudget(ctx);
  }
}

/** The exclusions switched on, as one boolean (false when none is on). */
export function excludedSql(exclusions: CampaignExclusions, rules: SegmentRules, ctx: ExclusionContext): SQL {
  const on = (Object.keys(EXCLUSION_FLAGS) as Exclusion[]).filter((kind) => exclusions[kind]);
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
