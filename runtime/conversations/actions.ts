// The inbox's actions (API "Conversations"), for the router, the executor and the server's routes:
// each runs inside the caller's transaction and publishes nothing — the caller announces the change
// once it committed (announce.ts). Agents assign, snooze, reopen, close (the bot back on, a waiting
// `handoff` run resolved), reply through the outbox (paced, unsigned) and leave notes.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { conversationCycles, conversationNotes, conversations } from '../../shared/db/schema.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { messageRow, queueOutboxRow } from '../outbox/writer.ts';
import { assigneeFor, assignRow, nextAgentOnline } from './assign.ts';
import { openRow } from './open.ts';
import {
  addEvent,
  type ConversationChange,
  ConversationError,
  changeOf,
  lockConversation,
  setBotPaused,
} from './rows.ts';
import { tellHandoffRun } from './runs.ts';

export { type AssignPolicy, nextAgentOnline } from './assign.ts';
export { recordInbound, recordOutbound } from './messages.ts';
export { type ContactOfConversation, type OpenOptions, openConversation } from './open.ts';
export {
  CONVERSATION_ERRORS,
  type ConversationChange,
  ConversationError,
  type ConversationErrorCode,
} from './rows.ts';
export { releaseHandoffRun } from './runs.ts';

/**
 * `userId`: a member who takes conversations (else `ConversationError('not_assignable')`), null to
 * unassign, or `round_robin` (the next agent online; nobody online: unassigned).
 */
export async function assignConversation(
  tx: Db,
  conversationId: string,
  workspaceId: string,
  userId: string | null | 'round_robin',
  actorId: string | null,
  at: Date,
): Promise<ConversationChange> {
  const row = await lockConversation(tx, conversationId, workspaceId);
  const target =
    userId === null
      ? null
      : userId === 'round_robin'
        ? await nextAgentOnline(tx, workspaceId, at)
        : await assigneeFor(tx, workspaceId, { userId }, at);
  await assignRow(tx, row, target, actorId, at);
  return changeOf(row);
}

/** Out of the open list until `until` (a message from the contact wakes it earlier); the bot stays paused. */
export async function snoozeConversation(
  tx: Db,
  conversationId: string,
  workspaceId: string,
  until: Date,
  actorId: string | null,
  at: Date,
): Promise<ConversationChange> {
  const row = await lockConversation(tx, conversationId, workspaceId);
  if (row.status === 'closed') throw new ConversationError('closed');
  await tx
    .update(conversations)
    .set({ status: 'snoozed', snoozedUntil: until })
    .where(eq(conversations.id, row.id));
  await addEvent(tx, row, 'snoozed', actorId, at, { until: until.toISOString() });
  return changeOf(row);
}

/** Open again: a snoozed one wakes, a closed one starts a new cycle; the bot is paused again. */
export async function reopenConversation(
  tx: Db,
  conversationId: string,
  workspaceId: string,
  actorId: string | null,
  at: Date,
): Promise<ConversationChange> {
  const row = await lockConversation(tx, conversationId, workspaceId);
  if (row.status === 'open') return changeOf(row);
  const was = row.status;
  await openRow(tx, row, { by: 'agent', at, actorId }, 'reopened');
  if ((await setBotPaused(tx, row.contactId, true)) && was === 'snoozed')
    await addEvent(tx, row, 'bot_paused', actorId, at, { by: 'agent' });
  return changeOf(row);
}

/**
 * Closed: the cycle ends (who closed it, who had it), the bot is back on for the contact, and a run
 * waiting at a `handoff` node leaves by `resolved` in this transaction. Closing a closed one does nothing.
 */
export async function closeConversation(
  tx: Db,
  conversationId: string,
  workspaceId: string,
  actorId: string | null,
  at: Date,
): Promise<ConversationChange> {
  const row = await lockConversation(tx, conversationId, workspaceId);
  if (row.status === 'closed') return changeOf(row);
  if (row.cycleId !== null)
    await tx
      .update(conversationCycles)
      .set({ closedAt: at, closedById: actorId, assigneeId: row.assigneeId })
      .where(eq(conversationCycles.id, row.cycleId));
  const runId = row.handoffRunId;
  await tx
    .update(conversations)
    .set({
      status: 'closed',
      cycleId: null,
      snoozedUntil: null,
      waitingSince: null,
      unread: 0,
      handoffRunId: null,
    })
    .where(eq(conversations.id, row.id));
  await setBotPaused(tx, row.contactId, false);
  await addEvent(tx, row, 'closed', actorId, at);
  const turn = runId ? await tellHandoffRun(tx, runId, { type: 'RESOLVED' }, at) : null;
  return changeOf(row, turn ? [turn] : []);
}

