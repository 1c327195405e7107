// The WeChat edge as the runtime sees it: normalized inbound events, status events, and the two
// actions the dispatcher performs. Every puppet (sandbox, wechat4u, service…) sits behind this.
import type { MessageKind } from '../../shared/db/schema.ts';
import type { ImageMime } from '../../shared/images.ts';

export interface ContactRef {
  puppetId: string;
  name: string;
  alias?: string | null;
  weixin?: string | null;
}

export type InboundEvent =
  | {
      kind: 'message';
      messageId: string;
      /**
       * The customer of the conversation: the talker of a contact's message; for a message the
       * bot's own user typed on the phone (`self`), the contact it was typed TO (its listener). In a
       * group, a `self` message carries the bot's own user here; the router files it under no contact.
       */
      contact: ContactRef;
      /** The group it was said in; null or absent for a private chat. */
      room?: { id: string; topic: string } | null;
      /** The message text; '' for media (images, voice…), whose kind says what it was. */
      text: string;
      /** What was sent: text, or a kind of media. Absent means text. */
      messageKind?: MessageKind;
      /** In a group: the bot's account was @-mentioned. */
      mentionsBot?: boolean;
      /**
       * For an image: a viewable copy when the puppet gives the file and it is a PNG, JPEG, GIF or
       * WebP of at most 2 MB (the type told by its bytes). Absent otherwise: the kind still says it
       * was an image.
       */
      media?: InboundMedia;
      self: boolean;
      at: Date;
    }
  | { kind: 'friend_request'; requestId: string; contact: ContactRef; hello: string; at: Date }
  | { kind: 'friend_confirm'; contact: ContactRef; at: Date }
  /**
   * People joined a group (any way: the bot's invite, a QR scan, someone else's invite). The bot's
   * own user never appears in `contacts`: when the bot itself joins, the adapter sends `room_sync`.
   */
  | { kind: 'room_join'; room: RoomRef; contacts: ContactRef[]; inviter: ContactRef | null; at: Date }
  /** People left a group, or were removed (`remover`). The bot itself leaving is `room_sync` with no members. */
  | { kind: 'room_leave'; room: RoomRef; contacts: ContactRef[]; remover: ContactRef | null; at: Date }
  | { kind: 'room_topic'; room: RoomRef; at: Date }
  /**
   * A group as it is now, with every member but the bot: sent for each group after login (the
   * adapter pages through them, paced) and when the bot joins one. `left: true`: the bot is out.
   */
  | { kind: 'room_sync'; room: RoomRef; members: ContactRef[]; left?: boolean; at: Date };

/** A group as the puppet names it: its id and topic, its owner, and whether the bot may manage it. */
export interface RoomRef {
  id: string;
  topic: string;
  ownerPuppetId?: string | null;
  /** The bot owns or manages the group (it may remove members). */
  botIsAdmin?: boolean;
}

/** The bytes of an image a contact sent, for `media_files` (source `inbound`). */
export type InboundMedia = { mime: ImageMime; data: Buffer; filename: string };

/** Media the bot sends after a text (`send.media`), ready for the puppet: an image's bytes are loaded. */
export type OutboundMedia =
  | { kind: 'image'; data: Buffer; mime: string; filename: string }
  | { kind: 'image_url'; url: string }
  | { kind: 'link'; url: string; title: string; description?: string; thumbnailUrl?: string }
  | {
      kind: 'mini_program';
      appId: string;
      title: string;
      pagePath: string;
      thumbnailUrl?: string;
      username?: string;
      description?: string;
    };

/** Who to add as a friend: a mainland-China mobile (11 digits) or a weixin handle. */
export type FriendTarget = { phone: string | null; weixin: string | null };

/**
 * The answer to a friend add: the request went out (`contact`: the person found), nobody has that
 * phone / handle, or they are already our friend (no request needed).
 */
export type FriendAddResult =
  | { outcome: 'requested'; contact: ContactRef }
  | { outcome: 'already_friend'; contact: ContactRef }
  | { outcome: 'not_found' };

export type BotStatusEvent =
  | { kind: 'scan'; qrcode: string; status: number }
  | { kind: 'login'; self: { id: string; name: string } }
  | { kind: 'logout' }
  | { kind: 'error'; message: string };

/**
 * Takes an inbound event; its promise settles once the event's turn is committed and what it queued
 * has had a dispatch pass (it never rejects). A puppet may ignore it; the sandbox awaits it.
 */
export type InboundHandler = (event: InboundEvent) => Promise<void> | void;

export interface BotConnection {
  start(): Promise<void>;
  stop(): Promise<void>;
  say(contactPuppetId: string, text: string): Promise<void>;
  /** Accepts the request `requestId`, which `contactPuppetId` sent (a puppet may find it by either). */
  acceptFriendRequest(requestId: string, contactPuppetId: string): Promise<void>;
  /** Sends an image, a link card or a mini-program card (after the text of the same message). */
  sendMedia(contactPuppetId: string, media: OutboundMedia): Promise<void>;
  /**
   * Searches a person by phone or weixin handle and sends them a friend request with `hello`
   * (Wechaty `Friendship.search` + `Friendship.add`); their acceptance arrives later as a `friend_confirm`.
   */
  addFriend(target: FriendTarget, hello: string): Promise<FriendAddResult>;
  /** Says `text` in a group, @-mentioning these members (Wechaty `room.say(text, ...contacts)`). */
  roomSay(roomPuppetId: string, text: string, mentionPuppetIds: string[]): Promise<void>;
  /**
   * Adds a contact to a group (Wechaty `room.add`): `added` under 40 members; above, WeChat sends an
   * invitation the contact must accept (`invited`). Either way the join arrives as a `room_join`.
   */
  roomAdd(roomPuppetId: string, contactPuppetId: string): Promise<'added' | 'invited'>;
  /** Removes a member (Wechaty `room.remove`); only where the bot owns or manages the group. */
  roomRemove(roomPuppetId: string, contactPuppetId: string): Promise<void>;
  onInbound(handler: InboundHandler): void;
  onStatus(handler: (event: BotStatusEvent) => void): void;
}

/** WeChat refused a send because the contact is not (or no longer) a friend. */
export class NotAFriendError extends Error {
  constructor(contactPuppetId: string) {
    super(`${contactPuppetId} is not a friend of this account`);
    this.name = 'NotAFriendError';
  }
}

/**
 * WeChat refused a group action for lack of rights: the account neither owns nor manages the group
 * (removing a member needs the owner or an admin; with invite confirmation on, so does adding one).
 * Retrying will not help until someone makes the bot an admin; the next `room_sync` tells.
 */
export class RoomNotManagedError extends Error {
  constructor(roomPuppetId: string) {
    super(`this account does not own or manage the group ${roomPuppetId}`);
    this.name = 'RoomNotManagedError';
  }
}
