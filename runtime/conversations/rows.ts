// What every conversation action shares: the error it throws, the conversation row locked in the
// order every turn locks (its contact first, then the conversation, then a run), its events and the
// bot-paused flag (`contacts.handoff`, which the router reads).
import { and, eq, sql } from 'drizzle-orm';
import {
  type ConversationEventKind,
  contacts,
  conversationEvents,
  conversations,
  users,
} from '../../shared/db/schema.ts';
import type { Db } from '../db/client.ts';
import type { TurnOutcome } from '../executor/execute.ts';

export type ConversationRow = typeof conversations.$inferSelect;

export const CONVERSATION_ERRORS = [
  /** No conversation of that id in the workspace. */
  'not_found',
  /** The user is not a member of the workspace who takes conversations (`members.agent`). */
  'not_assignable',
  /** Snoozing a closed conversation. */
  'closed',
] as const;
export type ConversationErrorCode = (typeof CONVERSATION_ERRORS)[number];

/** A refused action; the server turns the code into its API error. */
export class ConversationError extends Error {
  constructor(readonly code: ConversationErrorCode) {
    super(`conversation action refused: ${code}`);
    this.name = 'ConversationError';
  }
}

/** What an action changed, for the caller to announce once its transaction committed (announce.ts). */
export interface ConversationChange {
  conversationId: string;
  workspaceId: string;
  botAccountId: string;
  /** Turns of the run waiting at a `handoff` node that the change moved (resolved, a human replied). */
  turns: TurnOutcome[];
  /** Outbox rows queued (an agent's reply, what a resolved run says): the account's dispatcher has work. */
  queued: number;
}

export const changeOf = (
  row: ConversationRow,
  turns: TurnOutcome[] = [],
  queued = 0,
): ConversationChange => ({
  conversationId: row.id,
  workspaceId: row.workspaceId,
  botAccountId: row.botAccountId,
  turns,
  queued: queued + turns.reduce((n, t) => n + t.queued, 0),
});

/**
 * The workspace's conversation, locked after its contact: every turn of a contact locks the contact
 * first (router, sweeper), so an action and a turn of the same contact never wait on each other in a circle.
 */
export async function lockConversation(
  tx: Db,
  conversationId: string,
  workspaceId: string,
): Promise<ConversationRow> {
  const [found] = await tx
    .select({ contactId: conversations.contactId })
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.workspaceId, workspaceId)));
  if (!found) throw new ConversationError('not_found');
  await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, found.contactId)).for('update');
  const [row] = await tx
    .select()
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .for('update');
  return row!;
}

export async function addEvent(
  tx: Db,
  row: { id: string; workspaceId: string },
  kind: ConversationEventKind,
  actorId: string | null | undefined,
  at: Date,
  params: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(conversationEvents).values({
    workspaceId: row.workspaceId,
    conversationId: row.id,
    kind,
    actorId: actorId ?? null,
    params,
    at,
  });
}

/** Pauses (or resumes) the bot for the contact; true when that changed anything. */
export async function setBotPaused(tx: Db, contactId: string, paused: boolean): Promise<boolean> {
  const changed = await tx
    .update(contacts)
    .set({ handoff: paused })
    .where(and(eq(contacts.id, contactId), sql`${contacts.handoff} <> ${paused}`))
    .returning({ id: contacts.id });
  return changed.length > 0;
}

/** `{id, name}` of a member for an `assigned` event, or null (unassigned). */
export async function personOf(tx: Db, userId: string | null): Promise<{ id: string; name: string } | null> {
  if (!userId) return null;
  const [user] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  return user ?? null;
}
