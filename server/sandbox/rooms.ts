// The sandbox's simulated groups behind the simulator API (API.md "Groups", Sandbox): the sandbox bot
// creates a group, its contacts join by QR code, speak (@-mentioning the bot or not), leave, and
// accept the invitations the bot sent them — each a bot command, answered once that contact's turns
// and deliveries are done, with what the bot said to them in private and in groups.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { newSandboxRoomId } from '../../runtime/bots/sandbox-rooms.ts';
import type { Bus } from '../../runtime/bus.ts';
import type { Db } from '../../runtime/db/client.ts';
import { contacts, rooms } from '../../shared/db/schema.ts';
import { HttpError, notFound } from '../errors.ts';
import {
  lastMessageId,
  repliesSince,
  type SandboxAccount,
  sandboxCommand,
  sandboxContact,
} from './sandbox.ts';

/** A group of the workspace's sandbox account (a real account's group is not the sandbox's to drive). */
async function sandboxRoom(db: Db, account: SandboxAccount, roomId: string) {
  const [row] = await db
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.id, roomId), eq(rooms.botAccountId, account.id)));
  if (!row) throw notFound('room');
  return row;
}

/** The sandbox bot creates a group (it owns and manages it) with these sandbox contacts as members. */
export async function createSandboxRoom(
  db: Db,
  bus: Bus,
  account: SandboxAccount,
  input: { topic: string; members: string[] },
) {
  const ids = [...new Set(input.members)];
  const found = ids.length
    ? await db
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(inArray(contacts.id, ids), eq(contacts.botAccountId, account.id)))
    : [];
  const known = new Set(found.map((c) => c.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing) throw notFound('sandbox_contact', { id: missing });
  // The id makes a command performed twice (its worker died) the same group.
  const result = (await sandboxCommand(db, bus, account, 'sandbox.room_create', {
    roomPuppetId: newSandboxRoomId(),
    topic: input.topic,
    contactIds: ids,
  })) as { roomId: string };
  return { id: result.roomId };
}

export type RoomMove =
  | { kind: 'join' }
  | { kind: 'leave' }
  | { kind: 'message'; text: string; mentionsBot: boolean };

/**
 * A sandbox contact joins the group by QR code, leaves it, or speaks in it; answers what the bot
 * said to them as a result, in the group and in private. Joining when in (leaving when out) is a no-op.
 */
export async function moveInRoom(
  db: Db,
  bus: Bus,
  account: SandboxAccount,
  roomId: string,
  contactId: string,
  move: RoomMove,
) {
  const room = await sandboxRoom(db, account, roomId);
  const contact = await sandboxContact(db, account, contactId);
  const since = await lastMessageId(db, contact.id);
  const args = { roomId: room.id, contactId: contact.id };
  if (move.kind === 'message') {
    const result = (await sandboxCommand(db, bus, account, 'sandbox.room_message', {
      ...args,
      text: move.text,
      mentionsBot: move.mentionsBot,
      messageId: `sandbox-msg-${randomUUID()}`,
    })) as { notMember?: boolean };
    if (result.notMember)
      throw new HttpError('not_room_member', 'The contact is not in this group: join it first');
  } else await sandboxCommand(db, bus, account, `sandbox.room_${move.kind}`, args);
  return { replies: await repliesSince(db, contact.id, since) };
}

/**
 * A sandbox contact accepts the invitation the bot sent them (an add to a group above 40 members):
 * to `roomId`, else their latest. 409 `no_pending_invite` when there is none.
 */
export async function acceptSandboxInvite(
  db: Db,
  bus: Bus,
  account: SandboxAccount,
  contactId: string,
  input: { roomId?: string },
) {
  const contact = await sandboxContact(db, account, contactId);
  if (input.roomId) await sandboxRoom(db, account, input.roomId);
  const since = await lastMessageId(db, contact.id);
  const result = (await sandboxCommand(db, bus, account, 'sandbox.accept_invite', {
    contactId: contact.id,
    ...(input.roomId ? { roomId: input.roomId } : {}),
  })) as { roomId: string | null };
  if (!result.roomId)
    throw new HttpError(
      'no_pending_invite',
      input.roomId
        ? 'The contact has no invitation to this group'
        : 'The contact has no group invitation to accept',
    );
  return { roomId: result.roomId, replies: await repliesSince(db, contact.id, since) };
}
