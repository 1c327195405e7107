// The bot commands of a sandbox account (a table: op name → what it does), performed by the process
// holding its lease. Each takes the contact (and the group) from the database, so a contact or group
// created by the API (in any process) or remembered from before a restart is known to the simulated
// WeChat when it speaks.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { contacts, leads, outbox, roomInvites, roomMembers, rooms } from '../../shared/db/schema.ts';
import type { AccountDriver, CommandOp } from '../account-driver.ts';
import { OUTBOX_KIND_TABLE } from '../dispatcher/kinds.ts';
import type { SandboxWorld } from './sandbox.ts';

const contactArgs = z.object({ contactId: z.uuid() });
const roomArgs = contactArgs.extend({ roomId: z.uuid() });

type ContactRow = Pick<typeof contacts.$inferSelect, 'puppetId' | 'name' | 'weixin' | 'friendStatus'>;

/** The simulated WeChat of the account; throws for a real account. */
function sandboxOf(driver: AccountDriver): SandboxWorld {
  if (!driver.sandbox) throw new Error('not a sandbox account');
  return driver.sandbox;
}

const know = (world: SandboxWorld, row: ContactRow) =>
  world.know({
    puppetId: row.puppetId,
    name: row.name,
    weixin: row.weixin,
    friend: row.friendStatus === 'friend',
  });

/** The simulated WeChat of the account, knowing the contact; throws for a real account. */
async function worldWith(driver: AccountDriver, contactId: string) {
  const world = sandboxOf(driver);
  const [row] = await driver.db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.botAccountId, driver.id)));
  if (!row) throw new Error('no such contact on this account');
  know(world, row);
  return { world, puppetId: row.puppetId };
}

/** The simulated WeChat knowing the group (a `rooms` row of this account) with its current members. */
async function worldWithRoom(driver: AccountDriver, roomId: string) {
  const world = sandboxOf(driver);
  const [room] = await driver.db
    .select()
    .from(rooms)
    .where(and(eq(rooms.id, roomId), eq(rooms.botAccountId, driver.id)));
  if (!room) throw new Error('no such group on this account');
  if (!world.groups.has(room.puppetRoomId)) {
    const members = await driver.db
      .select({
        puppetId: contacts.puppetId,
        name: contacts.name,
        weixin: contacts.weixin,
        friendStatus: contacts.friendStatus,
      })
      .from(roomMembers)
      .innerJoin(contacts, eq(contacts.id, roomMembers.contactId))
      .where(and(eq(roomMembers.roomId, room.id), isNull(roomMembers.leftAt)));
    for (const member of members) know(world, member);
    world.groups.know({
      puppetId: room.puppetRoomId,
      topic: room.topic,
      memberPuppetIds: members.map((m) => m.puppetId),
    });
  }
  return { world, roomPuppetId: room.puppetRoomId };
}

/**
 * A worker that died after the simulated WeChat accepted (the accept went out, or may have) never
 * reported the confirm: on the simulated phone the friendship stands, so it is confirmed now. Answers
 * whether the contact's friendship is still to finish (an accept of theirs is there, they are no
 * friend yet): its accept and confirm are then for the caller's dispatch to complete.
 */
async function confirmStanding(
  driver: AccountDriver,
  world: SandboxWorld,
  puppetId: string,
  contactId: string,
  acceptKey?: string,
): Promise<boolean> {
  const [contact] = await driver.db
    .select({ friendStatus: contacts.friendStatus })
    .from(contacts)
    .where(eq(contacts.id, contactId));
  // Without the request's own accept: only a contact still at "requested" (one who deleted us stays so).
  if (!contact || contact.friendStatus === 'friend') return false;
  if (!acceptKey && contact.friendStatus !== 'requested') return false;
  const accepts = await driver.db
    .select({ status: outbox.status })
    .from(outbox)
    .where(
      acceptKey
        ? eq(outbox.idempotencyKey, acceptKey)
        : and(eq(outbox.contactId, contactId), eq(outbox.kind, 'friend_accept')),
    );
  if (accepts.some((a) => a.status === 'sent' || a.status === 'unknown')) world.confirm(puppetId);
  return accepts.length > 0;
}

