// A bot account on real WeChat / WeCom: a Wechaty with the account's puppet (wechaty-puppet-wechat4u,
// wechaty-puppet-service, or any Wechaty 1.x puppet package), mapped onto the runtime's port (its
// groups in wechaty-rooms.ts).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MemoryCard } from 'memory-card';
import { type Contact, type Friendship, type Message, types, type Wechaty, WechatyBuilder } from 'wechaty';
import type { PuppetInterface } from 'wechaty-puppet/impls';
import type { MessageKind } from '../../shared/db/schema.ts';
import {
  type BotConnection,
  type BotStatusEvent,
  type FriendTarget,
  type InboundEvent,
  NotAFriendError,
} from './port.ts';
import { contactRef, handleOf } from './wechaty-contact.ts';
import { inboundImage, sayableOf } from './wechaty-media.ts';
import { ROOM_SYNC_PACE, type RoomSyncPace, wireRooms } from './wechaty-rooms.ts';

const NOT_FRIEND = /not.*friend|非好友|不是.*好友|deleted|blocked/i;

/** What each Wechaty message type is in the archive; a type a newer puppet invents is 'other'. */
const KIND_OF_TYPE: Record<types.Message, MessageKind> = {
  [types.Message.Text]: 'text',
  [types.Message.Image]: 'image',
  [types.Message.Audio]: 'voice',
  [types.Message.Video]: 'video',
  [types.Message.Attachment]: 'file',
  [types.Message.Emoticon]: 'emoticon',
  [types.Message.Url]: 'link',
  [types.Message.MiniProgram]: 'mini_program',
  [types.Message.Location]: 'location',
  [types.Message.Contact]: 'contact_card',
  [types.Message.Transfer]: 'transfer',
  [types.Message.RedEnvelope]: 'red_envelope',
  [types.Message.Recalled]: 'recalled',
  // A group's note (群公告 / 接龙) is posted by the group, not said by a person.
  [types.Message.GroupNote]: 'system',
  [types.Message.ChatHistory]: 'other',
  [types.Message.Post]: 'other',
  [types.Message.Unknown]: 'other',
};

export async function createWechatyConnection(account: {
  name: string;
  puppet: string;
  puppetOptions?: Record<string, unknown>;
  /** Where Wechaty keeps the account's memory card (the puppet's login session survives a restart). */
  sessionFile?: string;
  /** How the groups' member lists are read after a login (ROOM_SYNC_PACE unless a test says otherwise). */
  roomSync?: Partial<RoomSyncPace>;
}): Promise<BotConnection> {
  let puppet: PuppetInterface;
  try {
    const mod = (await import(account.puppet)) as {
      default?: new (o?: unknown) => PuppetInterface;
      PuppetWechat4u?: never;
    };
    const Puppet =
      mod.default ??
      (Object.values(mod).find((v) => typeof v === 'function') as new (
        o?: unknown,
      ) => PuppetInterface);
    puppet = new Puppet(account.puppetOptions ?? {});
  } catch (err) {
    throw new Error(`cannot load puppet package "${account.puppet}": ${(err as Error).message}`);
  }
  // Without a memory card of our own, Wechaty writes `<name>.memory-card.json` into the working folder.
  let memory: MemoryCard | undefined;
  if (account.sessionFile) {
    mkdirSync(dirname(account.sessionFile), { recursive: true });
    memory = new MemoryCard({ name: account.sessionFile });
    await memory.load();
  }
  const bot: Wechaty = WechatyBuilder.build({
    name: account.name,
    puppet,
    memory: memory ?? new MemoryCard(),
  });
  const requests = new Map<string, Friendship>();
  let inbound: (event: InboundEvent) => unknown = () => {};
  let status: (event: BotStatusEvent) => unknown = () => {};

  // Wechaty's events have no one to reject to: whatever fails in a listener or a handler becomes an
  // `error` status, never an unhandled rejection (which would take the worker down).
  const report = (err: unknown) =>
    // A failing status handler leaves nobody to tell.
    call(
      () => status({ kind: 'error', message: String((err as Error)?.message ?? err) }),
      () => {},
    );
  const deliver = (event: InboundEvent) => call(() => inbound(event), report);
  /** Like `deliver`, resolving once the runtime has handled the event (for paced group reads). */
  const handled = async (event: InboundEvent) => {
    try {
      await inbound(event);
    } catch (err) {
      report(err);
    }
  };
  const guarded =
    <A extends unknown[]>(listener: (...args: A) => unknown) =>
    async (...args: A) => {
      try {
        await listener(...args);
      } catch (err) {
        report(err);
      }
    };

  bot.on('error', report);
  bot.on(
    'scan',
    guarded((qrcode: string, code: number) => status({ kind: 'scan', qrcode, status: code })),
  );
  const rooms = wireRooms(bot, handled, guarded, { ...ROOM_SYNC_PACE, ...account.roomSync });
  bot.on(
    'login',
    guarded((user: Contact) => {
      status({ kind: 'login', self: { id: user.id, name: user.name() } });
      // In the background: the runtime hears the login first, then the groups one page at a time.
      void rooms.syncAll().catch(report);
    }),
  );
  bot.on(
    'logout',
    guarded(() => {
      rooms.stop();
      status({ kind: 'logout' });
    }),
  );
  bot.on(
    'message',
    guarded(async (message: Message) => {
      const event = await messageEvent(message);
      if (event) deliver(event);
    }),
  );
  bot.on(
    'friendship',
    guarded((friendship: Friendship) => {
      const contact = friendship.contact();
      const ref = { puppetId: contact.id, name: contact.name(), weixin: handleOf(contact) };
      if (friendship.type() === bot.Friendship.Type.Receive) {
        requests.set(friendship.id, friendship);
        deliver({
          kind: 'friend_request',
          requestId: friendship.id,
          contact: ref,
          hello: friendship.hello(),
          at: new Date(),
        });
      } else if (friendship.type() === bot.Friendship.Type.Confirm) {
        deliver({ kind: 'friend_confirm', contact: ref, at: new Date() });
      }
    }),
  );

  return {
    start: () => bot.start(),
    stop: () => {
      rooms.stop();
      return bot.stop();
    },
    onInbound: (handler) => {
      inbound = handler;
    },
    onStatus: (handler) => {
      status = handler;
    },
    say: (puppetId, text) => sayTo(puppetId, text),
    sendMedia: (puppetId, media) => sayTo(puppetId, sayableOf(bot, media)),
    async acceptFriendRequest(requestId) {
      const friendship = requests.get(requestId) ?? (await bot.Friendship.load(requestId));
      await friendship.accept();
      requests.delete(requestId);
    },
    async addFriend(target, hello) {
      const person = await search(bot, target);
      if (!person) return { outcome: 'not_found' };
      const contact = await contactRef(person);
      if (person.friend()) return { outcome: 'already_friend', contact };
      await bot.Friendship.add(person, { hello });
      return { outcome: 'requested', contact };
    },
    roomSay: rooms.roomSay,
    roomAdd: rooms.roomAdd,
    roomRemove: rooms.roomRemove,
  };

  /** Says anything Wechaty can say to a contact; WeChat refusing a non-friend is a NotAFriendError. */
  async function sayTo(puppetId: string, sayable: Parameters<Contact['say']>[0]): Promise<void> {
    const contact = await bot.Contact.find({ id: puppetId });
    if (!contact) throw new NotAFriendError(puppetId);
    try {
      await contact.say(sayable);
    } catch (err) {
      if (NOT_FRIEND.test(String((err as Error)?.message))) throw new NotAFriendError(puppetId);
      throw err;
    }
  }
}

