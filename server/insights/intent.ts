// Contacts who showed purchase intent and got no human reply: a private message containing one of
// the workspace's intent keywords (or a campaign reply bucketed `intent`), said between 7 days and
// 24 hours ago on the contact's own account clock, with no agent's or operator's message since.
import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../runtime/db/client.ts';
import { workspaceSettings } from '../../runtime/workspace-settings.ts';
import { encodeCursor } from '../../shared/api/common.ts';
import type { InsightContact, InsightItem } from '../../shared/api/insights.ts';
import { accountNows, type InsightContext } from './context.ts';

/** How long a contact may wait for a human before it is an insight, and how far back one looks. */
export const INTENT_WAIT = '24 hours';
export const INTENT_LOOKBACK = '7 days';

/** The CTE `waiting(contact_id, at, text)`: each such contact's latest intent, unanswered since. */
async function waitingSql(ctx: InsightContext): Promise<SQL> {
  const settings = await workspaceSettings(ctx.db, ctx.workspaceId);
  const keywords = (settings?.intentKeywords ?? [])
    .map((k) => k.normalize('NFKC').toLowerCase().trim())
    .filter((k) => k !== '');
  const window = (column: SQL) => sql`${column} >= acc.now - ${INTENT_LOOKBACK}::interval
      and ${column} <= acc.now - ${INTENT_WAIT}::interval`;
  return sql`
    with ${accountNows(ctx)},
    said as (
      select m.contact_id, m.at, m.text
      from messages m join acc on acc.id = m.bot_account_id
      where m.workspace_id = ${ctx.workspaceId}::uuid and m.direction = 'in' and m.room_id is null
        -- the index range: every account's window lies within it
        and m.at >= (select min(now) from acc) - ${INTENT_LOOKBACK}::interval
        and m.at <= (select max(now) from acc) - ${INTENT_WAIT}::interval
        and ${window(sql`m.at`)}
        and exists (select 1 from jsonb_array_elements_text(${JSON.stringify(keywords)}::jsonb) k
                    where strpos(lower(m.text), k) > 0)
      union all
      select cm.contact_id, cm.replied_at, coalesce(cm.reply, '')
      from campaigns c
      join campaign_members cm on cm.campaign_id = c.id and cm.bucket = 'intent'
      join contacts ct on ct.id = cm.contact_id
      join acc on acc.id = ct.bot_account_id
      where c.workspace_id = ${ctx.workspaceId}::uuid and ${window(sql`cm.replied_at`)}
    ), latest as (
      select distinct on (contact_id) contact_id, at, text from said order by contact_id, at desc
    ), waiting as (
      select l.* from latest l
      where not exists (
        select 1 from messages h
        where h.contact_id = l.contact_id and h.at > l.at and h.direction = 'out'
          and h.author in ('agent', 'operator'))
    )`;
}

export async function intentItems(ctx: InsightContext): Promise<InsightItem[]> {
  const [row] = rowsOf<{ n: number }>(
    await ctx.db.execute(sql`${await waitingSql(ctx)} select count(*)::int as n from waiting`),
  );
  const n = row?.n ?? 0;
  if (n === 0) return [];
  return [
    {
      kind: 'intent_unanswered',
      title: `${n} contacts showed purchase intent and got no human reply in 24 h`,
      count: n,
      link: '/insights/intent_unanswered',
      params: {},
    },
  ];
}

type Row = {
  id: string;
  name: string;
  alias: string | null;
  text: string;
  at: Date | string;
  conversation_id: string | null;
};

/** The contacts, longest waiting first, by (intent time, contact id). */
export async function intentContacts(
  ctx: InsightContext,
  page: { limit: number; cursor?: { at: Date; id: string } | undefined },
): Promise<{ items: InsightContact[]; nextCursor: string | null }> {
  const after = page.cursor
    ? sql`where (w.at, w.contact_id) > (${page.cursor.at.toISOString()}::timestamptz, ${page.cursor.id}::uuid)`
    : sql``;
  const rows = rowsOf<Row>(
    await ctx.db.execute(sql`${await waitingSql(ctx)}
      select c.id, c.name, c.alias, w.text, w.at, v.id as conversation_id
      from waiting w
      join contacts c on c.id = w.contact_id
      left join conversations v on v.contact_id = c.id
      ${after}
      order by w.at, w.contact_id
      limit ${page.limit + 1}`),
  );
  const items = rows.slice(0, page.limit).map((r) => ({
    id: r.id,
    name: r.name,
    alias: r.alias,
    text: r.text,
    at: new Date(r.at).toISOString(),
    conversationId: r.conversation_id,
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? encodeCursor(new Date(last.at), last.id) : null,
  };
}
