// The sweeper (DESIGN "Wake"): claims due runs with SKIP LOCKED in batches, then fires their TIMERs
// in batched transactions (each run's turn still holds its contact and run locks). A claim pushes wake_at ahead by a lease, so a worker that dies
// mid-batch leaves its runs to another after the lease; the wake token makes a second fire a no-op.
// Snoozed conversations of the inbox whose time came open again the same way (`wakeSnoozedConversations`).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
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
 * Claims up to `limit` runs due on the wall clock at `now`, oldest first: every real account's due
 * runs, and sandbox runs that the wall clock alone has made due. Each fires at its account's time.
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
 * Claims up to `limit` runs of ONE account due on that account's clock (`accountNow`): a sandbox
 * account whose clock runs ahead. Only that account's contacts' runs are looked at.
 */
export async function claimDueRunsOf(
  db: Db,
  accountId: string,
  accountNow: Date,
  limit: number,
): Promise<DueRun[]> {
  const lease = new Date(accountNow.getTime() + CLAIM_LEASE_MS);
  const result = await db.execute(sql`
    with due as (
      select r.id, r.wake_at from runs r join contacts c on c.id = r.contact_id
      where c.bot_account_id = ${accountId} and r.status = 'waiting' and r.wake_at <= ${accountNow}
      order by r.wake_at limit ${limit}
      for update of r skip locked
    )
    update runs r set wake_at = ${lease} from due where r.id = due.id
    returning r.id, r.contact_id, r.wake_token, due.wake_at`);
  return dueRuns(result, new Date());
}

/** Wakes fired per transaction: the transaction's round trips and commit are shared by the batch. */
export const WAKE_BATCH = 50;

/**
 * Fires claimed runs in one transaction: one statement locks their contacts and runs (contacts
 * first, in id order — the order inbound turns use), then each run's TIMER turn writes in one
 * statement. If the batch fails, each run is fired alone so one bad run cannot hold back the rest.
 */
export async function fireRuns(db: Db, due: DueRun[], now?: Date): Promise<(TurnOutcome | null)[]> {
  if (due.length === 0) return [];
  try {
    return await db.transaction(async (tx) => {
      const locked = await tx
        .select({ run: runs, contact: contacts, clockOffset: botAccounts.clockOffsetMs })
        .from(runs)
        .innerJoin(contacts, eq(contacts.id, runs.contactId))
        .innerJoin(botAccounts, eq(botAccounts.id, contacts.botAccountId))
        .where(
          inArray(
            runs.id,
            due.map((d) => d.id),
          ),
        )
        .orderBy(asc(contacts.id), asc(runs.id))
        .for('update', { of: [runs, contacts] });
      const byId = new Map(locked.map((row) => [row.run.id, row]));
      const batch = new WriteBatch();
      const inBatch = new Set<string>();
      const outcomes: (TurnOutcome | null)[] = [];
      for (const d of due) {
        const row = byId.get(d.id);
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
          await executeTurn(
            tx,
            row.run,
            event,
            now ?? new Date(d.wallNow.getTime() + Number(row.clockOffset)),
            {
              contact: again ? undefined : row.contact,
              batch,
            },
          ),
        );
      }
      await batch.flush(tx);
      return outcomes;
    });
  } catch (err) {
    if (due.length === 1) throw err;
    return Promise.all(due.map((d) => fireRuns(db, [d], now).then(([o]) => o ?? null)));
  }
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
