// Experiments with a winner: for each flow whose published version ran in the last 30 days, the
// experiments (server/flows/experiments.ts) over contacts who entered them in those days; every
// split or send whose leading arm is significant is an item that opens the node.
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../runtime/db/client.ts';
import type { InsightItem } from '../../shared/api/insights.ts';
import { flowExperiments } from '../flows/experiments.ts';
import { addDays, type InsightContext } from './context.ts';

export const WINNER_DAYS = 30;
/** Flows looked at, most recently active first, and items listed at most. */
const MAX_FLOWS = 20;
export const MAX_WINNERS = 3;

export async function winnerItems(ctx: InsightContext): Promise<InsightItem[]> {
  const from = addDays(ctx.today, 1 - WINNER_DAYS);
  const flows = rowsOf<{ id: string; name: string }>(
    await ctx.db.execute(sql`
      select f.id, f.name from flows f
      join flow_versions v on v.flow_id = f.id and v.version = f.published_version and v.preview = false
      join lateral (
        select max(d.day) as day from node_stats_daily d
        where d.flow_version_id = v.id and d.day between ${from}::date and ${ctx.today}::date
      ) active on active.day is not null
      where f.workspace_id = ${ctx.workspaceId}::uuid and f.archived_at is null
      order by active.day desc, f.id
      limit ${MAX_FLOWS}`),
  );
  const items: InsightItem[] = [];
  for (const flow of flows) {
    const result = await flowExperiments(ctx.db, ctx.workspaceId, flow.id, { from, to: ctx.today });
    for (const experiment of result.experiments) {
      const winner = experiment.arms.find((arm) => arm.key === experiment.winner);
      if (!winner) continue;
      const others = experiment.arms.filter((arm) => arm !== winner && arm.contacts > 0);
      const next = Math.max(0, ...others.map((arm) => arm.rate));
      const contacts = experiment.arms.reduce((sum, arm) => sum + arm.contacts, 0);
      items.push({
        kind: 'winning_variant',
        title: `"${winner.label}" wins at ${experiment.label ?? experiment.nodeId} in "${flow.name}": ${Math.round(winner.rate * 1000) / 10}% reach ${result.goal}`,
        count: contacts,
        link: `/flows/${flow.id}?node=${encodeURIComponent(experiment.nodeId)}`,
        params: {
          flowId: flow.id,
          flowName: flow.name,
          nodeId: experiment.nodeId,
          nodeType: experiment.type,
          nodeLabel: experiment.label,
          variant: winner.label,
          goal: result.goal,
          rate: winner.rate,
          runnerUpRate: next,
          pValue: experiment.pValue,
        },
      });
      if (items.length === MAX_WINNERS) return items;
    }
  }
  return items;
}
