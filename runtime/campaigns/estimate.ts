// The estimate before launch (the account-safety promise): per bot account, the messages the campaign
// makes it send, what it may send a day under its limits after what it already has queued, the days
// that takes, and a risk with its reason code. The same limits the dispatcher paces by.
import { sql } from 'drizzle-orm';
import { type BotLimits, SAFE_LIMITS } from '../../shared/api/bot-limits.ts';
import type { CampaignEstimate } from '../../shared/api/campaigns.ts';
import type { campaigns } from '../../shared/db/schema.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { audienceSql } from '../segments/audience.ts';
import { sharedClock } from '../segments/scope.ts';
import { workspaceSettings } from '../workspace-settings.ts';
import { campaignFlow } from './flow.ts';
import { sendsPerMember } from './path.ts';
import { windowSlots } from './send-time.ts';

type CampaignRow = typeof campaigns.$inferSelect;

const DAY = 86_400_000;
/** A campaign that needs more days than this is a long one: `high`. */
export const OK_DAYS = 3;
/** Using more than this share of an account's daily cap a day is `high`. */
export const OK_SHARE = 0.8;
/**
 * A real account whose limits go past twice WeChat's careful pace (SAFE_LIMITS) is `over_limit`
 * whatever the campaign: such an account risks a ban on its own.
 */
export const SAFE_FACTOR = 2;

/** Minutes a day the window is open (a window past midnight wraps; equal ends: the whole day). */
export function windowMinutes(window: { from: string; to: string } | null): number {
  if (!window) return 24 * 60;
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const span = minutes(window.to) - minutes(window.from);
  return span > 0 ? span : span + 24 * 60;
}

type AccountRow = {
  id: string;
  name: string;
  limits: Partial<BotLimits>;
  status: string;
  puppet: string;
  offset: string | number;
  queued: number;
  audience: number;
};

export type Risk = { risk: 'ok' | 'high' | 'over_limit'; reason: string | null };

/** The risk of sending `perDayUse` messages a day for `days` days on an account of these limits. */
export function riskOf(
  a: { limits: BotLimits; connected: boolean; sandbox: boolean },
  days: number,
  perDayUse: number,
): Risk {
  if (!a.connected) return { risk: 'over_limit', reason: 'not_connected' };
  if (
    !a.sandbox &&
    (a.limits.messagesPerDay > SAFE_LIMITS.messagesPerDay * SAFE_FACTOR ||
      a.limits.messagesPerMinute > SAFE_LIMITS.messagesPerMinute * SAFE_FACTOR)
  )
    return { risk: 'over_limit', reason: 'limits_above_safe' };
  if (!Number.isFinite(days)) return { risk: 'over_limit', reason: 'no_capacity' };
  if (days > OK_DAYS) return { risk: 'high', reason: 'takes_long' };
  if (perDayUse > a.limits.messagesPerDay * OK_SHARE) return { risk: 'high', reason: 'near_daily_cap' };
  return { risk: 'ok', reason: null };
}

export async function estimateCampaign(
  db: Db,
  campaign: CampaignRow,
  wallNow: Date,
): Promise<CampaignEstimate> {
  const settings = await workspaceSettings(db, campaign.workspaceId);
  const flow = await campaignFlow(db, campaign.workspaceId, campaign.flowId);
  if (!settings) return { audience: 0, perAccount: [], finishesAt: null };
  const sends = 'problem' in flow ? 0 : sendsPerMember(flow.graph, flow.entryNodeId);
  const audience = audienceSql(campaign.workspaceId, campaign.rules, campaign.exclusions, wallNow, {
    ...settings,
    sharedClockMs: await sharedClock(db, campaign.workspaceId),
  });
  const rows = rowsOf<AccountRow>(
    await db.execute(sql`
      select b.id, b.name, b.limits, b.status, b.puppet, b.clock_offset_ms as offset, a.n::int as audience,
        (select count(*) from outbox o where o.bot_account_id = b.id and o.status = 'queued'
           and o.kind = 'message' and o.not_before < ${new Date(wallNow.getTime() + DAY)}::timestamptz
             + b.clock_offset_ms * interval '1 millisecond')::int as queued
      from (select bot_account_id, count(*) as n from (${audience}) x group by bot_account_id) a
      join bot_accounts b on b.id = a.bot_account_id
      order by b.created_at`),
  );
  // A contact gets at most the workspace's per-contact budget of such messages a day.
  const contactDays = sends === 0 ? 0 : Math.ceil(sends / Math.max(1, settings.messageBudget.perDay));
  const perAccount = rows.map((row) => {
    const limits = { ...SAFE_LIMITS, ...row.limits } as BotLimits;
    const messages = Number(row.audience) * sends;
    const perDay = Math.max(
      0,
      Math.min(
        limits.messagesPerDay - Number(row.queued),
        limits.messagesPerMinute * windowMinutes(campaign.sendTime === 'best_hour' ? campaign.window : null),
      ),
    );
    const days =
      messages === 0
        ? 0
        : perDay === 0
          ? Number.POSITIVE_INFINITY
          : Math.max(messages / perDay, contactDays - 1);
    const accountNow = wallNow.getTime() + Number(row.offset);
    const { risk, reason } = riskOf(
      { limits, connected: row.status === 'online', sandbox: row.puppet === 'sandbox' },
      days,
      Math.min(messages, perDay),
    );
    // Days to finish: from the start to the last send — the budgets' days, or the week best-hour
    // sends may spread over (the risk reads the budgets' days alone: waiting for an hour costs nothing).
    const span = Number.isFinite(days) ? sendingSpan(campaign, accountNow, days, settings.timeZone) : null;
    return {
      botAccountId: row.id,
      name: row.name,
      messages,
      perDay,
      days: span === null ? -1 : Math.round(((span.end - span.start) / DAY) * 100) / 100,
      risk,
      reason,
      finishesAt: span === null ? null : new Date(span.end).toISOString(),
    };
  });
  const ends = perAccount.map((a) => a.finishesAt);
  const finishesAt = ends.includes(null) ? null : ((ends as string[]).sort().at(-1) ?? wallNow.toISOString());
  return { audience: rows.reduce((n, r) => n + Number(r.audience), 0), perAccount, finishesAt };
}

/**
 * When sending starts (launch, or its scheduled time) and ends: the days sending takes under the
 * budgets; best-hour sends may land up to a week on.
 */
function sendingSpan(
  campaign: CampaignRow,
  accountNow: number,
  days: number,
  timeZone: string,
): { start: number; end: number } {
  const start = Math.max(accountNow, campaign.schedule.at ? Date.parse(campaign.schedule.at) : 0);
  const paced = start + days * DAY;
  if (campaign.sendTime !== 'best_hour' || days === 0) return { start, end: paced };
  const last = windowSlots(start, campaign.window, timeZone).at(-1)?.at ?? start;
  return { start, end: Math.max(paced, last) };
}