/**
 * An agent's reply from the web: queued in the outbox from the contact's bot account, unsigned, with
 * the agent as its author (the dispatcher paces it and archives it once sent). The agent has the
 * contact now: a closed conversation opens, the bot pauses, nobody waits any more, and a run waiting
 * at a `handoff` node stops counting down to its timeout.
 */
export async function replyAsAgent(
  tx: Db,
  conversationId: string,
  workspaceId: string,
  reply: { text: string; authorId: string; at: Date },
): Promise<{ outboxId: number } & ConversationChange> {
  const { text, authorId, at } = reply;
  const row = await lockConversation(tx, conversationId, workspaceId);
  const opened =
    row.status === 'closed' && (await openRow(tx, row, { by: 'agent', at, actorId: authorId }, 'opened'));
  if ((await setBotPaused(tx, row.contactId, true)) && !opened)
    await addEvent(tx, row, 'bot_paused', authorId, at, { by: 'agent' });
  const outboxId = await queueOutboxRow(
    tx,
    messageRow({
      workspaceId,
      botAccountId: row.botAccountId,
      contactId: row.contactId,
      text,
      author: 'agent',
      authorId,
      signature: null,
      keyParts: { source: 'agent', accountId: row.botAccountId, eventId: randomUUID() },
      notBefore: at,
    }),
  );
  await tx.update(conversations).set({ waitingSince: null, unread: 0 }).where(eq(conversations.id, row.id));
  const turn = row.handoffRunId
    ? await tellHandoffRun(tx, row.handoffRunId, { type: 'AGENT_REPLIED' }, at)
    : null;
  return { outboxId: outboxId!, ...changeOf(row, turn ? [turn] : [], 1) };
}

/** An internal note on the conversation (never sent). */
export async function noteConversation(
  tx: Db,
  conversationId: string,
  workspaceId: string,
  note: { text: string; authorId: string | null; at: Date },
): Promise<{ noteId: number } & ConversationChange> {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.workspaceId, workspaceId)));
  if (!row) throw new ConversationError('not_found');
  const [added] = await tx
    .insert(conversationNotes)
    .values({ workspaceId, conversationId, authorId: note.authorId, text: note.text, at: note.at })
    .returning({ id: conversationNotes.id });
  return { noteId: added!.id, ...changeOf(row) };
}

/**
 * Snoozed conversations whose time came (`snoozed_until <= now`) open again, a batch at a time (rows
 * another worker holds are skipped); `botAccountId`: only that account's (a sandbox on its own clock).
 */
export async function wakeSnoozed(
  tx: Db,
  now: Date,
  opts: { botAccountId?: string; limit?: number } = {},
): Promise<{ workspaceId: string; conversationId: string }[]> {
  const account = opts.botAccountId ? sql`and bot_account_id = ${opts.botAccountId}` : sql``;
  const rows = rowsOf<{ id: string; workspace_id: string }>(
    await tx.execute(sql`
      with due as (
        select id from conversations
        where status = 'snoozed' and snoozed_until <= ${now} ${account}
        order by snoozed_until limit ${opts.limit ?? 500}
        for update skip locked
      ),
      u as (
        update conversations c set status = 'open', snoozed_until = null
        from due where c.id = due.id
        returning c.id, c.workspace_id
      ),
      e as (
        insert into conversation_events (workspace_id, conversation_id, kind, params, at)
        select u.workspace_id, u.id, 'reopened', '{"by":"snooze"}'::jsonb, ${now} from u
      )
      select id, workspace_id from u`),
  );
  return rows.map((r) => ({ workspaceId: r.workspace_id, conversationId: r.id }));
}
