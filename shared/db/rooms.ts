// Groups (DESIGN "Groups"): the WeChat rooms each bot account is in, and room sets (群池) — named
// sets of groups an `invite_room` node rotates through, with a capacity and a public live code.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { botAccounts } from './bots.ts';
import { at, createdAt, id } from './columns.ts';
import { workspaceId } from './workspaces.ts';

/** A group holds 500; the set keeps some seats back by default. */
export const DEFAULT_ROOM_CAPACITY = 450;

export const roomSets = pgTable(
  'room_sets',
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text('name').notNull(),
    /** Members a group of the set takes before rotation moves on (each group may override it). */
    capacity: integer('capacity').notNull().default(DEFAULT_ROOM_CAPACITY),
    /** The public live code page `/j/<slug>` (群活码); null: none. */
    liveCodeSlug: text('live_code_slug'),
    /** Tags given to contacts who join through the live code. */
    liveCodeTags: text('live_code_tags').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('room_sets_workspace_name').on(t.workspaceId, t.name),
    uniqueIndex('room_sets_live_code_slug').on(t.liveCodeSlug).where(sql`live_code_slug is not null`),
  ],
);

export const rooms = pgTable(
  'rooms',
  {
    id: id(),
    workspaceId: workspaceId(),
    botAccountId: uuid('bot_account_id')
      .notNull()
      .references(() => botAccounts.id, { onDelete: 'cascade' }),
    puppetRoomId: text('puppet_room_id').notNull(),
    topic: text('topic').notNull().default(''),
    /** The owner's puppet id, when the puppet tells it. */
    ownerPuppetId: text('owner_puppet_id'),
    /** The bot owns or manages the group: it may remove members. */
    botIsAdmin: boolean('bot_is_admin').notNull().default(false),
    /** Current members (the bot excluded), kept with every join and leave. */
    memberCount: integer('member_count').notNull().default(0),
    roomSetId: uuid('room_set_id').references(() => roomSets.id, { onDelete: 'set null' }),
    /** This group's own capacity; null: its set's. */
    capacity: integer('capacity'),
    /** Closed groups take no new members from rotation or the live code. */
    open: boolean('open').notNull().default(true),
    /** The group's QR code image (a media file) for the live code, and when WeChat expires it (7 days). */
    qrMediaId: uuid('qr_media_id'),
    qrExpiresAt: at('qr_expires_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('rooms_account_puppet').on(t.botAccountId, t.puppetRoomId),
    index('rooms_workspace_set').on(t.workspaceId, t.roomSetId),
  ],
);
