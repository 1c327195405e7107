// The outbox kinds (DESIGN "Extension points", STYLE §7): everything the dispatcher needs to know
// about a kind of action on WeChat — the budget it spends (which limit fields), how its idempotency
// key is made, how it is performed and what is written once it succeeded. The dispatcher loops over
// this table and never asks which kind a row is; a new kind is one entry here.
import { and, eq } from 'drizzle-orm';
import type { BotLimits } from '../../shared/api/bot-limits.ts';
import {
  contacts,
  mediaFiles,
  messages,
  type OutboxPayload,
  type outbox,
  roomInvites,
  rooms,
} from '../../shared/db/schema.ts';
import type { BotConnection, OutboundMedia } from '../bots/port.ts';
import { recordOutbound } from '../conversations/messages.ts';
import type { Db } from '../db/client.ts';
import { afterFriendAdd } from '../leads/friend-add.ts';
import type { Budget } from './pacing.ts';

export type OutboxRow = typeof outbox.$inferSelect;

export interface PerformContext {
  db: Db;
  connection: BotConnection;
  account: { id: string; workspaceId: string; timeZone: string };
  /** The contact's puppet id; null for a row about no contact yet (a friend add). */
  contactPuppetId: string | null;
  at: Date;
}

export interface OutboxKind {
  budget(limits: BotLimits): Budget;
  /**
   * The idempotency key from its parts: a replayed turn or a repeated event writes the same key, and
   * the outbox keeps one row per key.
   */
  key(parts: Record<string, string | number>): string;
  /** Does it on WeChat; throws NotAFriendError when WeChat says the contact is not a friend. */
  perform(ctx: PerformContext, row: OutboxRow): Promise<void>;
  /** Written in the transaction that marks the row sent (the archive, the contact's last outbound). */
  sent?(tx: Db, row: OutboxRow, at: Date): Promise<void>;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** A limit field an account stored before it existed falls back to the safe default. */
const orDefault = (value: number | null | undefined, fallback: number) =>
  value === undefined ? fallback : value;

type MessagePayload = Extract<OutboxPayload, { text: string }>;

const contactOf = (ctx: PerformContext): string => {
  if (!ctx.contactPuppetId) throw new Error('the row names no contact');
  return ctx.contactPuppetId;
};

/** The media of a message as the puppet takes it: an uploaded image's bytes come from the database. */
async function outboundMedia(
  db: Db,
  workspaceId: string,
  media: Record<string, unknown>,
): Promise<OutboundMedia | null> {
  if (media.kind === 'image' && typeof media.mediaId === 'string') {
    // Only the workspace's own files: a pasted graph may name another workspace's id.
    const [file] = await db
      .select()
      .from(mediaFiles)
      .where(and(eq(mediaFiles.id, media.mediaId), eq(mediaFiles.workspaceId, workspaceId)));
    if (!file) throw new Error('the image of this message was deleted');
    return { kind: 'image', data: file.data, mime: file.mime, filename: file.filename || 'image' };
  }
  if (media.kind === 'image' && typeof media.url === 'string') return { kind: 'image_url', url: media.url };
  if (media.kind === 'link' || media.kind === 'mini_program') return media as unknown as OutboundMedia;
  return null;
}

const message: OutboxKind = {
  budget: (l) => ({ windows: [{ ms: MINUTE, max: l.messagesPerMinute }], perDay: l.messagesPerDay }),
  // A flow's message: (run, node, visit, part); anything else: its source and the event it answers.
  key: (p) =>
    p.runId ? `${p.runId}:${p.nodeId}:${p.visit}:${p.part}` : `${p.source}:${p.accountId}:${p.eventId}`,
  async perform(ctx, row) {
    const payload = row.payload as MessagePayload;
    if (payload.roomId) {
      // In a group: the text, @-mentioning the contact the run is about.
      const room = await roomOf(ctx.db, payload.roomId);
      const mention = payload.mention !== false && ctx.contactPuppetId ? [ctx.contactPuppetId] : [];
      if (payload.text) await ctx.connection.roomSay(room.puppetRoomId, payload.text, mention);
      return;
    }
    const puppetId = contactOf(ctx);
    if (payload.text) await ctx.connection.say(puppetId, payload.text);
    const media = payload.media ? await outboundMedia(ctx.db, row.workspaceId, payload.media) : null;
    if (media) await ctx.connection.sendMedia(puppetId, media);
  },
  async sent(tx, row, at) {
    const payload = row.payload as MessagePayload;
    if (!row.contactId) return;
    await tx
      .insert(messages)
      .values({
        workspaceId: row.workspaceId,
        botAccountId: row.botAccountId,
        contactId: row.contactId,
        direction: 'out',
        wechatMessageId: `outbox:${row.id}`,
        text: payload.text,
        author: payload.author,
        authorId: payload.authorId ?? null,
        flowId: payload.flowId ?? null,
        nodeId: payload.nodeId ?? null,
        runId: row.runId,
        variant: payload.variant ?? null,
        media: payload.media ?? null,
        roomId: payload.roomId ?? null,
        at,
      })
      .onConflictDoNothing();
    // Talking in a group is not talking with the contact in private.
    if (payload.roomId) return;
    await tx.update(contacts).set({ lastOutboundAt: at }).where(eq(contacts.id, row.contactId));
    await recordOutbound(tx, row.contactId, {
      text: payload.text,
      at,
      author: payload.author,
      authorId: payload.authorId ?? null,
    });
  },
};

const friendAccept: OutboxKind = {
  budget: (l) => ({ windows: [{ ms: HOUR, max: l.acceptsPerHour }], perDay: l.acceptsPerDay }),
  key: (p) => `accept:${p.accountId}:${p.requestId}`,
  async perform(ctx, row) {
    const { requestId } = row.payload as { requestId: string };
    await ctx.connection.acceptFriendRequest(requestId, contactOf(ctx));
  },
};

const friendAdd: OutboxKind = {
  key: (p) => `add:${p.leadId}`,
  budget: (l) => ({
    windows: [{ ms: HOUR, max: orDefault(l.addsPerHour, 3) }],
    perDay: orDefault(l.addsPerDay, 15),
  }),
  async perform(ctx, row) {
    const payload = row.payload as {
      leadId: string;
      phone: string | null;
      weixin: string | null;
      hello: string;
    };
    const result = await ctx.connection.addFriend(
      { phone: payload.phone, weixin: payload.weixin },
      payload.hello,
    );
    await afterFriendAdd(ctx.db, ctx.account, payload.leadId, result, ctx.at);
  },
};

/** A group's row, for its puppet id. */
async function roomOf(db: Db, roomId: string) {
  const [room] = await db.select().from(rooms).where(eq(rooms.id, roomId));
  if (!room) throw new Error('the group of this row is gone');
  return room;
}

const roomInvite: OutboxKind = {
  key: (p) => `invite:${p.inviteId}`,
  budget: (l) => ({
    windows: [{ ms: HOUR, max: orDefault(l.invitesPerHour, 10) }],
    perDay: orDefault(l.invitesPerDay, 60),
  }),
  async perform(ctx, row) {
    const { roomId, inviteId } = row.payload as { roomId: string; inviteId: string };
    const [invite] = await ctx.db.select().from(roomInvites).where(eq(roomInvites.id, inviteId));
    // Joined meanwhile (a QR scan), or the seat's hold ran out: nothing to send.
    if (invite?.status !== 'pending' || invite.expiresAt <= ctx.at) return;
    const room = await roomOf(ctx.db, roomId);
    await ctx.connection.roomAdd(room.puppetRoomId, contactOf(ctx));
  },
};

const roomRemove: OutboxKind = {
  key: (p) => `remove:${p.roomId}:${p.contactId}`,
  budget: (l) => ({
    windows: [{ ms: HOUR, max: orDefault(l.removesPerHour, 10) }],
    perDay: orDefault(l.removesPerDay, 40),
  }),
  async perform(ctx, row) {
    const { roomId } = row.payload as { roomId: string };
    const room = await roomOf(ctx.db, roomId);
    await ctx.connection.roomRemove(room.puppetRoomId, contactOf(ctx));
  },
};

/** Every kind the dispatcher performs. Tests may pass a table of their own. */
export const OUTBOX_KIND_TABLE: Readonly<Record<string, OutboxKind>> = {
  message,
  friend_accept: friendAccept,
  friend_add: friendAdd,
  room_invite: roomInvite,
  room_remove: roomRemove,
};
