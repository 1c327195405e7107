// The sweeper (DESIGN "Wake"): claims due runs with SKIP LOCKED in batches, then fires each one's
// TIMER in its own transaction. A claim pushes wake_at ahead by a lease, so a worker that dies
// mid-batch leaves its runs to another after the lease; the wake token makes a second fire a no-op.
import { eq, sql } from 'drizzle-orm';
import { contacts, runs } from '../../shared/db/schema.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { executeTurn, type TurnOutcome } from '../executor/execute.ts';

export const CLAIM_LEASE_MS = 60_000;

export interface DueRun {
  id: string;
  contactId: string;
  wakeToken: string;
  wakeAt: Date;
}

/** Claims up to `limit` runs due at `now`, oldest first. */
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
  return rowsOf<{ id: string; contact_id: string; wake_token: string; wake_at: Date | string }>(result)
    .map((r) => ({ id: r.id, contactId: r.contact_id, wakeToken: r.wake_token, wakeAt: new Date(r.wake_at) }))
    .sort((a, b) => a.wakeAt.getTime() - b.wakeAt.getTime());
}

/** Fires one claimed run: lock its contact first (the order inbound turns use), then the run. */
export async function fireRun(db: Db, due: DueRun, now: Date): Promise<TurnOutcome | null> {
  return db.transaction(async (tx) => {
    await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, due.contactId)).for('update');
    return executeTurn(tx, { kind: 'run', runId: due.id }, { type: 'TIMER', token: due.wakeToken }, now);
  });
}

/** The earliest wake time of any waiting run, for the sandbox clock to step through in order. */
export async function nextWakeAt(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(${runs.wakeAt})` })
    .from(runs)
    .where(eq(runs.status, 'waiting'));
  return row?.at ? new Date(row.at) : null;
}
