// The inbox KPIs over local days of the workspace's time zone, as SQL aggregates over the cycles
// (opened → first human reply → closed) and the private inbound messages.
// Agents: a cycle counts for whoever first answered it (the day of that reply: first-response times)
// and for whoever closed it (the day of the close: time to close); when the phone's operator answered
// or the system closed it, for the member it was assigned to. `handled` counts distinct cycles.
// Bot: contacts who wrote in private that day, those for whom no cycle opened that day (bot only), the
// messages, those only the fallback took (auto-reply, handoff, or nothing answered), and the handoffs by flow node.
import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../runtime/db/client.ts';
import type { InboxKpis } from '../../shared/api/conversations.ts';
import { workspaces } from '../../shared/db/schema.ts';
import { HttpError } from '../errors.ts';
import { nodeLabelSql } from '../flows/node-label.ts';

export const KPI_MAX_DAYS = 92;
const DAY_MS = 86_400_000;

type Range = { from: string; to: string };
type Scope = { workspaceId: string; tz: string; from: string; to: string; start: SQL; end: SQL };

/** The days of a KPI range (the bot quality's too); a reversed or too long one is a 400 `invalid_range`. */
export function kpiSpan(range: Range): number {
  const span = (Date.parse(range.to) - Date.parse(range.from)) / DAY_MS + 1;
  if (span < 1 || span > KPI_MAX_DAYS) {
    const reason = span < 1 ? 'reversed' : 'too_long';
    throw new HttpError('invalid_range', `Pick 1 to ${KPI_MAX_DAYS} days, from before to`, {
      reason,
      maxDays: KPI_MAX_DAYS,
    });
  }
  return span;
}

