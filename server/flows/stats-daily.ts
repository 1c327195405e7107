// A flow version's counters per local day of the workspace (API.md "Analytics"): the funnel over a date
// range and each node's daily trend, summed from node_stats_daily — one index range, never node_visits.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../runtime/db/client.ts';
import type { DailyStatsBody } from '../../shared/api/flows.ts';
import { HttpError } from '../errors.ts';
import { workspaceClock } from '../workspace/clock.ts';
import { findVersion } from './flows.ts';

export const DAILY_MAX_DAYS = 366;
export const DAILY_DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;

export interface DailyQuery {
  version?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** A calendar day (YYYY-MM-DD) `days` later: no zone has a say in dates, so UTC arithmetic is exact. */
const shiftDay = (day: string, days: number) =>
  new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);

/** `from` … `to` (YYYY-MM-DD) day by day. */
export function daysBetween(from: string, to: string): string[] {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
  return Array.from({ length: Math.max(0, span) }, (_, i) => shiftDay(from, i));
}

/**
 * The range asked for; a missing end is today and a missing start is 30 days before the end. Today is
 * the workspace's furthest clock (a sandbox account runs ahead of the wall clock, and its turns count
 * on its days). A reversed or too long range is a 400 `invalid_range`.
 */
export function dailyRange(query: DailyQuery, today: string): { from: string; to: string; days: string[] } {
  const to = query.to ?? today;
  const from = query.from ?? shiftDay(to, 1 - DAILY_DEFAULT_DAYS);
  const span = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (span < 1 || span > DAILY_MAX_DAYS)
    throw new HttpError('invalid_range', `Pick 1 to ${DAILY_MAX_DAYS} days, from before to`, {
      reason: span < 1 ? 'reversed' : 'too_long',
      maxDays: DAILY_MAX_DAYS,
    });
  return { from, to, days: daysBetween(from, to) };
}

type Counts = { entered: number[]; exits: Map<string, number[]> };

export async function dailyStats(
  db: Db,
  workspaceId: string,
  flowId: string,
  query: DailyQuery,
): Promise<DailyStatsBody> {
  const version = await findVersion(db, workspaceId, flowId, query.version);
  const { timeZone, today } = await workspaceClock(db, workspaceId);
  const { from, to, days } = dailyRange(query, today);
  const index = new Map(days.map((d, i) => [d, i]));
  const zeros = () => days.map(() => 0);

  const nodes = new Map<string, Counts>();
  const node = (id: string) => {
    const counts = nodes.get(id) ?? { entered: zeros(), exits: new Map() };
    nodes.set(id, counts);
    return counts;
  };
  for (const n of (version.graph as { nodes?: { id?: unknown }[] } | null)?.nodes ?? [])
    if (typeof n?.id === 'string') node(n.id);

  const rows = rowsOf<{ day: string; node_id: string; port: string; count: number }>(
    await db.execute(sql`
      select to_char(day, 'YYYY-MM-DD') as day, node_id, port, sum(count)::int as count
      from node_stats_daily
      where flow_version_id = ${version.id} and day between ${from}::date and ${to}::date
      group by day, node_id, port`),
  );
  for (const r of rows) {
    const at = index.get(r.day);
    if (at === undefined) continue;
    const counts = node(r.node_id);
    if (r.port === '') counts.entered[at] = r.count;
    else {
      const port = counts.exits.get(r.port) ?? zeros();
      counts.exits.set(r.port, port);
      port[at] = r.count;
    }
  }

  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const entries = [...nodes.entries()];
  return {
    version: version.version,
    timeZone,
    from,
    to,
    days,
    nodes: Object.fromEntries(
      entries.map(([id, c]) => [id, { entered: c.entered, exits: Object.fromEntries(c.exits) }]),
    ),
    totals: Object.fromEntries(
      entries.map(([id, c]) => [
        id,
        { entered: sum(c.entered), exits: Object.fromEntries([...c.exits].map(([p, xs]) => [p, sum(xs)])) },
      ]),
    ),
  };
}
