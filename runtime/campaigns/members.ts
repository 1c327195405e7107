// A campaign member follows its run's first private message: sent, or failed (deleted us when WeChat
// says the contact is no longer a friend). Called in the transaction that settles the outbox row; one
// indexed update by run id, which finds nothing for a run no campaign made.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { OutboxRow } from '../dispatcher/kinds.ts';

/** A bot message to the contact in private (not in a group, not an agent's reply) of a run. */
const privateRunMessage = (row: OutboxRow): row is OutboxRow & { runId: string } =>
  row.kind === 'message' && row.runId !== null && !('roomId' in row.payload && row.payload.roomId);

export async function campaignMessageSent(tx: Db, row: OutboxRow, at: Date): Promise<void> {
  if (!privateRunMessage(row)) return;
  const variant =
    'variant' in row.payload && typeof row.payload.variant === 'number' ? row.payload.variant : null;
  await tx.execute(sql`
    update campaign_members set status = 'sent', sent_at = ${at}, variant = ${variant}
    where run_id = ${row.runId} and status = 'scheduled'`);
}

/**
 * The send failed for good: a member still waiting for its first message failed. Not a friend: it
 * deleted us — also a member whose first message went out and a later one bounced.
 */
export async function campaignMessageFailed(
  tx: Db,
  row: OutboxRow,
  _at: Date,
  notAFriend: boolean,
): Promise<void> {
  if (!privateRunMessage(row)) return;
  await tx.execute(sql`
    update campaign_members
    set status = case when status = 'scheduled' then 'failed' else status end,
        bucket = case when ${notAFriend} then 'deleted_us' else bucket end
    where run_id = ${row.runId}
      and (status = 'scheduled' or (${notAFriend} and status = 'sent' and bucket is null))`);
}
