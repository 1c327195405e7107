// The sweeper (DESIGN "Wake"): `fireDueRuns` claims a batch of due runs with SKIP LOCKED on the runs
// and their contacts and fires their TIMERs in the same transaction — no lease is written (one runs
// update per wake, not two), and a worker that dies mid-batch rolls back and leaves its runs due.
// `claimDueRuns` + `fireRuns` claim by lease and fire later (tests that fire at a time of their own);
// the wake token makes a second fire a no-op.
// Snoozed conversations of the inbox whose time came open again the same way (`wakeSnoozedConversations`).
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { botAccounts, contacts, runs } from '../../shared/db/schema.ts';
import type { Bus } from '../bus.ts';
import { wakeSnoozed } from '../conversations/actions.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { executeTurn, type TurnOutcome } from '../executor/execute.ts';
import { WriteBatch } from '../executor/persist.ts';

export const CLAIM_LEASE_MS = 60_000;

export interface DueRun {
  id: string;
  contactId: string;
  wakeToken: string;
  wakeAt: Date;
  /** The wall clock when it was claimed; it fires at that time on its account's clock. */
  wallNow: Date;
}

type DueRow = { id: string; contact_id: string; wake_token: string; wake_at: Date | string };

const dueRuns = (result: unknown, wallNow: Date): DueRun[] =>
  rowsOf<DueRow>(result)
    .map((r) => ({
      id: r.id,
      contactId: r.contact_id,
      wakeToken: r.wake_token,
      wakeAt: new Date(r.wake_at),
      wallNow,
    }))
    .sort((a, b) => a.wakeAt.getTime() - b.wakeAt.getTime());

/**
 * Claims up to `limit` runs due on the wall clock at `now`, oldest first, by pushing their wake_at
 * ahead by a lease (a worker that dies leaves them to another after it); `fireRuns` fires them.
 */
export async function claimDueRuns(db: Db, now: Date, limit: number): Promise<DueRun[]> {
  const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
  const result = await db.execute(sql`
    with due as (
      select id, wake_at from runs
      where status = 'waiting' and wake_at <= ${now}
      order by wake_at limit ${limit}
      for update skip locked
    )
    update runs r set wake_at = ${lease} from due where r.id = due.id
    returning r.id, r.contact_id, r.wake_token, due.wake_at`);
  return dueRuns(result, now);
}

/**
 * Wakes claimed and fired per transaction: its round trips, commit and hot node_stats rows are shared
 * by the batch. bench:runtime (c) at 100k due runs, 4 sweepers, measured side by side when the batch
 * was chosen: 50 → 4,673/s, 200 → 7,151/s, 500 → 6,462/s (timeout shape; README has today's figures).
 * A batch holds its contacts' locks ~0.1 s: an inbound turn waits that long.
 */
export const WAKE_BATCH = 200;

type LockedRow = {
  run: typeof runs.$inferSelect;
  contact: typeof contacts.$inferSelect;
  clockOffset: number;
};

/** Runs joined to their contacts and each account's clock offset: callers add the filter and the lock. */
const lockedRows = (tx: Db) =>
  tx
    .select({ run: runs, contact: contacts, clockOffset: botAccounts.clockOffsetMs })
    .from(runs)
    .innerJoin(contacts, eq(contacts.id, runs.contactId))
    .innerJoin(botAccounts, eq(botAccounts.id, contacts.botAccountId));

/**
 * Fires claimed runs in one transaction: one statement locks their contacts and runs (contacts
 * first, in id order — the order inbound turns use), then each run's TIMER turn writes in one
 * statement. If the batch fails, each run is fired alone so one bad run cannot hold back the rest.
 */
export async function fireRuns(db: Db, due: DueRun[], now?: Date): Promise<(TurnOutcome | null)[]> {
  if (due.length === 0) return [];
  try {
    return await db.transaction(async (tx) => {
      const locked = await lockedRows(tx)
        .where(
          inArray(
            runs.id,
            due.map((d) => d.id),
          ),
        )
        .orderBy(asc(contacts.id), asc(runs.id))
        .for('update', { of: [runs, contacts] });
      const byId = new Map(locked.map((row) => [row.run.id, row]));
      return fireLocked(
        tx,
        due.map((d) => ({ due: d, row: byId.get(d.id) })),
        now,
      );
    });
  } catch (err) {
    if (due.length === 1) throw err;
    return Promise.all(due.map((d) => fireRuns(db, [d], now).then(([o]) => o ?? null)));
  }
}

/**
 * Claims up to `limit` runs due on the wall clock at `wallNow` (or, with `account`, one account's
 * runs due on its own clock: a sandbox whose clock runs ahead) and fires them in the SAME
 * transaction, oldest first, each at its account's time. The claim locks each run and its contact
 * with SKIP LOCKED — a run or contact another turn or sweeper holds is left for the next pass — so
 * no lease is written: a worker that dies mid-batch rolls back and leaves its runs due. If the
 * batch fails, each run is fired alone; one that fails alone too is put off by CLAIM_LEASE_MS.
 * Answers how many runs were claimed (0: none was due and free) and their outcomes.
 */
