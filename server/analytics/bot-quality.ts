// The bot's quality over local days of the workspace (issue #17 "Bot quality"), per flow and per bot
// account, private chats apart from groups:
// - turns: the contacts' inbound messages;
// - answered: a private message a run, a trigger or an auto-reply took (`route` is none of handoff,
//   human, unanswered); a group message the bot spoke in that group within ANSWER_WINDOW of;
// - fallback: a private message only the fallback took (auto-reply, handoff, nothing answered);
// - handoffs: the fallback's handoffs plus conversations a flow's `handoff` node opened;
// - goals per 100 contacts: goals reached in the range per 100 contacts who wrote.
// A turn belongs to the flow whose message answered it within ANSWER_WINDOW, else to the flow that
// spoke last in that chat (looking back a day); turns no flow spoke around make the "no flow" row.
// One range scan of messages_workspace_at; "next / previous bot message" are window aggregates.
import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../runtime/db/client.ts';
import type { BotQualityBody, BotQualityRow } from '../../shared/api/insights.ts';
import { botAccounts, flows, workspaces } from '../../shared/db/schema.ts';
import { kpiSpan } from '../conversations/kpis.ts';

export const ANSWER_WINDOW = '10 minutes';

type Scope = 'private' | 'group';
type Counts = {
  turns: number;
  contacts: number;
  answered: number;
  fallback: number;
  handoffs: number;
  goals: number;
};
type Keyed = { by_flow: boolean; id: string | null; scope: Scope };

async function turnCounts(db: Db, workspaceId: string, start: SQL, end: SQL) {
  // The "bots at or after" count is the same for a message and the first bot message after it, so a
  // partition on it holds exactly that message; the "flow messages at or before" count likewise.
  const upTo = (order: SQL) =>
    sql`over (partition by chat order by ${order} rows between unbounded preceding and current row)`;
  const byFlow = sql`author = 'bot' and flow_id is not null`;
  return rowsOf<Keyed & Omit<Counts, 'goals'>>(
    await db.execute(sql`
      with w as (
        select m.id, m.at, m.direction, m.author, m.route, m.flow_id, m.contact_id, m.bot_account_id,
               m.room_id, coalesce(m.room_id, m.contact_id) as chat
        from messages m
        where m.workspace_id = ${workspaceId}::uuid
          and m.at >= ${start} - interval '1 day' and m.at < ${end} + ${ANSWER_WINDOW}::interval
      ), g as (
        select w.*,
          count(*) filter (where author = 'bot') ${upTo(sql`at desc, id desc`)} as bots_after,
          count(*) filter (where ${byFlow}) ${upTo(sql`at desc, id desc`)} as flows_after,
          count(*) filter (where ${byFlow}) ${upTo(sql`at, id`)} as flows_before
        from w
      ), t as (
        select g.*,
          max(at) filter (where author = 'bot') over (partition by chat, bots_after) as next_bot_at,
          max(at) filter (where ${byFlow}) over (partition by chat, flows_after) as next_flow_at,
          max(flow_id::text) filter (where ${byFlow}) over (partition by chat, flows_after) as next_flow,
          max(flow_id::text) filter (where ${byFlow}) over (partition by chat, flows_before) as prev_flow
        from g
      ), turns as (
        select contact_id, bot_account_id, route,
          case when room_id is null then 'private' else 'group' end as scope,
          coalesce(case when next_flow_at <= at + ${ANSWER_WINDOW}::interval then next_flow end, prev_flow) as flow,
          route is distinct from 'handoff' and route is distinct from 'human' and route is distinct from 'unanswered'
            and (room_id is null or next_bot_at <= at + ${ANSWER_WINDOW}::interval) as answered
        from t
        where direction = 'in' and at >= ${start} and at < ${end}
      )
      select grouping(bot_account_id) = 1 as by_flow,
             case when grouping(bot_account_id) = 1 then flow else bot_account_id::text end as id, scope,
             count(*)::int as turns, count(distinct contact_id)::int as contacts,
             count(*) filter (where answered)::int as answered,
             count(*) filter (where route in ('auto_reply', 'handoff', 'unanswered'))::int as fallback,
             count(*) filter (where route = 'handoff')::int as handoffs
      from turns
      group by grouping sets ((flow, scope), (bot_account_id, scope))`),
  );
}