export async function inboxKpis(db: Db, workspaceId: string, range: Range): Promise<InboxKpis> {
  const span = kpiSpan(range);
  const [workspace] = await db
    .select({ tz: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const tz = workspace!.tz;
  const scope: Scope = {
    workspaceId,
    tz,
    ...range,
    start: sql`(${range.from}::date::timestamp at time zone ${tz})`,
    end: sql`((${range.to}::date + 1)::timestamp at time zone ${tz})`,
  };
  const days = Array.from({ length: span }, (_, i) =>
    new Date(Date.parse(range.from) + i * DAY_MS).toISOString().slice(0, 10),
  );
  const [team, agents, bot] = await Promise.all([
    teamKpis(db, scope, days),
    agentKpis(db, scope, days),
    botKpis(db, scope),
  ]);
  return { team, agents, bot };
}

/** Seconds to a tenth: interpolated percentiles carry float noise (76.00000000000001). */
const tenth = (v: number | null | undefined) => (v == null ? null : Math.round(v * 10) / 10);

const numbers = (r: Omit<AgentRow, 'agent' | 'name'> | undefined) => ({
  handled: r?.handled ?? 0,
  firstResponseMedian: tenth(r?.fr_median),
  firstResponseP90: tenth(r?.fr_p90),
  closeMedian: tenth(r?.close_median),
});

type AgentRow = {
  agent: string;
  name: string;
  day: string | null;
  handled: number;
  fr_median: number | null;
  fr_p90: number | null;
  close_median: number | null;
};

/**
 * Each cycle's first human reply (the day of that reply: first-response times) and its close (the day
 * of the close: time to close) in the range, with the member it counts for.
 */
const agentEvents = (s: Scope) => {
  const localDay = (column: SQL) => sql`(${column} at time zone ${s.tz})::date`;
  return sql`
        select c.id, coalesce(c.first_responder_id, c.assignee_id) as agent,
               ${localDay(sql`c.first_response_at`)} as day,
               extract(epoch from c.first_response_at - c.opened_at)::float8 as response, null::float8 as close
        from conversation_cycles c
        where c.workspace_id = ${s.workspaceId}::uuid and c.opened_at < ${s.end}
          and c.first_response_at >= ${s.start} and c.first_response_at < ${s.end}
        union all
        select c.id, coalesce(c.closed_by_id, c.assignee_id), ${localDay(sql`c.closed_at`)},
               null, extract(epoch from c.closed_at - c.opened_at)::float8
        from conversation_cycles c
        where c.workspace_id = ${s.workspaceId}::uuid and c.opened_at < ${s.end}
          and c.closed_at >= ${s.start} and c.closed_at < ${s.end}
      `;
};

async function agentKpis(db: Db, s: Scope, days: string[]): Promise<InboxKpis['agents']> {
  const rows = rowsOf<AgentRow>(
    await db.execute(sql`
      with e as (${agentEvents(s)}      ), k as (
        select agent, to_char(day, 'YYYY-MM-DD') as day, count(distinct id)::int as handled,
               percentile_cont(0.5) within group (order by response) as fr_median,
               percentile_cont(0.9) within group (order by response) as fr_p90,
               percentile_cont(0.5) within group (order by close) as close_median
        from e where agent is not null
        group by grouping sets ((agent, day), (agent))
      ), who as (
        select distinct agent from k
        union
        select user_id from members where workspace_id = ${s.workspaceId}::uuid and agent
      )
      select who.agent, u.name, k.day, coalesce(k.handled, 0) as handled, k.fr_median, k.fr_p90, k.close_median
      from who join users u on u.id = who.agent
      left join k on k.agent = who.agent`),
  );
  type Agent = { name: string; total?: AgentRow; days: Map<string, AgentRow> };
  const byAgent = new Map<string, Agent>();
  for (const r of rows) {
    const a: Agent = byAgent.get(r.agent) ?? { name: r.name, days: new Map() };
    if (r.day === null) a.total = r;
    else a.days.set(r.day, r);
    byAgent.set(r.agent, a);
  }
  return [...byAgent.entries()]
    .map(([id, a]) => ({
      user: { id, name: a.name },
      ...numbers(a.total),
      days: days.map((day) => ({ day, ...numbers(a.days.get(day)) })),
    }))
    .sort((x, y) => y.handled - x.handled || x.user.name.localeCompare(y.user.name));
}

/** Everyone's cycles together, per day and in all: a median of agents' medians would not be one. */
async function teamKpis(db: Db, s: Scope, days: string[]): Promise<NonNullable<InboxKpis['team']>> {
  const rows = rowsOf<Omit<AgentRow, 'agent' | 'name'>>(
    await db.execute(sql`
      with e as (${agentEvents(s)})
      select to_char(day, 'YYYY-MM-DD') as day, count(distinct id)::int as handled,
             percentile_cont(0.5) within group (order by response) as fr_median,
             percentile_cont(0.9) within group (order by response) as fr_p90,
             percentile_cont(0.5) within group (order by close) as close_median
      from e group by grouping sets ((day), ())`),
  );
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return {
    ...numbers(byDay.get(null)),
    days: days.map((day) => ({ day, ...numbers(byDay.get(day)) })),
  };
}

/** The private inbound messages of the range (`m`) and the cycles opened in it (`opened`), by local day. */
const botSources = (s: Scope) => sql`
  m as (
    select (m.at at time zone ${s.tz})::date as day, m.contact_id, m.route
    from messages m
    where m.workspace_id = ${s.workspaceId}::uuid and m.at >= ${s.start} and m.at < ${s.end}
      and m.direction = 'in' and m.room_id is null
  ), opened as (
    select (y.opened_at at time zone ${s.tz})::date as day, cv.contact_id, y.opened_by
    from conversation_cycles y join conversations cv on cv.id = y.conversation_id
    where y.workspace_id = ${s.workspaceId}::uuid and y.opened_at >= ${s.start} and y.opened_at < ${s.end}
  )`;

type BotDay = InboxKpis['bot']['days'][number];

async function botKpis(db: Db, s: Scope): Promise<InboxKpis['bot']> {
  const days = rowsOf<BotDay>(
    await db.execute(sql`
      with ${botSources(s)},
      per_day as (
        select day, count(distinct contact_id)::int as contacts, count(*)::int as messages,
               count(*) filter (where route in ('auto_reply', 'handoff', 'unanswered'))::int as fallback
        from m group by day
      ), bot_only as (
        select m.day, count(distinct m.contact_id)::int as n from m
        where not exists (select 1 from opened o where o.day = m.day and o.contact_id = m.contact_id)
        group by m.day
      ), handoffs as (
        select day, count(*)::int as n from opened where opened_by = 'handoff' group by day
      )
      select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(p.contacts, 0) as contacts,
             coalesce(b.n, 0) as "botOnly", coalesce(p.messages, 0) as messages,
             coalesce(p.fallback, 0) as fallback, coalesce(h.n, 0) as handoffs
      from (select g::date as day from generate_series(${s.from}::date, ${s.to}::date, interval '1 day') g) d
      left join per_day p on p.day = d.day
      left join bot_only b on b.day = d.day
      left join handoffs h on h.day = d.day
      order by d.day`),
  );
  const [rates] = rowsOf<{ bot_only_rate: number | null; fallback_rate: number | null }>(
    await db.execute(sql`
      with ${botSources(s)}
      select (count(distinct m.contact_id) filter (
                where not exists (select 1 from opened o where o.contact_id = m.contact_id))::float8
              / nullif(count(distinct m.contact_id), 0)) as bot_only_rate,
             (count(*) filter (where m.route in ('auto_reply', 'handoff', 'unanswered'))::float8
              / nullif(count(*), 0)) as fallback_rate
      from m`),
  );
  const byNode = rowsOf<InboxKpis['bot']['byNode'][number]>(
    await db.execute(sql`
      select y.flow_id as "flowId", f.name as "flowName", y.node_id as "nodeId",
             ${nodeLabelSql(sql`v.graph`, sql`y.node_id`)} as "nodeLabel", count(*)::int as handoffs
      from conversation_cycles y join flows f on f.id = y.flow_id
      left join flow_versions v on v.flow_id = f.id and v.version = f.published_version
      where y.workspace_id = ${s.workspaceId}::uuid and y.opened_by = 'handoff' and y.node_id is not null
        and y.opened_at >= ${s.start} and y.opened_at < ${s.end}
      group by y.flow_id, f.name, y.node_id, v.id
      order by handoffs desc, f.name, y.node_id`),
  );
  return {
    days,
    botOnlyRate: rates?.bot_only_rate ?? null,
    fallbackRate: rates?.fallback_rate ?? null,
    byNode,
  };
}
