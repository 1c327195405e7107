// Opening a contact's conversation (API "Conversations": a message nothing takes, a `handoff` node, the
// operator typing on the phone, an agent): its one row made open — a closed or new one starts a cycle,
// a snoozed one wakes — the bot paused for the contact, assigned as asked, and a note for the agent.
import { eq, sql } from 'drizzle-orm';
import {
  conversationCycles,
  conversationNotes,
  conversations,
  type OpenedBy,
} from '../../shared/db/schema.ts';
import type { Db } from '../db/client.ts';
import { type AssignPolicy, assigneeFor, assignRow } from './assign.ts';
import { addEvent, type ConversationRow, setBotPaused } from './rows.ts';

export interface OpenOptions {
  by: OpenedBy;
  at: Date;
  /** The member who opened it (an agent, reopening); null for the bot, a node or the phone. */
  actorId?: string | null;
  /** For `handoff`: the flow and node that handed over, and the run that waits there. */
  flowId?: string;
  nodeId?: string;
  runId?: string;
  /** None: a new cycle keeps the member who had the conversation before. */
  assign?: AssignPolicy;
  /** Shown to the agent (a `handoff` node's note). */
  note?: string;
}

export interface ContactOfConversation {
  id: string;
  workspaceId: string;
  botAccountId: string;
}

/** The contact's latest private message, for a conversation row made before it had any. */
const latest = (contactId: string, column: 'at' | 'text' | 'direction') =>
  sql`(select m.${sql.identifier(column)} from messages m
       where m.contact_id = ${contactId} and m.room_id is null order by m.at desc, m.id desc limit 1)`;

/** The contact's conversation row (created closed when it has none), locked. */
async function upsertRow(tx: Db, contact: ContactOfConversation, at: Date): Promise<ConversationRow> {
  const [existing] = await tx
    .select()
    .from(conversations)
    .where(eq(conversations.contactId, contact.id))
    .for('update');
  if (existing) return existing;
  const [row] = await tx
    .insert(conversations)
    .values({
      workspaceId: contact.workspaceId,
      contactId: contact.id,
      botAccountId: contact.botAccountId,
      status: 'closed',
      lastMessageAt: sql`coalesce(${latest(contact.id, 'at')}, ${at})`,
      lastMessageText: sql`coalesce(${latest(contact.id, 'text')}, '')`,
      lastMessageDirection: sql`coalesce(${latest(contact.id, 'direction')}, 'in')`,
    })
    .onConflictDoUpdate({ target: conversations.contactId, set: { status: sql`${conversations.status}` } })
    .returning();
  return row!;
}

/**
 * Opens (or keeps open) the contact's one conversation and pauses the bot for the contact. `opened`:
 * it was closed, new or snoozed before; `handoffRunId`: the run a `handoff` node keeps waiting on it.
 * Runs inside the caller's transaction; publishes nothing.
 */
export async function openConversation(
  tx: Db,
  contact: ContactOfConversation,
  opts: OpenOptions,
): Promise<{ conversationId: string; opened: boolean; handoffRunId: string | null }> {
  const row = await upsertRow(tx, contact, opts.at);
  const opened = await openRow(tx, row, opts, 'opened');
  const paused = await setBotPaused(tx, contact.id, true);
  if (paused && !opened) await addEvent(tx, row, 'bot_paused', opts.actorId, opts.at, { by: opts.by });
  if (opts.assign !== undefined) {
    const target = await assigneeFor(tx, contact.workspaceId, opts.assign, opts.at);
    // The round robin fills an empty seat; a named member or a fresh cycle's policy always applies.
    if (opened || row.assigneeId === null || typeof opts.assign === 'object')
      await assignRow(tx, row, target, opts.actorId, opts.at);
  }
  if (opts.note)
    await tx.insert(conversationNotes).values({
      workspaceId: contact.workspaceId,
      conversationId: row.id,
      authorId: null,
      text: opts.note,
      at: opts.at,
    });
  return { conversationId: row.id, opened, handoffRunId: row.handoffRunId };
}

/**
 * Makes the row open: a closed one starts a cycle (`event`: opened, or reopened by an agent), a
 * snoozed one wakes. Also names the run a `handoff` waits in, and the contact waits for a human from
 * a handoff on. Answers whether it was not open before. `row` is updated in place.
 */
export async function openRow(
  tx: Db,
  row: ConversationRow,
  opts: OpenOptions,
  event: 'opened' | 'reopened',
): Promise<boolean> {
  const set: Partial<typeof conversations.$inferInsert> = {};
  const was = row.status;
  if (was === 'closed') {
    const [cycle] = await tx
      .insert(conversationCycles)
      .values({
        workspaceId: row.workspaceId,
        conversationId: row.id,
        openedBy: opts.by,
        flowId: opts.flowId ?? null,
        nodeId: opts.nodeId ?? null,
        openedAt: opts.at,
        assigneeId: row.assigneeId,
      })
      .returning({ id: conversationCycles.id });
    Object.assign(set, {
      status: 'open',
      cycleId: cycle!.id,
      unread: 0,
      waitingSince: null,
      snoozedUntil: null,
    });
  } else if (was === 'snoozed') {
    Object.assign(set, { status: 'open', snoozedUntil: null });
  }
  if (opts.runId) set.handoffRunId = opts.runId;
  if (opts.by === 'handoff') set.waitingSince = (was === 'closed' ? null : row.waitingSince) ?? opts.at;
  if (Object.keys(set).length > 0) {
    await tx.update(conversations).set(set).where(eq(conversations.id, row.id));
    Object.assign(row, set);
  }
  if (was === 'closed')
    await addEvent(tx, row, event, opts.actorId, opts.at, {
      by: opts.by,
      ...(opts.flowId ? { flowId: opts.flowId, nodeId: opts.nodeId ?? null } : {}),
    });
  else if (was === 'snoozed') await addEvent(tx, row, 'reopened', opts.actorId, opts.at, { by: opts.by });
  return was !== 'open';
}
