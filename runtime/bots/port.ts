// The WeChat edge as the runtime sees it: normalized inbound events, status events, and the two
// actions the dispatcher performs. Every puppet (sandbox, wechat4u, service…) sits behind this.
import type { MessageKind } from '../../shared/db/schema.ts';

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
      self: boolean;
      at: Date;
    }
  | { kind: 'friend_request'; requestId: string; contact: ContactRef; hello: string; at: Date }
  | { kind: 'friend_confirm'; contact: ContactRef; at: Date };

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
