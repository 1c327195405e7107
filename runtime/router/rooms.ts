// Group events (DESIGN "Groups"): a join, a leave, a new topic, or a group's member list as it is
// now (after login, or when the bot joins) keep `rooms` and `room_members` true — joins and leaves
// with their time, inviter and way in, the member count — in one transaction per event. A join also
// answers the invite a run waits for (`ROOM_JOINED`), counts and tags a live-code join, and starts
// `trigger.room_join` flows in that group. Group messages keep each member's activity (see
// `roomActivity`), in the message's own transaction.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  contacts,
  roomInvites,
  roomMembers,
  roomSetDays,
  roomSets,
  rooms,
  runs,
} from '../../shared/db/schema.ts';
import { localDay } from '../../shared/time/zoned.ts';
import type { ContactRef, InboundEvent, RoomRef } from '../bots/port.ts';
import { type Db, rowFromJson, rowsOf } from '../db/client.ts';
import { executeTurn } from '../executor/execute.ts';
import { WriteBatch } from '../executor/persist.ts';
import { cleanName, cleanText } from './clean.ts';
import { type ContactRow, lockContacts } from './contacts.ts';
import { flowsForContact, pointsFor } from './flows.ts';
import { type BotAccountRef, type InboundResult, startRuns } from './inbound.ts';

export type RoomEvent = Extract<
  InboundEvent,
  { kind: 'room_join' | 'room_leave' | 'room_topic' | 'room_sync' }
>;

export const isRoomEvent = (event: InboundEvent): event is RoomEvent =>
  event.kind === 'room_join' ||
  event.kind === 'room_leave' ||
  event.kind === 'room_topic' ||
  event.kind === 'room_sync';

type RoomRow = typeof rooms.$inferSelect;