export async function fireDueRuns(
  db: Db,
  wallNow: Date,
  limit: number = WAKE_BATCH,
  account?: { id: string; now: Date },
): Promise<{ claimed: number; outcomes: (TurnOutcome | null)[] }> {
  const dueBy = account?.now ?? wallNow;
  let claimed: DueRun[] = [];
  try {
    const outcomes = await db.transaction(async (tx) => {
      const locked = await lockedRows(tx)
        .where(
          and(
            eq(runs.status, 'waiting'),
            lte(runs.wakeAt, dueBy),
            account ? eq(contacts.botAccountId, account.id) : undefined,
          ),
        )
        .orderBy(asc(runs.wakeAt))
        .limit(limit)
        .for('update', { of: [runs, contacts], skipLocked: true });
      claimed = locked.map(({ run }) => ({
        id: run.id,
        contactId: run.contactId,
        wakeToken: run.wakeToken ?? '',
        wakeAt: run.wakeAt ?? wallNow,
        wallNow,
      }));
      const fired = await fireLocked(
        tx,
        locked.map((row, i) => ({ due: claimed[i]!, row })),
      );
      // A run that had nothing to fire (no wake token, its version gone) would be claimed first on
      // every pass: it waits a lease, as a claimed run did.
      const idle = claimed.filter((_, i) => fired[i] === null);
      if (idle.length > 0) await putOff(tx, idle, dueBy);
      return fired;
    });
    return { claimed: claimed.length, outcomes };
  } catch (err) {
    if (claimed.length === 0) throw err;
    const alone = await Promise.allSettled(claimed.map((d) => fireRuns(db, [d])));
    const failed = claimed.filter((_, i) => alone[i]!.status === 'rejected');
    if (failed.length > 0) await putOff(db, failed, dueBy);
    if (failed.length === claimed.length) throw err;
    return {
      claimed: claimed.length,
      outcomes: alone.map((a) => (a.status === 'fulfilled' ? (a.value[0] ?? null) : null)),
    };
  }
}

/** Runs whose turn fails even alone (or has nothing to fire) wait CLAIM_LEASE_MS, not every pass. */
async function putOff(db: Db, failed: DueRun[], dueBy: Date): Promise<void> {
  const lease = new Date(dueBy.getTime() + CLAIM_LEASE_MS);
  await db
    .update(runs)
    .set({ wakeAt: sql`greatest(${runs.wakeAt}, ${lease})` })
    .where(
      and(
        inArray(
          runs.id,
          failed.map((d) => d.id),
        ),
        eq(runs.status, 'waiting'),
        lte(runs.wakeAt, dueBy),
      ),
    );
}

/** Each locked run's TIMER turn, in the given order, written in one statement at the end. */
async function fireLocked(
  tx: Db,
  entries: { due: DueRun; row: LockedRow | undefined }[],
  now?: Date,
): Promise<(TurnOutcome | null)[]> {
  const batch = new WriteBatch();
  const inBatch = new Set<string>();
  const outcomes: (TurnOutcome | null)[] = [];
  for (const { due: d, row } of entries) {
    if (!row) {
      outcomes.push(null);
      continue;
    }
    // A second run of the same contact: write the first, then read the contact afresh.
    const again = inBatch.has(row.contact.id);
    if (again) await batch.flush(tx);
    inBatch.add(row.contact.id);
    const event = { type: 'TIMER' as const, token: d.wakeToken };
    outcomes.push(
      // The run's account's time: the wall clock, plus a sandbox account's own offset.
      await executeTurn(tx, row.run, event, now ?? new Date(d.wallNow.getTime() + Number(row.clockOffset)), {
        contact: again ? undefined : row.contact,
        batch,
      }),
    );
  }
  await batch.flush(tx);
  return outcomes;
}

/** Fires one claimed run. */
export const fireRun = async (db: Db, due: DueRun, now?: Date): Promise<TurnOutcome | null> =>
  (await fireRuns(db, [due], now))[0] ?? null;

/** The earliest wake time of the account's waiting runs, for its sandbox clock to step through in order. */
export async function nextWakeAt(db: Db, accountId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(${runs.wakeAt})` })
    .from(runs)
    .innerJoin(contacts, eq(contacts.id, runs.contactId))
    .where(and(eq(contacts.botAccountId, accountId), eq(runs.status, 'waiting')));
  return row?.at ? new Date(row.at) : null;
}

/**
 * Opens the conversations snoozed until `now` or before (of one account when `botAccountId` says so:
 * a sandbox on its own clock), a batch per transaction, and tells the inbox. Answers how many woke.
 */
const SNOOZE_BATCH = 500;

export async function wakeSnoozedConversations(
  db: Db,
  bus: Bus,
  now: Date,
  botAccountId?: string,
): Promise<number> {
  let woken = 0;
  for (;;) {
    const batch = await db.transaction((tx) =>
      wakeSnoozed(tx, now, { limit: SNOOZE_BATCH, ...(botAccountId ? { botAccountId } : {}) }),
    );
    for (const { workspaceId, conversationId } of batch)
      bus.publish({ kind: 'conversation', workspaceId, conversationId });
    woken += batch.length;
    if (batch.length < SNOOZE_BATCH) return woken;
  }
}
