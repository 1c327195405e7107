// Who is in which group (DESIGN "Groups"): members with their join, inviter and activity, the
// daily message counts the 30-day ranking and grades read, invites still waiting to be accepted
// (rotation counts them as taken seats), live-code scans and joins per day, and the workspace
// members who bound their WeChat to ask the bot for stats from the phone.
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns.ts';
import { contacts } from './contacts.ts';
import { roomSets, rooms } from './rooms.ts';
import { runs } from './runs.ts';
import { users } from './users.ts';
import { workspaceId } from './workspaces.ts';

export const ROOM_JOIN_WAYS = ['invite', 'qr', 'live_code', 'sync', 'other'] as const;
export type RoomJoinWay = (typeof ROOM_JOIN_WAYS)[number];

export const roomMembers = pgTable(
  'room_members',
  {
    id: id(),
    workspaceId: workspaceId(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    joinedAt: at('joined_at').notNull(),
    /** Set when they left (or were removed); a member who comes back is joined again, left cleared. */
    leftAt: at('left_at'),
    inviterContactId: uuid('inviter_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    via: text('via', { enum: ROOM_JOIN_WAYS }).notNull().default('other'),
    lastMessageAt: at('last_message_at'),
    messageCount: integer('message_count').notNull().default(0),
    /** A regional admin (区域管理员): a flag the marketer sets. */
    isAdmin: boolean('is_admin').notNull().default(false),
  },
  (t) => [
    uniqueIndex('room_members_room_contact').on(t.roomId, t.contactId),
    index('room_members_contact').on(t.contactId),
  ],
);

/** Messages a member said in a group on a day (workspace time zone): the rolling counts. */
export const roomMemberDays = pgTable(
  'room_member_days',
  {
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.roomId, t.day, t.contactId] }),
    // A contact's recent days across its groups (the activity grade, in facts and segments): 70 ms →
    // 0.08 ms on 400k rows (the key leads with the room, so it could not serve a contact's lookup).
    index('room_member_days_contact').on(t.contactId, t.day),
  ],
);

export const ROOM_INVITE_STATUSES = ['pending', 'joined', 'expired', 'failed'] as const;

/** An `invite_room` invitation: a seat taken until the contact joins or it expires. */
export const roomInvites = pgTable(
  'room_invites',
  {
    id: id(),
    workspaceId: workspaceId(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'set null' }),
    status: text('status', { enum: ROOM_INVITE_STATUSES }).notNull().default('pending'),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [
    index('room_invites_pending').on(t.roomId).where(sql`status = 'pending'`),
    index('room_invites_contact').on(t.contactId).where(sql`status = 'pending'`),
  ],
);

/** A room set's live code per day (workspace time zone): page views (scans) and joins through it. */
export const roomSetDays = pgTable(
  'room_set_days',
  {
    roomSetId: uuid('room_set_id')
      .notNull()
      .references(() => roomSets.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    scans: integer('scans').notNull().default(0),
    joins: integer('joins').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.roomSetId, t.day] })],
);

/**
 * A workspace member's WeChat, bound by sending the bot a one-time code from their profile: the bot
 * then answers their chat commands (#统计…) instead of running flows for them.
 */
export const memberWechat = pgTable(
  'member_wechat',
  {
    id: id(),
    workspaceId: workspaceId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Set once bound. */
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    /** The one-time code shown on the profile page until it is used or expires. */
    code: text('code'),
    codeExpiresAt: at('code_expires_at'),
    boundAt: at('bound_at'),
  },
  (t) => [
    uniqueIndex('member_wechat_workspace_user').on(t.workspaceId, t.userId),
    uniqueIndex('member_wechat_contact').on(t.contactId).where(sql`contact_id is not null`),
    uniqueIndex('member_wechat_code').on(t.workspaceId, t.code).where(sql`code is not null`),
  ],
);
