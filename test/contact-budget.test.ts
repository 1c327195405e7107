// The per-contact message budget at claim time (DESIGN "Campaigns and budgets"): over simulated weeks
// of random timer sends, replies and campaign bursts on two paced accounts, no contact ever gets more
// bot-initiated messages than the workspace budget in any sliding 24 h or 7 d window, no account goes
// over its own pacing, and nothing is lost — a deferred row goes out later, never dropped.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { refreshLeases } from '../runtime/bots/leases.ts';
import type { BotConnection } from '../runtime/bots/port.ts';
import type { Db } from '../runtime/db/client.ts';
import { DAY_MS, nextAllowed, WEEK_MS } from '../runtime/dispatcher/contact-budget.ts';
import { dispatchAccount } from '../runtime/dispatcher/dispatcher.ts';
import { forgetWorkspaceSettings } from '../runtime/workspace-settings.ts';
import { prng } from '../server/sandbox/generate.ts';
import { type BotLimits, SANDBOX_LIMITS } from '../shared/api/bot-limits.ts';
import { botAccounts, contacts, outbox, workspaces } from '../shared/db/schema.ts';
import { localDay } from '../shared/time/zoned.ts';
import { describeDb } from './support/db.ts';

const HOUR = 3_600_000;
const ZONE = 'Asia/Shanghai';
const T0 = Date.UTC(2025, 0, 5, 16); // Monday 00:00 in Shanghai
/** More seeds: BUDGET_SEEDS=8 (each seed is three simulated weeks of two accounts). */
const SEEDS = Array.from({ length: Number(process.env.BUDGET_SEEDS ?? 2) }, (_, i) => 11 + 12 * i);
const CONTACTS_PER_ACCOUNT = 5;

const phone = (): BotConnection => ({
  start: async () => {},
  stop: async () => {},
  onInbound: () => {},
  onStatus: () => {},
  acceptFriendRequest: async () => {},
  sendMedia: async () => {},
  addFriend: async () => ({ outcome: 'not_found' }),
  roomSay: async () => {},
  roomAdd: async () => 'added',
  roomRemove: async () => {},
  say: async () => {},
});

describe('nextAllowed', () => {
  const budget = { perDay: 2, perWeek: 5 };
  it('allows at once while both windows have room', () => {
    expect(nextAllowed([], budget, T0)).toBe(T0);
    expect(nextAllowed([T0 - HOUR], budget, T0)).toBe(T0);
  });
  it('waits for the oldest message of a full day to leave the 24 h window', () => {
    expect(nextAllowed([T0 - 3 * HOUR, T0 - HOUR], budget, T0)).toBe(T0 - 3 * HOUR + DAY_MS);
  });
  it('waits for the week, and for the later of both windows', () => {
    const week = [6, 5, 4, 3, 2].map((d) => T0 - d * DAY_MS + HOUR);
    expect(nextAllowed(week, budget, T0)).toBe(week[0]! + WEEK_MS);
    const both = [T0 - 6 * DAY_MS, T0 - 5 * DAY_MS, T0 - 4 * DAY_MS, T0 - 2 * HOUR, T0 - HOUR];
    expect(nextAllowed(both, budget, T0)).toBe(Math.max(both[0]! + WEEK_MS, both[3]! + DAY_MS));
  });
});

interface World {
  workspaceId: string;
  budget: { perDay: number; perWeek: number };
  accounts: { id: string; limits: BotLimits; contactIds: string[] }[];
}

async function seedWorld(db: Db, r: () => number, seed: number): Promise<World> {
  const perDay = 1 + Math.floor(r() * 3);
  const budget = { perDay, perWeek: perDay + Math.floor(r() * 4) };
  const [ws] = await db
    .insert(workspaces)
    .values({ name: `budget ${seed}`, timeZone: ZONE, messageBudget: budget })
    .returning();
  const world: World = { workspaceId: ws!.id, budget, accounts: [] };
  for (let a = 0; a < 2; a++) {
    const limits: BotLimits = {
      ...SANDBOX_LIMITS,
      messagesPerMinute: 2 + Math.floor(r() * 4),
      messagesPerDay: 25 + Math.floor(r() * 40),
      jitterMs: [1000, 5000],
    };
    const [account] = await db
      .insert(botAccounts)
      .values({ workspaceId: ws!.id, name: `bot ${a}`, puppet: 'sandbox', limits })
      .returning();
    const rows = await db
      .insert(contacts)
      .values(
        Array.from({ length: CONTACTS_PER_ACCOUNT }, (_, i) => ({
          workspaceId: ws!.id,
          botAccountId: account!.id,
          puppetId: `p-${seed}-${a}-${i}`,
          name: `c${i}`,
          friendStatus: 'friend' as const,
        })),
      )
      .returning({ id: contacts.id });
    world.accounts.push({ id: account!.id, limits, contactIds: rows.map((x) => x.id) });
  }
  return world;
}

