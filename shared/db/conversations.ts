// The inbox (DESIGN "Conversations"): one conversation per contact (its private chat), the cycles it
// went through (opened → first human reply → closed: what the KPIs count), internal notes, the events
// shown inline (assigned, snoozed, closed…), saved replies and the quality review of messages.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { botAccounts } from './bots.ts';
import { at, createdAt, id } from './columns.ts';
import { contacts, messages } from './contacts.ts';
import { users } from './users.ts';
import { workspaceId } from './workspaces.ts';

export const CONVERSATION_STATUSES = ['open', 'snoozed', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** What opened (or reopened) a conversation. */
export const OPENED_BY = ['fallback', 'handoff', 'operator', 'agent', 'campaign'] as const;
export type OpenedBy = (typeof OPENED_BY)[number];

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    workspaceId: workspaceId(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    botAccountId: uuid('bot_account_id')
      .notNull()
      .references(() => botAccounts.id, { onDelete: 'cascade' }),
    status: text('status', { enum: CONVERSATION_STATUSES }).notNull().default('open'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** Contact messages since an agent last read the conversation. */
    unread: integer('unread').notNull().default(0),
    /** The contact's oldest message no human has answered yet; null when nobody is waiting. */
    waitingSince: at('waiting_since'),
    snoozedUntil: at('snoozed_until'),
    /** The cycle now running (`conversation_cycles`), null once closed. */
    cycleId: bigint('cycle_id', { mode: 'number' }),
    /** A run waiting at a `handoff` node: closing the conversation sends it out by `resolved`. */
    handoffRunId: uuid('handoff_run_id'),
    lastMessageAt: at('last_message_at').notNull(),
    lastMessageText: text('last_message_text').notNull().default(''),
    lastMessageDirection: text('last_message_direction', { enum: ['in', 'out'] })
      .notNull()
      .default('in'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('conversations_contact').on(t.contactId),
    // The list's tabs: by status (and assignee), newest activity first, keyset on (last_message_at, id).
    // DESC NULLS FIRST, as `ORDER BY … DESC` sorts: an index in the other nulls order cannot serve it.
    index('conversations_list').on(
      t.workspaceId,
      t.status,
      t.lastMessageAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('conversations_assignee').on(
      t.workspaceId,
      t.assigneeId,
      t.status,
      t.lastMessageAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('conversations_snoozed').on(t.snoozedUntil).where(sql`${t.status} = 'snoozed'`),
  ],
);

/** One opening of a conversation until its close: the KPIs (first response, time to close) read these. */
export const conversationCycles = pgTable(
  'conversation_cycles',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    openedBy: text('opened_by', { enum: OPENED_BY }).notNull(),
    /** For `handoff`: the flow and node that handed the contact over. */
    flowId: uuid('flow_id'),
    nodeId: text('node_id'),
    openedAt: at('opened_at').notNull(),
    /** The first reply of a human (an agent on the web or the operator on the phone). */
    firstResponseAt: at('first_response_at'),
    firstResponderId: uuid('first_responder_id').references(() => users.id, { onDelete: 'set null' }),
    closedAt: at('closed_at'),
    closedById: uuid('closed_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who had it when it closed (or has it now). */
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('conversation_cycles_opened').on(t.workspaceId, t.openedAt),
    index('conversation_cycles_conversation').on(t.conversationId, t.openedAt),
  ],
);

export const conversationNotes = pgTable(
  'conversation_notes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('conversation_notes_conversation').on(t.conversationId, t.at)],
);

export const CONVERSATION_EVENT_KINDS = [
  'opened',
  'assigned',
  'snoozed',
  'reopened',
  'closed',
  'bot_paused',
  'bot_resumed',
] as const;
export type ConversationEventKind = (typeof CONVERSATION_EVENT_KINDS)[number];

/** What happened to the conversation, shown inline in its transcript. */
export const conversationEvents = pgTable(
  'conversation_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CONVERSATION_EVENT_KINDS }).notNull(),
    /** The member who did it; null for the bot or the system (a snooze ending, a handoff node). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    at: at('at').notNull(),
  },
  (t) => [index('conversation_events_conversation').on(t.conversationId, t.at)],
);

/** Saved replies: `/shortcut` in the reply box; the text is a template (`{{contact.name}}`). */
export const savedReplies = pgTable(
  'saved_replies',
  {
    id: id(),
    workspaceId: workspaceId(),
    shortcut: text('shortcut').notNull(),
    text: text('text').notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('saved_replies_shortcut').on(t.workspaceId, t.shortcut)],
);

export const REVIEW_RATINGS = ['good', 'bad'] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

/** Quality review (质检): a bot or agent message flagged good or bad, with a comment. */
export const messageReviews = pgTable(
  'message_reviews',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: workspaceId(),
    messageId: bigint('message_id', { mode: 'number' })
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    rating: text('rating', { enum: REVIEW_RATINGS }).notNull(),
    comment: text('comment').notNull().default(''),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    at: at('at').notNull(),
  },
  (t) => [
    uniqueIndex('message_reviews_message').on(t.messageId),
    index('message_reviews_workspace').on(t.workspaceId, t.at.desc().nullsFirst()),
  ],
);
