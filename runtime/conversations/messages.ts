// What a message does to the contact's conversation, in the transaction that archives it: the list's
// last message; a contact's message while it is open counts as unread and starts the wait for a human
// (and wakes a snoozed one); a human's reply ends the wait and is the cycle's first response.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.ts';

/** The conversation id when the contact has one open or snoozed (now open); null when none or closed. */
export async function recordInbound(
  tx: Db,
  contactId: string,
  msg: { text: string; at: Date },
): Promise<string | null> {
  const [row] = rowsOf<{ id: string; was: string }>(
    await tx.execute(sql`
      with prev as (
        select id, status from conversations where contact_id = ${contactId} for update
      ),
      u as (
        update conversations c set
          last_message_at = ${msg.at}, last_message_text = ${msg.text}, last_message_direction = 'in',
          unread = case when prev.status = 'closed' then c.unread else c.unread + 1 end,
          waiting_since = case when prev.status = 'closed' then c.waiting_since
                               else coalesce(c.waiting_since, ${msg.at}) end,
          status = case when prev.status = 'snoozed' then 'open' else c.status end,
          snoozed_until = case when prev.status = 'snoozed' then null else c.snoozed_until end
        from prev where c.id = prev.id
        returning c.id, c.workspace_id, prev.status as was
      ),
      e as (
        insert into conversation_events (workspace_id, conversation_id, kind, params, at)
        select u.workspace_id, u.id, 'reopened', '{"by":"message"}'::jsonb, ${msg.at} from u where u.was = 'snoozed'
      )
      select id, was from u`),
  );
  return row && row.was !== 'closed' ? row.id : null;
}

/**
 * An outbound private message (sent by the dispatcher, or typed by the operator on the phone): the
 * list's last message; a human's (agent, operator) ends the contact's wait and is the running
 * cycle's first response if none came before. The conversation id, or null when the contact has none.
 */
export async function recordOutbound(
  tx: Db,
  contactId: string,
  msg: { text: string; at: Date; author: 'bot' | 'agent' | 'operator'; authorId?: string | null },
): Promise<string | null> {
  const human = msg.author !== 'bot';
  const [row] = rowsOf<{ id: string }>(
    await tx.execute(sql`
      with u as (
        update conversations c set
          last_message_at = ${msg.at}, last_message_text = ${msg.text}, last_message_direction = 'out',
          waiting_since = case when ${human} then null else c.waiting_since end
        where c.contact_id = ${contactId}
        returning c.id, c.cycle_id, c.status
      ),
      f as (
        update conversation_cycles y set first_response_at = ${msg.at}, first_responder_id = ${msg.authorId ?? null}
        from u where ${human} and u.status <> 'closed' and y.id = u.cycle_id and y.first_response_at is null
      )
      select id from u`),
  );
  return row?.id ?? null;
}
