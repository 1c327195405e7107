// The read half of contacts' message turns: lock the contacts (one statement, or two for a batch),
// note the groups they spoke in, then in ONE statement archive each message (dedupe on the account
// + WeChat id) and lock the run waiting for it, if any. A group message never answers a run waiting
// for a private reply. A batch holds one message per contact (the inbound batcher sees to it).
import { sql } from 'drizzle-orm';
import { runs } from '../../shared/db/schema.ts';
import type { InboundEvent } from '../bots/port.ts';
import { type Db, rowFromJson, rowsOf } from '../db/client.ts';
import { cleanText } from './clean.ts';
import { type ContactRow, lockContacts } from './contacts.ts';
import { storeInboundMedia } from './inbound-media.ts';

type RunRow = typeof runs.$inferSelect;
export type MessageEvent = Extract<InboundEvent, { kind: 'message' }>;

export interface MessageRead {
  contact: ContactRow;
  /** False: this message was archived before (puppets replay history); nothing else may happen. */
  archived: boolean;
  /** The contact's most recently started run waiting for a private message, locked; null in a group. */
  waiting: RunRow | null;
  /** The group's row, when the message was said in one. */
  roomId: string | null;
}

/** Finds or creates the rows of the groups these messages were said in; answers puppet room id → row id. */
export async function upsertRooms(
  tx: Db,
  account: { id: string; workspaceId: string },
  events: MessageEvent[],
): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  for (const e of events) if (e.room) seen.set(cleanText(e.room.id), cleanText(e.room.topic ?? ''));
  if (seen.size === 0) return new Map();
  const input = JSON.stringify([...seen].map(([id, topic]) => ({ id, topic })));
  const rows = rowsOf<{ id: string; puppet_room_id: string }>(
    await tx.execute(sql`
      insert into rooms (workspace_id, bot_account_id, puppet_room_id, topic)
      select ${account.workspaceId}, ${account.id}, x.id, x.topic
      from jsonb_to_recordset(${input}::jsonb) as x(id text, topic text) order by x.id
      on conflict (bot_account_id, puppet_room_id) do update set
        topic = case when excluded.topic <> '' then excluded.topic else rooms.topic end
      returning id, puppet_room_id`),
  );
  return new Map(rows.map((r) => [r.puppet_room_id, r.id]));
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
  const roomIds = await upsertRooms(tx, account, events);
  const roomOf = (e: MessageEvent) => (e.room ? (roomIds.get(cleanText(e.room.id)) ?? null) : null);
  const media: (Record<string, unknown> | null)[] = [];
  for (const e of events)
    media.push(
      e.media ? { kind: 'image', mediaId: await storeInboundMedia(tx, account.workspaceId, e.media) } : null,
    );
  const input = JSON.stringify(
    events.map((e, i) => ({
      i,
      contact_id: locked[i]!.id,
      message_id: cleanText(e.messageId),
      text: texts[i],
      kind: e.messageKind ?? 'text',
      room_id: roomOf(e),
      media: media[i],
      at: e.at,
    })),
  );
  const rows = rowsOf<{ i: number; archived: boolean; run: Record<string, unknown> | null }>(
    await tx.execute(sql`
      with x as (
        select * from jsonb_to_recordset(${input}::jsonb) as x(i int, contact_id uuid, message_id text,
          text text, kind text, room_id uuid, media jsonb, at timestamptz)
      ),
      m as (
        insert into messages (workspace_id, bot_account_id, contact_id, direction, wechat_message_id, text, kind, room_id, media, author, at)
        select ${account.workspaceId}, ${account.id}, x.contact_id, 'in', x.message_id, x.text, x.kind, x.room_id, x.media, 'contact', x.at
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
          from x where x.room_id is null)
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
    roomId: roomOf(events[i]!),
  }));
}
