// The phrases the bot met most that nothing answered: private texts of the last 7 days that no run,
// trigger or auto-reply took (the fallback handed them to a human or left them unanswered), the same
// words counted together (case and surrounding spaces aside). A phrase an auto-reply now answers is
// done. Each is an item: one click makes it an auto-reply or a flow's keyword trigger.
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../runtime/db/client.ts';
import { autoReplyFor } from '../../runtime/router/fallback.ts';
import { workspaceSettings } from '../../runtime/workspace-settings.ts';
import type { InsightItem } from '../../shared/api/insights.ts';
import { accountNows, type InsightContext } from './context.ts';

export const PHRASE_DAYS = 7;
/** Times a phrase must have come to be worth an auto-reply, and phrases listed at most. */
export const MIN_TIMES = 2;
export const MAX_PHRASES = 3;
/** An auto-reply keyword holds at most 50 characters (shared/api/workspace.ts). */
const MAX_CHARS = 50;

export async function phraseItems(ctx: InsightContext): Promise<InsightItem[]> {
  const settings = await workspaceSettings(ctx.db, ctx.workspaceId);
  const rows = rowsOf<{ phrase: string; times: number; contacts: number }>(
    await ctx.db.execute(sql`
      with ${accountNows(ctx)}
      select lower(btrim(m.text)) as phrase, count(*)::int as times, count(distinct m.contact_id)::int as contacts
      from messages m join acc on acc.id = m.bot_account_id
      where m.workspace_id = ${ctx.workspaceId}::uuid
        and m.at >= (select min(now) from acc) - ${PHRASE_DAYS} * interval '1 day'
        and m.at >= acc.now - ${PHRASE_DAYS} * interval '1 day'
        and m.direction = 'in' and m.room_id is null and m.kind = 'text'
        and m.route in ('unanswered', 'handoff')
        and char_length(btrim(m.text)) between 1 and ${MAX_CHARS}
      group by 1
      having count(*) >= ${MIN_TIMES}
      order by times desc, contacts desc, phrase
      limit ${MAX_PHRASES * 4}`),
  );
  return rows
    .filter((r) => !settings || autoReplyFor(settings.fallback, r.phrase) === null)
    .slice(0, MAX_PHRASES)
    .map((r) => ({
      kind: 'unanswered_phrase',
      title: `"${r.phrase}" came ${r.times} times and nothing answered it`,
      count: r.times,
      link: '/settings',
      params: { phrase: r.phrase, contacts: r.contacts },
    }));
}