// Each op ends with a dispatch pass: performed a second time (its worker died mid-way), the event is
// a duplicate that queues nothing, but what the first attempt queued is delivered before answering.
const message: CommandOp = async (driver, raw) => {
  const args = contactArgs.extend({ text: z.string(), messageId: z.string().min(1) }).parse(raw);
  const { world, puppetId } = await worldWith(driver, args.contactId);
  // A friendship a dead worker left half done (its accept unsent, or sent with the confirm never
  // reported) is finished first: on the phone they are friends before they speak, so the confirm's
  // turn — the welcome flow — must come before the message, which would otherwise find no run.
  if (await confirmStanding(driver, world, puppetId, args.contactId)) {
    await driver.dispatch();
    await world.settled(puppetId);
  }
  await world.sendMessage(puppetId, args.text, args.messageId);
  await driver.dispatch();
  await world.settled(puppetId);
  return {};
};

const friendRequest: CommandOp = async (driver, raw) => {
  const args = contactArgs.extend({ hello: z.string(), requestId: z.string().min(1) }).parse(raw);
  const { world, puppetId } = await worldWith(driver, args.contactId);
  await world.sendFriendRequest(puppetId, args.hello, args.requestId);
  await confirmStanding(driver, world, puppetId, args.contactId, `accept:${driver.id}:${args.requestId}`);
  // An accept the first attempt queued goes out now; its confirm's turn is this contact's follow-up.
  await driver.dispatch();
  await world.settled(puppetId);
  return {};
};

/** The test contact starts over: the simulated WeChat forgets the friendship too. */
const forget: CommandOp = async (driver, raw) => {
  const args = contactArgs.parse(raw);
  const { world, puppetId } = await worldWith(driver, args.contactId);
  await world.settled(puppetId);
  world.unfriend(puppetId);
  return {};
};

/** The simulated person deletes the bot: the next send to them fails as not a friend. */
const deleteUs: CommandOp = async (driver, raw) => {
  const args = contactArgs.parse(raw);
  const { world, puppetId } = await worldWith(driver, args.contactId);
  await world.settled(puppetId);
  world.unfriend(puppetId);
  return {};
};

/** Contacts created in bulk (API "sandbox/contacts/bulk"): the simulated WeChat learns them all. */
const remember: CommandOp = async (driver) => {
  const world = sandboxOf(driver);
  const rows = await driver.db
    .select({
      puppetId: contacts.puppetId,
      name: contacts.name,
      weixin: contacts.weixin,
      friendStatus: contacts.friendStatus,
    })
    .from(contacts)
    .where(eq(contacts.botAccountId, driver.id));
  for (const row of rows) know(world, row);
  return { known: rows.length };
};

/** The simulated person accepts the friend request the sandbox sent for a website lead. */
const acceptLead: CommandOp = async (driver, raw) => {
  const { leadId } = z.object({ leadId: z.uuid() }).parse(raw);
  const [lead] = await driver.db.select().from(leads).where(eq(leads.id, leadId));
  if (!lead?.contactId) throw new Error('the lead has no friend request out');
  const { world, puppetId } = await worldWith(driver, lead.contactId);
  await world.acceptAdd(puppetId);
  await driver.dispatch();
  await world.settled(puppetId);
  return {};
};

/**
 * The bot creates a group with these contacts; answers its `rooms` row, which the runtime writes
 * when it hears the group. Performed again, the group the database has already is known again.
 */
const roomCreate: CommandOp = async (driver, raw) => {
  const args = z
    .object({ roomPuppetId: z.string().min(1), topic: z.string(), contactIds: z.array(z.uuid()) })
    .parse(raw);
  const world = sandboxOf(driver);
  const ids = [...new Set(args.contactIds)];
  const people = ids.length
    ? await driver.db
        .select()
        .from(contacts)
        .where(and(inArray(contacts.id, ids), eq(contacts.botAccountId, driver.id)))
    : [];
  if (people.length !== ids.length) throw new Error('no such contact on this account');
  for (const person of people) know(world, person);
  const byId = new Map(people.map((p) => [p.id, p.puppetId]));
  const recorded = async () =>
    (
      await driver.db
        .select({ id: rooms.id })
        .from(rooms)
        .where(and(eq(rooms.botAccountId, driver.id), eq(rooms.puppetRoomId, args.roomPuppetId)))
    )[0];
  const known = await recorded();
  if (known) await worldWithRoom(driver, known.id);
  else
    await world.createRoom(
      args.roomPuppetId,
      args.topic,
      ids.map((id) => byId.get(id)!),
    );
  await driver.dispatch();
  await world.settled(args.roomPuppetId);
  const room = known ?? (await recorded());
  if (!room) throw new Error('the runtime did not record the group');
  return { roomId: room.id };
};

