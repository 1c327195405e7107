// Accounts near their daily budgets: what each bot account did today (its own clock's local day, the
// dispatcher's pacing counters) against each outbox kind's daily cap — messages, friend accepts,
// adds, group invites and removals, whatever the kind table names. At NEAR_SHARE of a cap or more,
// the account is an item (its most used kind) that opens the bots page, where its limits are.
import { eq } from 'drizzle-orm';
import { OUTBOX_KIND_TABLE, type OutboxKind } from '../../runtime/dispatcher/kinds.ts';
import type { PacingState } from '../../runtime/dispatcher/pacing.ts';
import type { InsightItem } from '../../shared/api/insights.ts';
import { botAccounts } from '../../shared/db/schema.ts';
import { localDay } from '../../shared/time/zoned.ts';
import type { InsightContext } from './context.ts';

export const NEAR_SHARE = 0.8;

export async function budgetItems(
  ctx: InsightContext,
  kinds: Readonly<Record<string, OutboxKind>> = OUTBOX_KIND_TABLE,
): Promise<InsightItem[]> {
  const accounts = await ctx.db
    .select({
      id: botAccounts.id,
      name: botAccounts.name,
      limits: botAccounts.limits,
      pacing: botAccounts.pacing,
      offset: botAccounts.clockOffsetMs,
    })
    .from(botAccounts)
    .where(eq(botAccounts.workspaceId, ctx.workspaceId))
    .orderBy(botAccounts.createdAt);
  const items: InsightItem[] = [];
  for (const account of accounts) {
    const pacing = account.pacing as PacingState | null;
    const today = localDay(ctx.wallNow.getTime() + Number(account.offset), ctx.timeZone);
    if (!pacing || pacing.day !== today) continue;
    let top: { action: string; used: number; limit: number; share: number } | null = null;
    for (const [action, kind] of Object.entries(kinds)) {
      const limit = kind.budget(account.limits).perDay;
      const used = pacing.today[action] ?? 0;
      if (limit === null || limit <= 0) continue;
      const share = used / limit;
      if (share >= NEAR_SHARE && (!top || share > top.share)) top = { action, used, limit, share };
    }
    if (!top) continue;
    items.push({
      kind: 'budget_near',
      title: `${account.name} has used ${top.used} of its ${top.limit} ${top.action} today`,
      count: top.used,
      link: '/bots',
      params: { accountId: account.id, accountName: account.name, ...top },
    });
  }
  return items;
}