/**
 * The person with the target's phone, else its weixin handle. `{handle}`: wechaty-puppet answers the
 * deprecated `{weixin}` through the same `friendshipSearchHandle` anyway, after dumping a stack trace.
 */
async function search(bot: Wechaty, target: FriendTarget): Promise<Contact | undefined> {
  const byPhone = target.phone ? await bot.Friendship.search({ phone: target.phone }) : undefined;
  if (byPhone || !target.weixin) return byPhone;
  return bot.Friendship.search({ handle: target.weixin });
}

/** Calls a handler of the runtime's, sending whatever it throws or rejects with to `onError`. */
function call(handler: () => unknown, onError: (err: unknown) => void): void {
  try {
    Promise.resolve(handler()).catch(onError);
  } catch (err) {
    onError(err);
  }
}

/**
 * A Wechaty message as the port's event. A message the account's own user typed on the phone (or a
 * send of ours the puppet echoes) is `self` and belongs to the person it was typed to; in a group,
 * to no one (the bot's own user is its contact). A link card's title is its text; other media have none.
 */
async function messageEvent(message: Message): Promise<InboundEvent | null> {
  const room = message.room();
  const self = message.self();
  // Wechaty itself reports a private message without a listener as an error; there is no one to file it under.
  const person = self && !room ? message.listener() : message.talker();
  if (!person) return null;
  const type = message.type();
  const messageKind = KIND_OF_TYPE[type] ?? 'other';
  return {
    kind: 'message',
    messageId: message.id,
    contact: await contactRef(person),
    room: room ? { id: room.id, topic: await room.topic().catch(() => '') } : null,
    text: await textOf(message, messageKind),
    messageKind,
    mentionsBot: room ? await message.mentionSelf().catch(() => false) : false,
    ...(await mediaOf(message, messageKind)),
    self,
    at: message.date(),
  };
}

/** An image's viewable copy, when there is one (see `inboundImage`). */
async function mediaOf(message: Message, kind: MessageKind) {
  const media = kind === 'image' ? await inboundImage(message) : null;
  return media ? { media } : {};
}

async function textOf(message: Message, kind: MessageKind): Promise<string> {
  if (kind === 'text') return message.text();
  if (kind === 'link') return (await message.toUrlLink().catch(() => null))?.title() ?? '';
  return '';
}
