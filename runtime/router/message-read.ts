// The read half of contacts' message turns: lock the contacts (one statement, or two for a batch),
// then in ONE statement archive each message (dedupe on the account + WeChat id) and lock the run
// waiting for it, if any. A batch holds one message per contact (the inbound batcher sees to it).
import { sql } from 'drizzle-orm';
import { runs } from '../../shared/db/schema.ts';
import type { InboundEvent } from '../bots/port.ts';
import { type Db, rowFromJson, rowsOf } from '../db/client.ts';
import { type ContactRow, lockContacts } from './contacts.ts';

type RunRow = typeof runs.$inferSelect;
export type MessageEvent = Extract<InboundEvent, { kind: 'message' }>;

export interface MessageRead {
  contact: ContactRow;
  /** False: this message was archived before (puppets replay history); nothing else may happen. */
  archived: boolean;
  /** The contact's most recently started run waiting for a message, locked. */
  waiting: RunRow | null;
}

/** `texts[i]` is the cleaned text of `events[i]`; the answer is in the events' order. */
export async function readMessages(
  tx: Db,
  account: { id: string; workspaceId: string },
  events: MessageEvent[],
  texts: string[],
): Promise<MessageRead[]> {
  const locked = await lockContacts(
    tx,
    account,
    events.map((e) => e.contact),
  );
  const input = JSON.stringify(
    events.map((e, i) => ({
      i,
      contact_id: locked[i]!.id,
      message_id: e.messageId,
      text: texts[i],
      at: e.at,
    })),
  );
  const rows = rowsOf<{ i: number; archived: boolean; run: Record<string, unknown> | null }>(
    await tx.execute(sql`
      with x as (
        select * from jsonb_to_recordset(${input}::jsonb) as x(i int, contact_id uuid, message_id text, text text, at timestamptz)
      ),
      m as (
        insert into messages (workspace_id, bot_account_id, contact_id, direction, wechat_message_id, text, author, at)
        select ${account.workspaceId}, ${account.id}, x.contact_id, 'in', x.message_id, x.text, 'contact', x.at
        from x order by x.i
        on conflict do nothing
        returning contact_id
      ),
      w as (
        select r.* from runs r
        where r.id in (
          select (select r2.id from runs r2
                  where r2.contact_id = x.contact_id and r2.status = 'waiting' and r2.awaits_message
                  order by r2.started_at desc limit 1)
          from x)
        for update
      )
      select x.i, exists (select 1 from m where m.contact_id = x.contact_id) as archived,
             (select to_jsonb(w) from w where w.contact_id = x.contact_id) as run
      from x order by x.i`),
  );
  return rows.map((row, i) => ({
    contact: locked[i]!,
    archived: row.archived,
    waiting: row.run ? rowFromJson(runs, row.run) : null,
  }));
}
