// Outbox rows for the dispatcher: the due rows of an account (peeked, to pace them per kind), the
// claim that marks one `sending` only while this worker still holds the account's lease (fencing
// token), and the outcomes. A row is `sending` only between the claim and WeChat's answer.
import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { contacts, outbox } from '../../shared/db/schema.ts';
import { campaignMessageFailed, campaignMessageSent } from '../campaigns/members.ts';
import { type Db, rowsOf } from '../db/client.ts';
import type { OutboxKind, OutboxRow } from './kinds.ts';

export type { OutboxRow } from './kinds.ts';

/**
 * The account's oldest due rows, in the order they are to be done: of any kind, or only of `kinds`
 * (the kinds that may act while others wait out their pacing — their rows are read past, not moved).
 */
export async function peekDue(
  db: Db,
  accountId: string,
  now: Date,
  limit = 20,
  kinds?: readonly string[],
): Promise<OutboxRow[]> {
  if (kinds?.length === 0) return [];
  return db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.botAccountId, accountId),
        eq(outbox.status, 'queued'),
        lte(outbox.notBefore, now),
        kinds ? inArray(outbox.kind, kinds as OutboxRow['kind'][]) : undefined,
      ),
    )
    .orderBy(outbox.notBefore, outbox.id)
    .limit(limit);
}

/**
 * When the account's next queued row put off past `after` falls due (a contact over its message
 * budget, a paused campaign's): a sandbox clock advance steps to it so it goes out at its own time.
 */
export async function nextQueuedAt(db: Db, accountId: string, after: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(${outbox.notBefore})` })
    .from(outbox)
    .where(and(eq(outbox.botAccountId, accountId), eq(outbox.status, 'queued'), gt(outbox.notBefore, after)));
  return row?.at ? new Date(row.at) : null;
}

/** Null when another worker took the row, or this worker lost the lease (fencing token moved on). */
export async function claim(
  db: Db,
  id: number,
  owner: string,
  fencingToken: number,
): Promise<OutboxRow | null> {
  const result = await db.execute(sql`
    update outbox o set status = 'sending', attempts = o.attempts + 1
    from bot_accounts b
    where o.id = ${id} and o.status = 'queued' and b.id = o.bot_account_id
      and b.lease_owner = ${owner} and b.fencing_token = ${fencingToken}
    returning o.id`);
  if (rowsOf(result).length === 0) return null;
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row ?? null;
}

/** Sent: the row and what its kind writes on success (the archive…), in one transaction. */
export async function markSent(db: Db, kind: OutboxKind, row: OutboxRow, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(outbox).set({ status: 'sent', doneAt: now }).where(eq(outbox.id, row.id));
    await kind.sent?.(tx, row, now);
    await campaignMessageSent(tx, row, now);
  });
}

/**
 * Failed: queued again at `retryAt`, or for good (none) — then a campaign member waiting for this
 * message fails with it, as having deleted us when WeChat said the contact is not a friend.
 */
export async function markFailed(
  db: Db,
  row: OutboxRow,
  error: string,
  now: Date,
  retryAt: Date | null,
  notAFriend = false,
): Promise<void> {
  if (retryAt) {
    await db
      .update(outbox)
      .set({ status: 'queued', notBefore: retryAt, error: error.slice(0, 500) })
      .where(eq(outbox.id, row.id));
    return;
  }
  await db.transaction(async (tx) => {
    await tx
      .update(outbox)
      .set({ status: 'failed', doneAt: now, error: error.slice(0, 500) })
      .where(eq(outbox.id, row.id));
    await campaignMessageFailed(tx, row, now, notAFriend);
  });
}

/**
 * WeChat said the contact is not (or no longer) our friend: a friend deleted us. A group member who
 * never was our friend stays a stranger.
 */
export async function markDeletedUs(db: Db, contactId: string, at: Date): Promise<void> {
  await db
    .update(contacts)
    .set({ friendStatus: 'deleted_us', deletedUsAt: at })
    .where(and(eq(contacts.id, contactId), eq(contacts.friendStatus, 'friend')));
}
