// The inbox list (API "Conversations"): conversations by status and assignee, newest activity first
// on a keyset over (last_message_at, id) — the conversations_list / conversations_assignee indexes —
// optionally only those with one of the newest private messages matching `q` (Chinese too); and
// the `bot` tab: contacts a run is waiting to hear from, with no human on them.
import { and, desc, eq, exists, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { encodeCursor } from '../../shared/api/common.ts';
import type { ConversationsQuery } from '../../shared/api/conversations.ts';
import { contacts, conversations, messages, runs, users } from '../../shared/db/schema.ts';
import { type ItemRow, itemColumns, itemView, like } from './items.ts';

type Query = Omit<ConversationsQuery, 'cursor'> & { cursor?: { at: Date; id: string } };

/**
 * How many of the newest matching messages a search looks at: found newest first through
 * messages_workspace_at (a common term stops early), by the trigram index (a rare term of 3+
 * characters) or one parallel scan (a rare 2-character term) — bench:inbox over 2M messages: 10–100 ms,
 * ~0.6 s for a 2-character term nobody wrote. A conversation whose only match is older is not found.
 */
const SEARCH_WINDOW = 2000;

/** Each contact's newest private message matching `q`, among the workspace's newest matches. */
const matchOf = (db: Db, workspaceId: string, q: string) => {
  const newest = db
    .select({ contactId: messages.contactId, text: messages.text, at: messages.at })
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), isNull(messages.roomId), ilike(messages.text, like(q))))
    .orderBy(desc(messages.at))
    .limit(SEARCH_WINDOW)
    .as('newest');
  return db
    .selectDistinctOn([newest.contactId], { contactId: newest.contactId, text: newest.text, at: newest.at })
    .from(newest)
    .orderBy(newest.contactId, desc(newest.at))
    .as('match');
};

type Match = ReturnType<typeof matchOf>;
const matchColumns = (match: Match | null) => ({
  matchText: match ? match.text : sql<string | null>`null`,
  matchAt: match ? match.at : sql<Date | null>`null`,
});
/** `match` of the item: only with `q` (and then always found, the join being inner). */
const matchField = (match: Match | null, text: string | null, at: Date | null) =>
  match && text !== null && at !== null ? { match: { text, at } } : {};

export async function listConversations(db: Db, workspaceId: string, userId: string | null, query: Query) {
  if (query.bot === 'true') return botTab(db, workspaceId, query);
  const where: (SQL | undefined)[] = [eq(conversations.workspaceId, workspaceId)];
  if (query.status) where.push(eq(conversations.status, query.status));
  if (query.assignee === 'none') where.push(isNull(conversations.assigneeId));
  // An API key is nobody: it has no conversations of its own.
  else if (query.assignee === 'me') where.push(userId ? eq(conversations.assigneeId, userId) : sql`false`);
  else if (query.assignee) where.push(eq(conversations.assigneeId, query.assignee));
  if (query.cursor)
    where.push(
      sql`(${conversations.lastMessageAt}, ${conversations.id}) < (${query.cursor.at}, ${query.cursor.id}::uuid)`,
    );
  const match = query.q ? matchOf(db, workspaceId, query.q) : null;
  let select = db
    .select({ ...itemColumns, ...matchColumns(match) })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(users, eq(users.id, conversations.assigneeId))
    .$dynamic();
  if (match) select = select.innerJoin(match, eq(match.contactId, conversations.contactId));
  const rows = await select
    .where(and(...where))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(query.limit + 1);
  const items = rows.map(({ matchText, matchAt, ...r }) => ({
    ...r,
    ...matchField(match, matchText, matchAt),
  }));
  return pageOf(items, query.limit, (r) => [r.lastMessageAt, r.id!]);
}

function pageOf<R extends ItemRow>(rows: R[], limit: number, key: (r: R) => [Date, string]) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(itemView),
    nextCursor: rows.length > limit && last ? encodeCursor(...key(last)) : null,
  };
}

/** A run waits for the contact's next message (an `ask`, a `wait_reply`). */
const runWaits = (db: Db) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(runs)
      .where(and(eq(runs.contactId, contacts.id), eq(runs.status, 'waiting'), eq(runs.awaitsMessage, true))),
  );

/**
 * Contacts the bot is talking with now: a run waits for their message and no human has them (no
 * open or snoozed conversation). Each is an item of its closed conversation, or with `id: null`;
 * newest inbound first, keyset on (last inbound, contact id). `status` and `assignee` do not apply.
 */
async function botTab(db: Db, workspaceId: string, query: Query) {
  const heardAt = sql`coalesce(${contacts.lastInboundAt}, ${contacts.createdAt})`;
  const last = db
    .select({ text: messages.text, at: messages.at, direction: messages.direction })
    .from(messages)
    .where(and(eq(messages.contactId, contacts.id), isNull(messages.roomId)))
    .orderBy(desc(messages.at))
    .limit(1)
    .as('last');
  const where: (SQL | undefined)[] = [
    eq(contacts.workspaceId, workspaceId),
    eq(contacts.handoff, false),
    or(isNull(conversations.id), eq(conversations.status, 'closed')),
    runWaits(db),
  ];
  if (query.cursor)
    where.push(sql`(${heardAt}, ${contacts.id}) < (${query.cursor.at}, ${query.cursor.id}::uuid)`);
  const match = query.q ? matchOf(db, workspaceId, query.q) : null;
  let select = db
    .select({
      id: conversations.id,
      contactId: contacts.id,
      contactName: contacts.name,
      botAccountId: contacts.botAccountId,
      assigneeId: users.id,
      assigneeName: users.name,
      unread: conversations.unread,
      lastText: last.text,
      lastAt: last.at,
      lastDirection: last.direction,
      heardAt: sql<Date>`${heardAt}`.mapWith(contacts.createdAt),
      ...matchColumns(match),
    })
    .from(contacts)
    .leftJoin(conversations, eq(conversations.contactId, contacts.id))
    .leftJoin(users, eq(users.id, conversations.assigneeId))
    .leftJoinLateral(last, sql`true`)
    .$dynamic();
  if (match) select = select.innerJoin(match, eq(match.contactId, contacts.id));
  const rows = await select
    .where(and(...where))
    .orderBy(desc(heardAt), desc(contacts.id))
    .limit(query.limit + 1);
  const items = rows.map((r) => ({
    id: r.id,
    contactId: r.contactId,
    contactName: r.contactName,
    botAccountId: r.botAccountId,
    status: 'closed' as const,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
    botPaused: false,
    lastMessageText: r.lastText ?? '',
    lastMessageAt: r.lastAt ?? r.heardAt,
    lastMessageDirection: r.lastDirection ?? 'in',
    unread: r.unread ?? 0,
    waitingSince: null,
    snoozedUntil: null,
    heardAt: r.heardAt,
    ...matchField(match, r.matchText, r.matchAt),
  }));
  return pageOf(items, query.limit, (r) => [r.heardAt, r.contactId]);
}