/** Conversations a flow's handoff node opened (private), and goals reached, per flow and per account. */
async function handoffAndGoalCounts(db: Db, workspaceId: string, start: SQL, end: SQL) {
  const goalScope = sql`case when r.room_id is null then 'private' else 'group' end`;
  const [handoffs, goals] = await Promise.all([
    db.execute(sql`
      select grouping(cv.bot_account_id) = 1 as by_flow,
             case when grouping(cv.bot_account_id) = 1 then y.flow_id else cv.bot_account_id end::text as id,
             'private' as scope, count(*)::int as n
      from conversation_cycles y join conversations cv on cv.id = y.conversation_id
      where y.workspace_id = ${workspaceId}::uuid and y.opened_by = 'handoff'
        and y.opened_at >= ${start} and y.opened_at < ${end}
      group by grouping sets ((y.flow_id), (cv.bot_account_id))`),
    db.execute(sql`
      select grouping(c.bot_account_id) = 1 as by_flow,
             case when grouping(c.bot_account_id) = 1 then v.flow_id else c.bot_account_id end::text as id,
             ${goalScope} as scope, count(*)::int as n
      from goals g
      join flow_versions v on v.id = g.flow_version_id
      join runs r on r.id = g.run_id
      join contacts c on c.id = g.contact_id
      where g.workspace_id = ${workspaceId}::uuid and g.created_at >= ${start} and g.created_at < ${end}
      group by grouping sets ((v.flow_id, ${goalScope}), (c.bot_account_id, ${goalScope}))`),
  ]);
  type N = Keyed & { n: number };
  return { handoffs: rowsOf<N>(handoffs), goals: rowsOf<N>(goals) };
}

const share = (n: number, of: number) => (of === 0 ? null : n / of);

export async function botQuality(
  db: Db,
  workspaceId: string,
  range: { from: string; to: string },
): Promise<BotQualityBody> {
  kpiSpan(range);
  const [ws] = await db
    .select({ tz: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const tz = ws?.tz ?? 'UTC';
  const start = sql`(${range.from}::date::timestamp at time zone ${tz})`;
  const end = sql`((${range.to}::date + 1)::timestamp at time zone ${tz})`;
  const [turns, extra, flowNames, accountNames] = await Promise.all([
    turnCounts(db, workspaceId, start, end),
    handoffAndGoalCounts(db, workspaceId, start, end),
    db.select({ id: flows.id, name: flows.name }).from(flows).where(eq(flows.workspaceId, workspaceId)),
    db
      .select({ id: botAccounts.id, name: botAccounts.name })
      .from(botAccounts)
      .where(eq(botAccounts.workspaceId, workspaceId)),
  ]);
  const rows = new Map<string, Keyed & Counts>();
  const row = (k: Keyed) => {
    const key = `${k.by_flow}\u0000${k.id}\u0000${k.scope}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        by_flow: k.by_flow,
        id: k.id,
        scope: k.scope,
        turns: 0,
        contacts: 0,
        answered: 0,
        fallback: 0,
        handoffs: 0,
        goals: 0,
      };
      rows.set(key, r);
    }
    return r;
  };
  for (const t of turns) Object.assign(row(t), t);
  for (const h of extra.handoffs) row(h).handoffs += h.n;
  for (const g of extra.goals) row(g).goals += g.n;
  const names = new Map([...flowNames, ...accountNames].map((n) => [n.id, n.name]));
  const out = (byFlow: boolean): BotQualityRow[] =>
    [...rows.values()]
      .filter((r) => r.by_flow === byFlow)
      .map((r) => ({
        id: r.id,
        name: r.id === null ? null : (names.get(r.id) ?? null),
        scope: r.scope,
        turns: r.turns,
        contacts: r.contacts,
        answeredRate: share(r.answered, r.turns),
        fallbackRate: share(r.fallback, r.turns),
        handoffRate: share(r.handoffs, r.turns),
        goals: r.goals,
        goalsPer100: r.contacts === 0 ? null : (100 * r.goals) / r.contacts,
      }))
      // Busiest first; the "no flow" row after the flows of as many turns.
      .sort(
        (a, b) =>
          b.turns - a.turns ||
          Number(a.id === null) - Number(b.id === null) ||
          (a.name ?? '').localeCompare(b.name ?? '') ||
          a.scope.localeCompare(b.scope),
      );
  return { from: range.from, to: range.to, timeZone: tz, flows: out(true), accounts: out(false) };
}