/** A contact joins the group by its QR code (or leaves it); nothing happens when already in (out). */
const roomMove =
  (move: 'joinRoom' | 'leaveRoom'): CommandOp =>
  async (driver, raw) => {
    const args = roomArgs.parse(raw);
    const { world, roomPuppetId } = await worldWithRoom(driver, args.roomId);
    const { puppetId } = await worldWith(driver, args.contactId);
    await world[move](roomPuppetId, puppetId);
    await driver.dispatch();
    await world.settled(puppetId);
    return {};
  };

/** A member says something in the group; `{notMember: true}` when the contact is not in it. */
const roomMessage: CommandOp = async (driver, raw) => {
  const args = roomArgs
    .extend({ text: z.string(), mentionsBot: z.boolean(), messageId: z.string().min(1) })
    .parse(raw);
  const { world, roomPuppetId } = await worldWithRoom(driver, args.roomId);
  const { puppetId } = await worldWith(driver, args.contactId);
  if (!world.groups.isMember(roomPuppetId, puppetId)) return { notMember: true };
  await world.sendMessage(puppetId, args.text, args.messageId, {
    roomPuppetId,
    mentionsBot: args.mentionsBot,
  });
  await driver.dispatch();
  await world.settled(puppetId);
  return {};
};

/** The groups of the contact's pending invites whose add went out (or may have), oldest first. */
async function invitesSent(driver: AccountDriver, contactId: string): Promise<string[]> {
  const pending = await driver.db
    .select({ id: roomInvites.id, roomId: roomInvites.roomId })
    .from(roomInvites)
    .where(and(eq(roomInvites.contactId, contactId), eq(roomInvites.status, 'pending')))
    .orderBy(asc(roomInvites.createdAt));
  if (pending.length === 0) return [];
  const keyOf = (id: string) => OUTBOX_KIND_TABLE.room_invite!.key({ inviteId: id });
  const sent = await driver.db
    .select({ key: outbox.idempotencyKey })
    .from(outbox)
    .where(
      and(
        inArray(
          outbox.idempotencyKey,
          pending.map((p) => keyOf(p.id)),
        ),
        inArray(outbox.status, ['sent', 'unknown']),
      ),
    );
  const out = new Set(sent.map((r) => r.key));
  return pending.filter((p) => out.has(keyOf(p.id))).map((p) => p.roomId);
}

/**
 * The contact accepts the bot's invitation to a group (`roomId`, else their latest) and joins;
 * answers the group's row, or `{roomId: null}` when there is none. Like WeChat, an invitation
 * outlives a restart: one whose add went out (the runtime's invite still waits) is the contact's.
 */
const acceptInvite: CommandOp = async (driver, raw) => {
  const args = contactArgs.extend({ roomId: z.uuid().optional() }).parse(raw);
  const { world, puppetId } = await worldWith(driver, args.contactId);
  for (const roomId of await invitesSent(driver, args.contactId)) {
    const { roomPuppetId } = await worldWithRoom(driver, roomId);
    if (!world.groups.isMember(roomPuppetId, puppetId)) world.groups.invite(roomPuppetId, puppetId);
  }
  const chosen = args.roomId ? (await worldWithRoom(driver, args.roomId)).roomPuppetId : undefined;
  const joined = await world.acceptInvite(puppetId, chosen);
  if (!joined) return { roomId: null };
  await driver.dispatch();
  await world.settled(puppetId);
  const [room] = await driver.db
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.botAccountId, driver.id), eq(rooms.puppetRoomId, joined)));
  return { roomId: room?.id ?? null };
};

const advance: CommandOp = async (driver, raw) => {
  const { ms } = z.object({ ms: z.number().int().positive() }).parse(raw);
  const { now, fired } = await driver.advance(ms);
  return { now: now.toISOString(), fired };
};

export const SANDBOX_COMMANDS: Record<string, { op: CommandOp; exclusive?: boolean }> = {
  'sandbox.message': { op: message },
  'sandbox.friend_request': { op: friendRequest },
  'sandbox.forget': { op: forget },
  'sandbox.delete_us': { op: deleteUs },
  'sandbox.remember': { op: remember },
  'sandbox.accept_lead': { op: acceptLead },
  'sandbox.room_create': { op: roomCreate },
  'sandbox.room_join': { op: roomMove('joinRoom') },
  'sandbox.room_leave': { op: roomMove('leaveRoom') },
  'sandbox.room_message': { op: roomMessage },
  'sandbox.accept_invite': { op: acceptInvite },
  'clock.advance': { op: advance, exclusive: true },
};
