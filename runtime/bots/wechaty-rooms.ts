// Groups between the port and Wechaty: room events as the port's events, every group's member list
// after login (a few groups at a time, paced, at most `max`), and the bot's own group actions — say
// with @-mentions, add (an invitation above 40 members), remove (only as owner or admin).
import type { Contact, Room, Wechaty } from 'wechaty';
import { type InboundEvent, NotAFriendError, RoomNotManagedError, type RoomRef } from './port.ts';
import { contactRef } from './wechaty-contact.ts';

/** Above this many members (the bot included) WeChat turns `room.add` into an invitation to accept. */
export const DIRECT_ADD_MAX_MEMBERS = 40;

/** How the member lists are read after a login: `pageSize` groups, then a pause, up to `max` groups. */
export interface RoomSyncPace {
  pageSize: number;
  pageIntervalMs: number;
  max: number;
  /** Waits `ms` (resolves early when `signal` aborts); tests pass a gate of their own. */
  pause(ms: number, signal: AbortSignal): Promise<void>;
}

/** A few groups a second: a 500-member group is 500 contact reads on some puppets. */
export const ROOM_SYNC_PACE: RoomSyncPace = {
  pageSize: 3,
  pageIntervalMs: 1_000,
  max: 1_000,
  pause: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
    }),
};

const NOT_FRIEND = /not.*friend|非好友|不是.*好友/i;
const NOT_MANAGER = /permission|not.*(owner|admin|manager)|no.*right|无权|权限|仅群主|群主或管理员/i;

export interface RoomWiring {
  /** Sends a `room_sync` for every group the account is in, paced; a later login or `stop` ends it. */
  syncAll(): Promise<void>;
  stop(): void;
  roomSay(roomPuppetId: string, text: string, mentionPuppetIds: string[]): Promise<void>;
  roomAdd(roomPuppetId: string, contactPuppetId: string): Promise<'added' | 'invited'>;
  roomRemove(roomPuppetId: string, contactPuppetId: string): Promise<void>;
}

/**
 * Listens to the bot's room events. `deliver` hands an event to the runtime and resolves once it is
 * handled (never rejects); `guarded` turns a listener's failure into an error status.
 */
export function wireRooms(
  bot: Wechaty,
  deliver: (event: InboundEvent) => Promise<void>,
  guarded: <A extends unknown[]>(listener: (...args: A) => unknown) => (...args: A) => Promise<void>,
  pace: RoomSyncPace,
): RoomWiring {
  let syncing = new AbortController();
  const selfId = () => bot.currentUser.id;

  bot.on(
    'room-join',
    guarded(async (room: Room, invitees: Contact[], inviter: Contact, date?: Date) => {
      const me = selfId();
      if (invitees.some((c) => c.id === me)) await deliver(await syncEvent(room, me));
      // The inviter is a member already; a person listed as their own inviter joined by themselves.
      const others = invitees.filter((c) => c.id !== me);
      const invited = others.filter((c) => c.id !== inviter?.id);
      const joined = invited.length > 0 ? invited : others;
      if (joined.length === 0) return;
      const by = inviter && inviter.id !== me && joined === invited ? await contactRef(inviter) : null;
      await deliver({
        kind: 'room_join',
        room: await roomRef(room, me),
        contacts: await Promise.all(joined.map(contactRef)),
        inviter: by,
        at: date ?? new Date(),
      });
    }),
  );
  bot.on(
    'room-leave',
    guarded(async (room: Room, leavers: Contact[], remover: Contact | undefined, date?: Date) => {
      const me = selfId();
      const at = date ?? new Date();
      const left = leavers.filter((c) => c.id !== me);
      if (left.length > 0) {
        const removedBy =
          remover && remover.id !== me && !left.some((c) => c.id === remover.id) ? remover : null;
        await deliver({
          kind: 'room_leave',
          room: await roomRef(room, me),
          contacts: await Promise.all(left.map(contactRef)),
          remover: removedBy ? await contactRef(removedBy) : null,
          at,
        });
      }
      if (leavers.some((c) => c.id === me))
        await deliver({ kind: 'room_sync', room: await roomRef(room, me), members: [], left: true, at });
    }),
  );
  bot.on(
    'room-topic',
    guarded(async (room: Room, topic: string, _old: string, _changer: Contact, date?: Date) => {
      const ref = await roomRef(room, selfId());
      await deliver({ kind: 'room_topic', room: { ...ref, topic }, at: date ?? new Date() });
    }),
  );

  return {
    async syncAll() {
      syncing.abort();
      const controller = new AbortController();
      syncing = controller;
      await pacedEach(await bot.puppet.roomList(), pace, controller.signal, async (id) => {
        const room = await readyRoom(bot, id).catch(() => null);
        if (room) await deliver(await syncEvent(room, selfId()));
      });
    },
    stop: () => syncing.abort(),
    async roomSay(roomPuppetId, text, mentionPuppetIds) {
      const room = await memberRoom(bot, roomPuppetId);
      const found = await Promise.all(mentionPuppetIds.map((id) => bot.Contact.find({ id })));
      const mentions = found.filter((c): c is Contact => !!c);
      await room.say(text, ...mentions);
    },
    async roomAdd(roomPuppetId, contactPuppetId) {
      const room = await memberRoom(bot, roomPuppetId);
      const contact = await bot.Contact.find({ id: contactPuppetId });
      if (!contact) throw new NotAFriendError(contactPuppetId);
      const members = await bot.puppet.roomMemberList(room.id);
      try {
        await room.add(contact);
      } catch (err) {
        throw refusal(err, roomPuppetId, contactPuppetId);
      }
      return members.length > DIRECT_ADD_MAX_MEMBERS ? 'invited' : 'added';
    },
    async roomRemove(roomPuppetId, contactPuppetId) {
      const room = await memberRoom(bot, roomPuppetId);
      // Only when the puppet names the owner can we tell beforehand; otherwise WeChat's answer tells.
      if (room.owner() && !(await roomRef(room, selfId())).botIsAdmin)
        throw new RoomNotManagedError(roomPuppetId);
      const contact = await bot.Contact.find({ id: contactPuppetId });
      if (!contact) throw new Error(`${contactPuppetId} is unknown to this account`);
      try {
        await room.remove(contact);
      } catch (err) {
        throw refusal(err, roomPuppetId, contactPuppetId);
      }
    },
  };
}