/** Three weeks of sends: timers and follow-ups (initiated), replies (not), two campaign bursts. */
function plan(world: World, r: () => number, seed: number) {
  const rows: (typeof outbox.$inferInsert)[] = [];
  let n = 0;
  const add = (accountId: string, contactId: string, at: number, initiated: boolean) =>
    rows.push({
      workspaceId: world.workspaceId,
      botAccountId: accountId,
      contactId,
      kind: 'message',
      payload: { text: `m${n}`, author: initiated ? 'bot' : r() < 0.5 ? 'bot' : 'agent' },
      idempotencyKey: `budget-${seed}-${n++}`,
      notBefore: new Date(at),
      initiated,
    });
  for (const account of world.accounts)
    for (const contactId of account.contactIds) {
      for (let day = 0; day < 21; day++) {
        const at = () => T0 + day * DAY_MS + Math.floor(r() * DAY_MS);
        if (r() < 0.8) add(account.id, contactId, at(), true);
        if (r() < 0.3) {
          // A run's follow-ups queued together.
          const t = at();
          for (let k = 0; k < 3; k++) add(account.id, contactId, t, true);
        }
        if (r() < 0.7) add(account.id, contactId, at(), false);
      }
      for (const day of [3, 10])
        for (let k = 0; k < 3; k++) add(account.id, contactId, T0 + day * DAY_MS + 20 * HOUR, true);
    }
  return rows;
}

/** Runs the accounts' dispatchers from event to event until nothing is queued. */
async function simulate(db: Db, world: World, seed: number) {
  const { taken } = await refreshLeases(db, `budget-${seed}`, 600_000);
  const targets = world.accounts.map((a) => ({
    accountId: a.id,
    owner: `budget-${seed}`,
    fencingToken: taken.find((l) => l.accountId === a.id)!.fencingToken,
    connection: phone(),
  }));
  const random = prng(seed * 7 + 1);
  let now = T0;
  let due = new Map(targets.map((t) => [t.accountId, T0]));
  // Each account's next paced slot, as its last pass answered (a paced kind's rows stay due, unmoved).
  const paced = new Map<string, number>();
  for (let step = 0; step < 20_000; step++) {
    // Only the accounts with something due now: the others would find nothing.
    for (const target of targets)
      if ((due.get(target.accountId) ?? Number.POSITIVE_INFINITY) <= now) {
        const pass = await dispatchAccount(db, target, () => new Date(now), random);
        if (pass.nextAt) paced.set(target.accountId, pass.nextAt.getTime());
        else paced.delete(target.accountId);
      }
    const next = await db
      .select({
        account: outbox.botAccountId,
        at: sql<
          string | Date | null
        >`min(${outbox.notBefore}) filter (where ${outbox.notBefore} > ${new Date(now)})`,
      })
      .from(outbox)
      .where(sql`${outbox.workspaceId} = ${world.workspaceId} and ${outbox.status} = 'queued'`)
      .groupBy(outbox.botAccountId);
    if (next.length === 0) return step;
    due = new Map(
      next.map((n) => {
        const times = [paced.get(n.account), n.at ? new Date(n.at).getTime() : undefined];
        return [n.account, Math.min(...times.filter((t): t is number => t !== undefined))];
      }),
    );
    now = Math.max(now + 1, Math.min(...due.values()));
  }
  throw new Error('the simulation did not finish');
}

