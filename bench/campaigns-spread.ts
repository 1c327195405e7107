// bench:campaigns (c): a broadcast and a recall to the same ~1,000 contacts over 10 accounts with
// realistic limits, their runs fired, then the real dispatcher driven on a simulated clock with a
// phone that only records each send. Answers, for every budget, the most any window held / its limit.
import { and, eq, sql } from 'drizzle-orm';
import type { BotConnection } from '../runtime/bots/port.ts';
import { type Db, rowsOf } from '../runtime/db/client.ts';
import { DAY_MS, WEEK_MS } from '../runtime/dispatcher/contact-budget.ts';
import { dispatchAccount } from '../runtime/dispatcher/dispatcher.ts';
import { OUTBOX_KIND_TABLE } from '../runtime/dispatcher/kinds.ts';
import { claimDueRuns, fireRuns } from '../runtime/sweeper/sweeper.ts';
import { type BotLimits, SAFE_LIMITS } from '../shared/api/bot-limits.ts';
import { botAccounts, outbox } from '../shared/db/schema.ts';
import { localDay } from '../shared/time/zoned.ts';

/** Tight enough that 200 messages an account take days: every window fills many times. */
export const SPREAD_LIMITS: BotLimits = {
  ...SAFE_LIMITS,
  messagesPerMinute: 2,
  messagesPerDay: 40,
  jitterMs: [1000, 5000],
};
const TIME_ZONE = 'Asia/Shanghai';

type Send = { account: string; contact: string; at: number };

/** The phone: records what it was asked to send, at the simulated time. */
function recordingPhone(account: string, clock: { t: number }, sends: Send[]): BotConnection {
  const nothing = async () => {};
  return {
    start: nothing,
    stop: nothing,
    say: async (contact) => void sends.push({ account, contact, at: clock.t }),
    sendMedia: async (contact) => void sends.push({ account, contact, at: clock.t }),
    acceptFriendRequest: nothing,
    addFriend: async () => ({ status: 'not_found' }) as never,
    roomSay: nothing,
    roomAdd: async () => 'added',
    roomRemove: nothing,
    onInbound: () => {},
    onStatus: () => {},
  };
}

/** The largest number of `times` (sorted) inside any sliding window of `ms`. */
function maxInWindow(times: number[], ms: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Seeded, so two runs of the bench draw the same jitter. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** Fires every due run (at `now`), then drives each account's dispatcher until its outbox is empty. */
export async function spread(
  db: Db,
  accountIds: string[],
  budget: { perDay: number; perWeek: number },
  now: Date,
) {
  await db
    .update(botAccounts)
    .set({ limits: SPREAD_LIMITS, pacing: null })
    .where(sql`${botAccounts.id} in ${accountIds}`);
  for (;;) {
    const due = await claimDueRuns(db, new Date(now.getTime() + 1000), 200);
    if (due.length === 0) break;
    await fireRuns(db, due, now);
  }
  const sends: Send[] = [];
  const t = performance.now();
  let steps = 0;
  await Promise.all(
    accountIds.map(async (account, i) => {
      const clock = { t: now.getTime() };
      const target = {
        accountId: account,
        owner: 'bench',
        fencingToken: 1,
        connection: recordingPhone(account, clock, sends),
      };
      for (;;) {
        steps++;
        const pass = await dispatchAccount(db, target, () => new Date(clock.t), random(i + 1));
        // The next time anything may go: a paced kind's next slot (its rows stay due, unmoved), or a
        // row put off until later (a contact over its budget).
        const [later] = rowsOf<{ at: string | Date | null }>(
          await db.execute(sql`select min(not_before) as at from outbox
            where bot_account_id = ${account} and status = 'queued' and not_before > ${new Date(clock.t)}`),
        );
        const next = [pass.nextAt?.getTime(), later?.at ? new Date(later.at).getTime() : undefined].filter(
          (t): t is number => t !== undefined,
        );
        if (next.length === 0) return;
        clock.t = Math.max(clock.t + 1, Math.min(...next));
      }
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  const [left] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from outbox where bot_account_id in ${accountIds} and status <> 'sent'`,
    ),
  );
  return { ...ratios(sends, budget), sent: sends.length, unsent: left?.n ?? 0, steps, seconds };
}

/** Max use / limit of every account window, per-day cap, and the per-contact budget. */
function ratios(sends: Send[], budget: { perDay: number; perWeek: number }) {
  const group = (key: (s: Send) => string) => {
    const by = new Map<string, number[]>();
    for (const s of sends) {
      const list = by.get(key(s)) ?? [];
      list.push(s.at);
      by.set(key(s), list);
    }
    for (const list of by.values()) list.sort((a, b) => a - b);
    return by;
  };
  const messageBudget = OUTBOX_KIND_TABLE.message!.budget(SPREAD_LIMITS);
  const accountWindows = messageBudget.windows.map((w) => ({
    label: `per ${w.ms / 1000} s`,
    ratio:
      Math.max(0, ...[...group((s) => s.account).values()].map((ts) => maxInWindow(ts, w.ms))) /
      (w.max ?? Infinity),
  }));
  const perDay = Math.max(
    0,
    ...[...group((s) => `${s.account} ${localDay(s.at, TIME_ZONE)}`).values()].map((ts) => ts.length),
  );
  const contacts = [...group((s) => s.contact).values()];
  const days = (ts: number[]) => Math.max(1, Math.ceil((ts[ts.length - 1]! - ts[0]!) / DAY_MS));
  return {
    accountWindows,
    accountPerDay: perDay / (messageBudget.perDay ?? Infinity),
    contactPerDay: Math.max(0, ...contacts.map((ts) => maxInWindow(ts, DAY_MS))) / budget.perDay,
    contactPerWeek: Math.max(0, ...contacts.map((ts) => maxInWindow(ts, WEEK_MS))) / budget.perWeek,
    simulatedDays: days(sends.map((s) => s.at).sort((a, b) => a - b)),
  };
}

export const queued = async (db: Db, accountIds: string[]) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(and(eq(outbox.status, 'queued'), sql`${outbox.botAccountId} in ${accountIds}`))
  )[0]?.n ?? 0;
