// A conversation as the inbox list shows it (contact, assignee, last message, unread, waiting since),
// read the same way by the list, the detail, the live stream and every action's answer.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import type { ConversationItem } from '../../shared/api/conversations.ts';
import { botAccounts, contacts, conversations, users } from '../../shared/db/schema.ts';
import { notFound } from '../errors.ts';

export const iso = (d: Date | string) => new Date(d).toISOString();
export const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));
/** `%q%` for ILIKE with the pattern characters of `q` taken literally. */
export const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export const itemColumns = {
  id: conversations.id,
  contactId: conversations.contactId,
  contactName: contacts.name,
  botAccountId: conversations.botAccountId,
  status: conversations.status,
  assigneeId: users.id,
  assigneeName: users.name,
  // The router's own switch: while it is on, flows and the fallback leave the contact to people.
  botPaused: contacts.handoff,
  lastMessageText: conversations.lastMessageText,
  lastMessageAt: conversations.lastMessageAt,
  lastMessageDirection: conversations.lastMessageDirection,
  unread: conversations.unread,
  waitingSince: conversations.waitingSince,
  snoozedUntil: conversations.snoozedUntil,
};

export interface ItemRow {
  id: string | null;
  contactId: string;
  contactName: string;
  botAccountId: string;
  status: ConversationItem['status'];
  assigneeId: string | null;
  assigneeName: string | null;
  botPaused: boolean;
  lastMessageText: string;
  lastMessageAt: Date;
  lastMessageDirection: 'in' | 'out';
  unread: number;
  waitingSince: Date | null;
  snoozedUntil: Date | null;
  match?: { text: string; at: Date } | null;
}

export function itemView(r: ItemRow): ConversationItem {
  return {
    id: r.id,
    contact: { id: r.contactId, name: r.contactName },
    botAccountId: r.botAccountId,
    status: r.status,
    assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
    botPaused: r.botPaused,
    lastMessage: { text: r.lastMessageText, at: iso(r.lastMessageAt), direction: r.lastMessageDirection },
    unread: r.unread,
    waitingSince: isoOrNull(r.waitingSince),
    snoozedUntil: isoOrNull(r.snoozedUntil),
    ...(r.match !== undefined && { match: r.match && { text: r.match.text, at: iso(r.match.at) } }),
  };
}

export const selectItems = (db: Db) =>
  db
    .select(itemColumns)
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(users, eq(users.id, conversations.assigneeId));

/** A conversation of the workspace with its account's clock offset; another workspace's is not found. */
export async function findConversation(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select({
      id: conversations.id,
      contactId: conversations.contactId,
      botAccountId: conversations.botAccountId,
      handoffRunId: conversations.handoffRunId,
      clockOffsetMs: botAccounts.clockOffsetMs,
    })
    .from(conversations)
    .innerJoin(botAccounts, eq(botAccounts.id, conversations.botAccountId))
    .where(and(eq(conversations.id, id), eq(conversations.workspaceId, workspaceId)));
  if (!row) throw notFound('conversation');
  return row;
}

/** The conversation as the list shows it (null once it is gone). */
export async function conversationItemOf(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ConversationItem | null> {
  const [row] = await selectItems(db).where(
    and(eq(conversations.id, id), eq(conversations.workspaceId, workspaceId)),
  );
  return row ? itemView(row) : null;
}

/** Open conversations nobody has, and those the caller has (none for an API key: it is nobody). */
export async function inboxCounts(db: Db, workspaceId: string, userId: string | null) {
  const [row] = await db
    .select({
      unassigned: sql<number>`count(*) filter (where ${conversations.assigneeId} is null)::int`,
      mine: userId
        ? sql<number>`count(*) filter (where ${conversations.assigneeId} = ${userId}::uuid)::int`
        : sql<number>`0`,
    })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.status, 'open')));
  return { unassigned: Number(row?.unassigned ?? 0), mine: Number(row?.mine ?? 0) };
}