/** Visits the first `pace.max` items, `pace.pageSize` at a time with a pause between pages, until `signal` aborts. */
export async function pacedEach<T>(
  items: T[],
  pace: RoomSyncPace,
  signal: AbortSignal,
  visit: (item: T) => Promise<void>,
): Promise<void> {
  const due = items.slice(0, pace.max);
  for (let i = 0; i < due.length; i += pace.pageSize) {
    if (i > 0) await pace.pause(pace.pageIntervalMs, signal);
    for (const item of due.slice(i, i + pace.pageSize)) {
      if (signal.aborted) return;
      await visit(item);
    }
  }
}

/** The group as the port names it: the bot manages it when it owns it or the puppet lists it as an admin. */
async function roomRef(room: Room, selfId: string): Promise<RoomRef> {
  const ownerPuppetId = room.owner()?.id ?? null;
  return {
    id: room.id,
    topic: await room.topic().catch(() => ''),
    ownerPuppetId,
    botIsAdmin: ownerPuppetId === selfId || (room.payload?.adminIdList ?? []).includes(selfId),
  };
}

/** Everyone in the group but the bot; a list without the bot (and not empty) means the bot is out. */
async function syncEvent(room: Room, selfId: string): Promise<InboundEvent> {
  const members = await room.memberAll();
  const left = members.length > 0 && !members.some((c) => c.id === selfId);
  return {
    kind: 'room_sync',
    room: await roomRef(room, selfId),
    members: left ? [] : await Promise.all(members.filter((c) => c.id !== selfId).map(contactRef)),
    ...(left ? { left: true } : {}),
    at: new Date(),
  };
}

/** The group; asking the puppet first keeps Wechaty from reporting a group it does not know as an error event. */
async function readyRoom(bot: Wechaty, id: string): Promise<Room> {
  await bot.puppet.roomPayload(id);
  const room = await bot.Room.find({ id });
  if (!room) throw new Error(`no group ${id}`);
  return room;
}

async function memberRoom(bot: Wechaty, id: string): Promise<Room> {
  try {
    return await readyRoom(bot, id);
  } catch {
    throw new Error(`this account is not in the group ${id}`);
  }
}

/** WeChat's refusal as the port's error: not a friend, or no right to do it here. */
function refusal(err: unknown, roomPuppetId: string, contactPuppetId: string): unknown {
  const message = String((err as Error)?.message ?? err);
  if (NOT_FRIEND.test(message)) return new NotAFriendError(contactPuppetId);
  if (NOT_MANAGER.test(message)) return new RoomNotManagedError(roomPuppetId);
  return err;
}
