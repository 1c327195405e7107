// Contacts (the customers a bot account knows) and the archive of every message in and out.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { botAccounts } from './bots.ts';
import { channels } from './channels.ts';
import { at, createdAt, id } from './columns.ts';
import { rooms } from './rooms.ts';
import { workspaceId } from './workspaces.ts';

export const FRIEND_STATUSES = ['stranger', 'requested', 'friend', 'deleted_us'] as const;
export type FriendStatus = (typeof FRIEND_STATUSES)[number];

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    workspaceId: workspaceId(),
    botAccountId: uuid('bot_account_id')
      .notNull()
      .references(() => botAccounts.id, { onDelete: 'cascade' }),
    /** The puppet's id for this contact; some puppets change it at every login (see `weixin`). */
    puppetId: text('puppet_id').notNull(),
    weixin: text('weixin'),
    name: text('name').notNull().default(''),
    alias: text('alias'),
    friendStatus: text('friend_status', { enum: FRIEND_STATUSES }).notNull().default('stranger'),
    /** The hello of the latest friend request: the friend-request trigger matches it on confirmation. */
    friendHello: text('friend_hello'),
    firstAddedAt: at('first_added_at'),
    lastInboundAt: at('last_inbound_at'),
    lastOutboundAt: at('last_outbound_at'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** A human has taken over: the bot does not route this contact's messages into flows. */
    handoff: boolean('handoff').notNull().default(false),
    /**
     * Sandbox contacts only: the preview of a flow's draft this test contact talks to (the
     * simulator's "try the draft"); its events start runs in that version only, never in published flows.
     */
    previewFlowVersionId: uuid('preview_flow_version_id'),
    /** The acquisition channel the contact came through (first touch), and when it was attributed. */
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    channelAt: at('channel_at'),
    /** When a send found the contact had deleted us (friend_status became `deleted_us`). */
    deletedUsAt: at('deleted_us_at'),
    // Facts a campaign's exclusions read, kept on the row by triggers (migrations/0015) whoever writes
    // the tables they come from, so that a segment's count reads contacts alone:
    /** The groups left: each room set (or group in no set) of which every membership is left. */
    leftRoomKeys: uuid('left_room_keys').array(),
    /** An open or snoozed conversation with a human. */
    inConversation: boolean('in_conversation').notNull().default(false),
    /** When bot-initiated messages were sent to the contact: the 7 days up to the latest, newest first. */
    initiatedSends: at('initiated_sends').array(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('contacts_account_puppet').on(t.botAccountId, t.puppetId),
    index('contacts_channel').on(t.channelId).where(sql`channel_id is not null`),
    // An account's friends, against its friend cap (the channel page's rotation).
    index('contacts_account_friends').on(t.botAccountId).where(sql`friend_status = 'friend'`),
    index('contacts_workspace_name').on(t.workspaceId, t.name),
    index('contacts_tags').using('gin', t.tags),
  ],
);

/**
 * A contact's inbound messages per hour of the week (weekday * 24 + hour, workspace time zone: 168
 * counts), apart from its row: the row stays ~200 bytes, so a segment's scan of a million contacts
 * reads a quarter of the pages it would with the counts inline. No row: all zero (`ACTIVITY_OF`).
 */
export const contactActivity = pgTable('contact_activity', {
  contactId: uuid('contact_id')
    .primaryKey()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  counts: integer('counts').array().notNull(),
});

/** The activity counts of a contact with no `contact_activity` row, in SQL: 168 zeros. */
export const NO_ACTIVITY = 'array_fill(0, array[168])';

/** A contact's 168 activity counts in SQL (`c` the contact), zeros when it has none. */
export const ACTIVITY_OF = (contactId: string) =>
  `coalesce((select a.counts from contact_activity a where a.contact_id = ${contactId}), ${NO_ACTIVITY})`;

/** What an inbound message was: text, or a kind of media (the archive keeps the kind, never only "[Image]"). */
export const MESSAGE_KINDS = [
  'text',
  'image',
  'voice',
  'video',
  'file',
  'emoticon',
  'link',
  'mini_program',
  'location',
  'contact_card',
  'transfer',
  'red_envelope',
  'recalled',
  'system',
  'other',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_ROUTES = ['auto_reply', 'handoff', 'human', 'unanswered'] as const;
export type MessageRoute = (typeof MESSAGE_ROUTES)[number];

export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceId(),
    botAccountId: uuid('bot_account_id')
      .notNull()
      .references(() => botAccounts.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    /** WeChat's id of the message; puppets replay history, so (account, id) is unique. */
    wechatMessageId: text('wechat_message_id').notNull(),
    text: text('text').notNull(),
    kind: text('kind', { enum: MESSAGE_KINDS }).notNull().default('text'),
    /** The group the message was said in; null for a private chat. */
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'cascade' }),
    /** Who wrote an outbound message: the bot (a flow), an agent, or the operator on the phone. */
    author: text('author', { enum: ['contact', 'bot', 'agent', 'operator'] }).notNull(),
    /** The member who wrote an agent's message. */
    authorId: uuid('author_id'),
    /**
     * Where an inbound private message went when no run or trigger took it: an auto-reply answered
     * it, it handed the contact to a human, a human already had the contact, or nothing answered it
     * (no auto-reply matched and handoff is off). The bot KPIs and the insights count it.
     */
    route: text('route', { enum: MESSAGE_ROUTES }),
    flowId: uuid('flow_id'),
    nodeId: text('node_id'),
    runId: uuid('run_id'),
    /** For a `send` with variants: the index in `[text, ...variants]` this contact got. */
    variant: smallint('variant'),
    /**
     * Media sent with the text or received: `{kind: 'image', mediaId}` (a media_files row), a link
     * card `{kind: 'link', url, title, description?, thumbnailUrl?}`, or a mini-program card.
     */
    media: jsonb('media').$type<Record<string, unknown>>(),
    at: at('at').notNull(),
  },
  (t) => [
    uniqueIndex('messages_account_wechat_id').on(t.botAccountId, t.wechatMessageId),
    index('messages_contact_at').on(t.contactId, t.at),
    index('messages_workspace_at').on(t.workspaceId, t.at),
    index('messages_text_trgm').using('gin', t.text.op('gin_trgm_ops')),
  ],
);
