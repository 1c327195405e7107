// The read half of a contact's message turn in ONE statement: upsert and lock the contact, archive
// the message (dedupe on the account + WeChat id), and lock the run waiting for it, if any.
import { sql } from 'drizzle-orm';
import { contacts, runs } from '../../shared/db/schema.ts';
import type { InboundEvent } from '../bots/port.ts';
import { type Db, rowFromJson, rowsOf } from '../db/client.ts';
import type { ContactRow } from './contacts.ts';

type RunRow = typeof runs.$inferSelect;

export interface MessageRead {
  contact: ContactRow;
  /** False: this message was archived before (puppets replay history); nothing else may happen. */
  archived: boolean;
  /** The contact's most recently started run waiting for a message, locked. */
  waiting: RunRow | null;
}

export async function readMessage(
  tx: Db,
  account: { id: string; workspaceId: string },
  event: Extract<InboundEvent, { kind: 'message' }>,
  text: string,
): Promise<MessageRead> {
  const ref = event.contact;
  // INSERT … ON CONFLICT DO UPDATE leaves the contact row locked until commit: it serializes the
  // contact's turns (messages, timers, confirms).
  const [row] = rowsOf<{
    contact: Record<string, unknown>;
    archived: boolean;
    run: Record<string, unknown> | null;
  }>(
    await tx.execute(sql`
      with c as (
        insert into contacts (workspace_id, bot_account_id, puppet_id, name, alias, weixin)
        values (${account.workspaceId}, ${account.id}, ${ref.puppetId}, ${ref.name}, ${ref.alias ?? null}, ${ref.weixin ?? null})
        on conflict (bot_account_id, puppet_id) do update set
          name = case when excluded.name <> '' then excluded.name else contacts.name end,
          alias = coalesce(excluded.alias, contacts.alias),
          weixin = coalesce(excluded.weixin, contacts.weixin)
        returning *
      ),
      m as (
        insert into messages (workspace_id, bot_account_id, contact_id, direction, wechat_message_id, text, author, at)
        select ${account.workspaceId}, ${account.id}, c.id, 'in', ${event.messageId}, ${text}, 'contact', ${event.at}
        from c
        on conflict do nothing
        returning id
      ),
      w as (
        select r.* from runs r
        where r.contact_id = (select id from c) and r.status = 'waiting' and r.awaits_message
        order by r.started_at desc limit 1
        for update
      )
      select to_jsonb(c) as contact, exists (select 1 from m) as archived, (select to_jsonb(w) from w) as run
      from c`),
  );
  return {
    contact: rowFromJson(contacts, row!.contact),
    archived: row!.archived,
    waiting: row!.run ? rowFromJson(runs, row!.run) : null,
  };
}