/** The most events of `times` (sorted) in any sliding window (t - ms, t]. */
function maxInWindow(times: number[], ms: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[j]! <= times[i]! - ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describeDb('per-contact message budget', (handle) => {
  beforeAll(async () => {
    // Other suites' workspaces must not share our accounts' leases: refreshLeases takes all free ones.
    await handle().db.update(botAccounts).set({ desired: 'stopped' });
  });

  for (const seed of SEEDS)
    it(`keeps every contact within its budget and every account within its pacing (seed ${seed})`, async () => {
      const db = handle().db;
      await db.update(botAccounts).set({ desired: 'stopped' });
      const r = prng(seed);
      const world = await seedWorld(db, r, seed);
      forgetWorkspaceSettings(world.workspaceId);
      const planned = plan(world, r, seed);
      for (let i = 0; i < planned.length; i += 500) await db.insert(outbox).values(planned.slice(i, i + 500));
      await simulate(db, world, seed);

      const rows = await db.select().from(outbox).where(eq(outbox.workspaceId, world.workspaceId));
      // Nothing lost: every queued row went out.
      expect(rows).toHaveLength(planned.length);
      expect(rows.filter((x) => x.status !== 'sent')).toEqual([]);
      const due = new Map(planned.map((p) => [p.idempotencyKey, (p.notBefore as Date).getTime()]));
      const doneAt = (x: (typeof rows)[number]) => new Date(x.doneAt!).getTime();
      // The budget did hold some back (the test exercised it), and they went out later.
      const deferred = rows.filter((x) => x.initiated && doneAt(x) - due.get(x.idempotencyKey)! > HOUR);
      expect(deferred.length).toBeGreaterThan(0);

      for (const account of world.accounts) {
        for (const contactId of account.contactIds) {
          const times = rows
            .filter((x) => x.contactId === contactId && x.initiated)
            .map(doneAt)
            .sort((a, b) => a - b);
          expect(maxInWindow(times, DAY_MS)).toBeLessThanOrEqual(world.budget.perDay);
          expect(maxInWindow(times, WEEK_MS)).toBeLessThanOrEqual(world.budget.perWeek);
        }
        const sent = rows
          .filter((x) => x.botAccountId === account.id)
          .map(doneAt)
          .sort((a, b) => a - b);
        expect(maxInWindow(sent, 60_000)).toBeLessThanOrEqual(account.limits.messagesPerMinute);
        const perDay = new Map<string, number>();
        for (const t of sent) perDay.set(localDay(t, ZONE), (perDay.get(localDay(t, ZONE)) ?? 0) + 1);
        expect(Math.max(...perDay.values())).toBeLessThanOrEqual(account.limits.messagesPerDay);
        for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(1000);
      }
    }, 180_000);

  it('holds only the initiated row of a contact over budget: a reply and another contact go at once', async () => {
    const db = handle().db;
    await db.update(botAccounts).set({ desired: 'stopped' });
    const r = prng(5);
    const world = await seedWorld(db, r, 5);
    await db
      .update(workspaces)
      .set({ messageBudget: { perDay: 1, perWeek: 3 } })
      .where(eq(workspaces.id, world.workspaceId));
    forgetWorkspaceSettings(world.workspaceId);
    const account = world.accounts[0]!;
    await db.update(botAccounts).set({ limits: SANDBOX_LIMITS }).where(eq(botAccounts.id, account.id));
    const [a, b] = account.contactIds;
    const row = (
      key: string,
      contactId: string,
      initiated: boolean,
      status: 'queued' | 'sent',
      at: number,
    ) => ({
      workspaceId: world.workspaceId,
      botAccountId: account.id,
      contactId,
      kind: 'message' as const,
      payload: { text: key, author: 'bot' as const },
      idempotencyKey: `hold-${key}`,
      notBefore: new Date(at),
      initiated,
      status,
      doneAt: status === 'sent' ? new Date(at) : null,
    });
    const now = T0 + 30 * DAY_MS;
    await db
      .insert(outbox)
      .values([
        row('earlier', a!, true, 'sent', now - 2 * HOUR),
        row('held', a!, true, 'queued', now - 1000),
        row('reply', a!, false, 'queued', now - 900),
        row('other', b!, true, 'queued', now - 800),
      ]);
    const { taken } = await refreshLeases(db, 'hold', 600_000);
    const lease = taken.find((l) => l.accountId === account.id)!;
    await dispatchAccount(
      db,
      { accountId: account.id, owner: 'hold', fencingToken: lease.fencingToken, connection: phone() },
      () => new Date(now),
      () => 0,
    );
    const state = Object.fromEntries(
      (await db.select().from(outbox).where(sql`${outbox.idempotencyKey} like 'hold-%'`)).map((x) => [
        x.idempotencyKey.slice(5),
        { status: x.status, notBefore: new Date(x.notBefore).getTime() },
      ]),
    );
    expect(state.reply!.status).toBe('sent');
    expect(state.other!.status).toBe('sent');
    expect(state.held).toEqual({ status: 'queued', notBefore: now - 2 * HOUR + DAY_MS });
  });
});