/** Finds or creates the group's row and locks it: one group's events are written one at a time. */
async function lockRoom(tx: Db, account: BotAccountRef, ref: RoomRef): Promise<RoomRow> {
  const topic = cleanText(ref.topic ?? '');
  const [row] = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      insert into rooms (workspace_id, bot_account_id, puppet_room_id, topic, owner_puppet_id, bot_is_admin)
      values (${account.workspaceId}, ${account.id}, ${cleanText(ref.id)}, ${topic},
              ${cleanName(ref.ownerPuppetId) ?? null}, ${ref.botIsAdmin ?? false})
      on conflict (bot_account_id, puppet_room_id) do update set
        topic = case when excluded.topic <> '' then excluded.topic else rooms.topic end,
        owner_puppet_id = coalesce(excluded.owner_puppet_id, rooms.owner_puppet_id),
        bot_is_admin = case when ${ref.botIsAdmin === undefined} then rooms.bot_is_admin else excluded.bot_is_admin end
      returning *`),
  );
  const [locked] = await tx
    .select()
    .from(rooms)
    .where(eq(rooms.id, rowFromJson(rooms, row!).id))
    .for('update');
  return locked!;
}

/** The member count from the members who have not left. */
async function recount(tx: Db, roomId: string): Promise<void> {
  await tx.execute(sql`
    update rooms set member_count = (
      select count(*) from room_members m where m.room_id = ${roomId} and m.left_at is null)
    where id = ${roomId}`);
}

export async function handleRoomEvent(
  db: Db,
  account: BotAccountRef,
  event: RoomEvent,
  now: Date,
): Promise<InboundResult> {
  return db.transaction(async (tx) => {
    const room = await lockRoom(tx, account, event.room);
    const result: InboundResult = { contactId: null, duplicate: false, turns: [], queued: 0 };
    if (event.kind === 'room_join') await onJoin(tx, account, room, event, now, result);
    else if (event.kind === 'room_leave') await onLeave(tx, account, room, event.contacts, now);
    else if (event.kind === 'room_sync') await onSync(tx, account, room, event, now);
    result.queued = result.turns.reduce((n, t) => n + t.queued, 0);
    return result;
  });
}

async function onJoin(
  tx: Db,
  account: BotAccountRef,
  room: RoomRow,
  event: Extract<RoomEvent, { kind: 'room_join' }>,
  now: Date,
  result: InboundResult,
): Promise<void> {
  if (event.contacts.length === 0) return;
  const joined = await lockContacts(tx, account, dedupe(event.contacts));
  const [inviter] = event.inviter ? await lockContacts(tx, account, [event.inviter]) : [];
  const set = room.roomSetId
    ? (await tx.select().from(roomSets).where(eq(roomSets.id, room.roomSetId)))[0]
    : undefined;
  // An invite of ours that this join answers; else a member's invite, else a scan of the group's QR.
  const invited = await tx
    .update(roomInvites)
    .set({ status: 'joined' })
    .where(
      and(
        eq(roomInvites.roomId, room.id),
        inArray(
          roomInvites.contactId,
          joined.map((c) => c.id),
        ),
        eq(roomInvites.status, 'pending'),
      ),
    )
    .returning({ contactId: roomInvites.contactId });
  const byInvite = new Set(invited.map((i) => i.contactId));
  const liveCode = Boolean(set?.liveCodeSlug);
  const wayOf = (c: ContactRow) =>
    byInvite.has(c.id) ? 'invite' : inviter && inviter.id !== c.id ? 'invite' : liveCode ? 'live_code' : 'qr';
  const input = JSON.stringify(
    joined.map((c) => ({
      contact_id: c.id,
      via: wayOf(c),
      inviter_id: inviter && inviter.id !== c.id ? inviter.id : null,
    })),
  );
  await tx.execute(sql`
    insert into room_members (workspace_id, room_id, contact_id, joined_at, via, inviter_contact_id)
    select ${account.workspaceId}, ${room.id}, x.contact_id, ${now}, x.via, x.inviter_id
    from jsonb_to_recordset(${input}::jsonb) as x(contact_id uuid, via text, inviter_id uuid)
    on conflict (room_id, contact_id) do update set
      joined_at = excluded.joined_at, left_at = null, via = excluded.via,
      inviter_contact_id = coalesce(excluded.inviter_contact_id, room_members.inviter_contact_id)`);
  await recount(tx, room.id);
  const throughLiveCode = joined.filter((c) => wayOf(c) === 'live_code');
  if (set && throughLiveCode.length > 0) {
    await tx
      .insert(roomSetDays)
      .values({
        roomSetId: set.id,
        day: localDay(now.getTime(), account.timeZone),
        joins: throughLiveCode.length,
      })
      .onConflictDoUpdate({
        target: [roomSetDays.roomSetId, roomSetDays.day],
        set: { joins: sql`${roomSetDays.joins} + ${throughLiveCode.length}` },
      });
    if (set.liveCodeTags.length > 0)
      await tx
        .update(contacts)
        .set({
          tags: sql`array(select distinct t from unnest(${contacts.tags} || ${sql.param(set.liveCodeTags)}::text[]) t order by t)`,
        })
        .where(
          inArray(
            contacts.id,
            throughLiveCode.map((c) => c.id),
          ),
        );
  }

  // Runs waiting for this contact to join this group go on (`invite_room` → joined), then flows
  // that start on a join (`trigger.room_join`) start in this group.
  const batch = new WriteBatch();
  const waiting = await tx
    .select()
    .from(runs)
    .where(
      and(
        inArray(
          runs.contactId,
          joined.map((c) => c.id),
        ),
        eq(runs.status, 'waiting'),
        eq(runs.awaitsRoomJoin, true),
        eq(runs.roomId, room.id),
      ),
    )
    .for('update');
  for (const run of waiting) {
    const turn = await executeTurn(tx, run, { type: 'ROOM_JOINED', roomId: room.id }, now, { batch });
    if (turn) result.turns.push(turn);
    await batch.flush(tx);
  }
  const setName = set?.name ?? null;
  for (const contact of joined) {
    const fresh = (await tx.select().from(contacts).where(eq(contacts.id, contact.id)))[0]!;
    const points = pointsFor(await flowsForContact(tx, fresh), { kind: 'room_join', roomSet: setName });
    await startRuns(tx, [{ contact: fresh, points, result, roomId: room.id }], now, batch);
    await batch.flush(tx);
  }
}

async function onLeave(tx: Db, account: BotAccountRef, room: RoomRow, left: ContactRef[], now: Date) {
  if (left.length === 0) return;
  const gone = await lockContacts(tx, account, dedupe(left));
  await tx
    .update(roomMembers)
    .set({ leftAt: now })
    .where(
      and(
        eq(roomMembers.roomId, room.id),
        inArray(
          roomMembers.contactId,
          gone.map((c) => c.id),
        ),
        isNull(roomMembers.leftAt),
      ),
    );
  await recount(tx, room.id);
}

/** The group as it is now: newcomers are members (joined now, as far as we know), the missing left. */
async function onSync(
  tx: Db,
  account: BotAccountRef,
  room: RoomRow,
  event: Extract<RoomEvent, { kind: 'room_sync' }>,
  now: Date,
) {
  const present = event.left ? [] : await lockContacts(tx, account, dedupe(event.members));
  const ids = present.map((c) => c.id);
  if (ids.length > 0) {
    const input = JSON.stringify(ids.map((id) => ({ id })));
    await tx.execute(sql`
      insert into room_members (workspace_id, room_id, contact_id, joined_at, via)
      select ${account.workspaceId}, ${room.id}, x.id, ${now}, 'sync'
      from jsonb_to_recordset(${input}::jsonb) as x(id uuid)
      on conflict (room_id, contact_id) do update set
        left_at = null,
        joined_at = case when room_members.left_at is null then room_members.joined_at else excluded.joined_at end`);
  }
  // The members marked left get their groups-left facts rewritten (a trigger): their contacts are
  // locked first, in id order, as every turn locks contacts.
  const absent = sql`select contact_id from room_members where room_id = ${room.id} and left_at is null
      and not (contact_id = any(${`{${ids.join(',')}}`}::uuid[]))`;
  const left = rowsOf<{ id: string }>(
    await tx.execute(sql`select c.id from contacts c where c.id in (${absent}) order by c.id for update`),
  ).map((r) => r.id);
  if (left.length > 0)
    await tx.execute(sql`
      update room_members set left_at = ${now}
      where room_id = ${room.id} and left_at is null and contact_id = any(${`{${left.join(',')}}`}::uuid[])`);
  if (event.left) await tx.update(rooms).set({ open: false }).where(eq(rooms.id, room.id));
  await recount(tx, room.id);
}

const dedupe = (refs: ContactRef[]) => [...new Map(refs.map((r) => [r.puppetId, r])).values()];

/** A member's message in a group: the member is present, and their counts move (by day, in the zone). */
export interface RoomActivity {
  roomId: string;
  contactId: string;
  at: Date;
}

/**
 * Writes the group activity of a batch of messages in one statement: members created when a message
 * is the first we hear of them, last message time, total and per-day counts, and the member count of
 * groups that gained a member that way.
 */
export async function writeRoomActivity(
  tx: Db,
  account: BotAccountRef,
  activity: RoomActivity[],
): Promise<void> {
  if (activity.length === 0) return;
  const input = JSON.stringify(
    activity.map((a) => ({
      room_id: a.roomId,
      contact_id: a.contactId,
      at: a.at.toISOString(),
      day: localDay(a.at.getTime(), account.timeZone),
    })),
  );
  await tx.execute(sql`
    with x as (
      select * from jsonb_to_recordset(${input}::jsonb) as x(room_id uuid, contact_id uuid, at timestamptz, day date)
    ),
    m as (
      insert into room_members (workspace_id, room_id, contact_id, joined_at, via, last_message_at, message_count)
      select ${account.workspaceId}, x.room_id, x.contact_id, x.at, 'other', x.at, 1 from x
      order by x.room_id, x.contact_id
      on conflict (room_id, contact_id) do update set
        last_message_at = greatest(room_members.last_message_at, excluded.last_message_at),
        message_count = room_members.message_count + 1,
        left_at = null
      returning room_id, (xmax = 0) as added
    ),
    d as (
      insert into room_member_days (room_id, contact_id, day, count)
      select x.room_id, x.contact_id, x.day, 1 from x order by x.room_id, x.day, x.contact_id
      on conflict (room_id, day, contact_id) do update set count = room_member_days.count + 1
    )
    update rooms r set member_count = r.member_count + n.added
    from (select room_id, count(*) filter (where added) as added from m group by room_id) n
    where r.id = n.room_id and n.added > 0`);
}
