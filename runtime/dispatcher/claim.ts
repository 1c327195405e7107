// Outbox rows for the dispatcher: the next due row of an account (peek, to pace it), the claim that
// marks it `sending` only while this worker still holds the account's lease (fencing token), and
// the outcomes. A row is `sending` only between the claim and WeChat's answer.
import { and, eq, sql } from 'drizzle-orm';
import { contacts, messages, type OutboxPayload, outbox } from '../../shared/db/schema.ts';
import { type Db, rowsOf } from '../db/client.ts';

export type OutboxRow = typeof outbox.$inferSelect;

export async function peekDue(db: Db, accountId: string, now: Date): Promise<OutboxRow | undefined> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.botAccountId, accountId),
        eq(outbox.status, 'queued'),
        sql`${outbox.notBefore} <= ${now}`,
      ),
    )
    .orderBy(outbox.notBefore, outbox.id)
    .limit(1);
  return row;
}

export async function postpone(db: Db, id: number, until: Date): Promise<void> {
  await db
    .update(outbox)
    .set({ notBefore: until })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'queued')));
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

/** Sent: archive the message with the flow and node that wrote it, in the same transaction. */
export async function markSent(db: Db, row: OutboxRow, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(outbox).set({ status: 'sent', doneAt: now }).where(eq(outbox.id, row.id));
    const payload = row.payload as OutboxPayload;
    if (row.kind !== 'message' || !('text' in payload)) return;
    await tx
      .insert(messages)
      .values({
        workspaceId: row.workspaceId,
        botAccountId: row.botAccountId,
        contactId: row.contactId,
        direction: 'out',
        wechatMessageId: `outbox:${row.id}`,
        text: payload.text,
        author: payload.author,
        flowId: payload.flowId ?? null,
        nodeId: payload.nodeId ?? null,
        runId: row.runId,
        variant: payload.variant ?? null,
        at: now,
      })
      .onConflictDoNothing();
    await tx.update(contacts).set({ lastOutboundAt: now }).where(eq(contacts.id, row.contactId));
  });
}

export async function markFailed(
  db: Db,
  row: OutboxRow,
  error: string,
  now: Date,
  retryAt: Date | null,
): Promise<void> {
  await db
    .update(outbox)
    .set(
      retryAt
        ? { status: 'queued', notBefore: retryAt, error }
        : { status: 'failed', doneAt: now, error: error.slice(0, 500) },
    )
    .where(eq(outbox.id, row.id));
}

/** WeChat said the contact is not (or no longer) our friend. */
export async function markDeletedUs(db: Db, contactId: string): Promise<void> {
  await db.update(contacts).set({ friendStatus: 'deleted_us' }).where(eq(contacts.id, contactId));
}
