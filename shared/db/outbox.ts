// The outbox: every action on WeChat (send a message, accept a friend request…) as a row written in
// the turn's transaction and performed afterwards by the dispatcher, exactly once per idempotency key.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt } from './columns.ts';

export const OUTBOX_KINDS = ['message', 'friend_accept', 'friend_add', 'room_invite', 'room_remove'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
/**
 * `unknown`: found `sending` after a crash — WeChat has no idempotent send, so it is shown, not
 * resent; a person resends it (back to `queued`) or dismisses it (`dismissed`), as a `failed` one.
 */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'unknown', 'dismissed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export type OutboxPayload =
  | {
      text: string;
      flowId?: string;
      nodeId?: string;
      author: 'bot' | 'agent';
      /** The member who wrote an agent's reply (archived as `messages.author_id`). */
      authorId?: string;
      variant?: number;
      /** Sent after the text (an image, a link card, a mini-program card): see `messages.media`. */
      media?: Record<string, unknown>;
      /** Said in this group (a `rooms` row) instead of in private, @-mentioning the row's contact when set. */
      roomId?: string;
      mention?: boolean;
    }
  | { roomId: string; inviteId: string }
  | { roomId: string; reason: 'cleanup' }
  | { requestId: string; hello: string }
  | { leadId: string; phone: string | null; weixin: string | null; hello: string };

export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // No foreign keys on the owners: a row is written by a turn that holds its contact locked (or by a
    // route that just read its account), and a deleted workspace, account or contact takes its rows with
    // it by trigger (migrations/0017). The three checks cost a wake ~12 µs of PostgreSQL's CPU.
    workspaceId: uuid('workspace_id').notNull(),
    botAccountId: uuid('bot_account_id').notNull(),
    /** Null only for a friend add: the person is found when the request goes out. */
    contactId: uuid('contact_id'),
    runId: uuid('run_id'),
    kind: text('kind', { enum: OUTBOX_KINDS }).notNull(),
    payload: jsonb('payload').$type<OutboxPayload>().notNull(),
    /** (run, node, visit, part) for flow messages: a replayed turn cannot queue a message twice. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /**
     * A bot message nobody asked for just now (a timer's or a campaign's turn): it spends the
     * contact's message budget (workspace `messageBudget`), checked at claim time.
     */
    initiated: boolean('initiated').notNull().default(false),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
    notBefore: at('not_before').notNull(),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    createdAt: createdAt(),
    doneAt: at('done_at'),
  },
  (t) => [
    index('outbox_due').on(t.botAccountId, t.notBefore, t.id).where(sql`status = 'queued'`),
    // The due rows of the kinds that may act while another kind waits out its pacing (dispatcher.ts):
    // read past the waiting kind's rows, never rewriting them.
    index('outbox_due_kind').on(t.botAccountId, t.kind, t.notBefore, t.id).where(sql`status = 'queued'`),
    // A campaign's queued messages by run (settling members, pause, resume, cancel).
    index('outbox_queued_run').on(t.runId).where(sql`status = 'queued'`),
    index('outbox_sending').on(t.botAccountId).where(sql`status = 'sending'`),
    index('outbox_initiated_sent').on(t.contactId, t.doneAt).where(sql`initiated and status = 'sent'`),
    index('outbox_undelivered').on(t.contactId).where(sql`status in ('unknown', 'failed')`),
  ],
);
