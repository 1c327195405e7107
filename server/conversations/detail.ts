// One conversation as the agent reads it: the contact's private chat (with the agents' messages still
// in the outbox and how their delivery goes, author names and reviews), the notes, and in between
// what happened — to the conversation (assigned, snoozed, closed…) and in the flows (nodes entered,
// tags, coupons, goals) over the same stretch of time.
import { and, asc, desc, eq, gte, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import type { ConversationDetail, ConversationMessage } from '../../shared/api/conversations.ts';
import { asTranscriptMedia } from '../../shared/api/media.ts';
import {
  conversationEvents,
  conversationNotes,
  messageReviews,
  messages,
  outbox,
  runs,
  users,
} from '../../shared/db/schema.ts';
import { flowEventsOf } from './flow-events.ts';
import { conversationItemOf, findConversation, iso } from './items.ts';

/** The transcript's last messages, as Intercom opens a conversation; older ones are the contact's history. */
const TRANSCRIPT = 200;

type Delivery = NonNullable<ConversationMessage['delivery']>;
/** The outbox's word for an agent message not sent yet (a dismissed one will never be). */
const DELIVERY_OF: Record<string, Delivery> = {
  queued: 'pending',
  sending: 'sending',
  failed: 'failed',
  unknown: 'unknown',
};
const SENT_PREFIX = 'outbox:';

export async function conversationDetail(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ConversationDetail> {
  const c = await findConversation(db, workspaceId, id);
  const item = (await conversationItemOf(db, workspaceId, id))!;
  const transcript = await transcriptOf(db, c.contactId);
  // Events over the stretch the transcript shows: all of them unless it was cut.
  const since = transcript.length >= TRANSCRIPT ? new Date(transcript[0]!.at) : null;
  const [queued, notes, events, flowEvents, handoffRun] = await Promise.all([
    unsentAgentMessages(db, c.contactId),
    notesOf(db, id),
    conversationEventsOf(db, id, since),
    flowEventsOf(db, c.contactId, since),
    handoffRunOf(db, c.handoffRunId),
  ]);
  const byTime = <T extends { at: string }>(a: T, b: T) => a.at.localeCompare(b.at);
  return {
    ...item,
    id,
    messages: [...transcript, ...queued].sort(byTime),
    notes,
    events: [...events, ...flowEvents].sort(byTime),
    handoffRun,
  };
}

async function transcriptOf(db: Db, contactId: string): Promise<ConversationMessage[]> {
  const rows = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      author: messages.author,
      authorName: users.name,
      text: messages.text,
      kind: messages.kind,
      media: messages.media,
      at: messages.at,
      flowId: messages.flowId,
      nodeId: messages.nodeId,
      wechatMessageId: messages.wechatMessageId,
      rating: messageReviews.rating,
      comment: messageReviews.comment,
    })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorId))
    .leftJoin(messageReviews, eq(messageReviews.messageId, messages.id))
    .where(and(eq(messages.contactId, contactId), isNull(messages.roomId)))
    .orderBy(desc(messages.at), desc(messages.id))
    .limit(TRANSCRIPT);
  return rows.reverse().map((m) => {
    const sent = m.author === 'agent' && m.wechatMessageId.startsWith(SENT_PREFIX);
    return {
      id: m.id,
      outboxId: sent ? Number(m.wechatMessageId.slice(SENT_PREFIX.length)) : null,
      direction: m.direction,
      author: m.author,
      authorName: m.author === 'agent' ? (m.authorName ?? null) : null,
      text: m.text,
      kind: m.kind,
      media: asTranscriptMedia(m.media),
      at: iso(m.at),
      flowId: m.flowId,
      nodeId: m.nodeId,
      delivery: m.author === 'agent' ? 'sent' : null,
      review: m.rating ? { rating: m.rating, comment: m.comment ?? '' } : null,
    };
  });
}

/** Agents' messages the outbox has not sent yet: a sent one is in the transcript as its message row. */
async function unsentAgentMessages(db: Db, contactId: string): Promise<ConversationMessage[]> {
  const rows = await db
    .select({
      id: outbox.id,
      status: outbox.status,
      payload: outbox.payload,
      notBefore: outbox.notBefore,
      authorName: users.name,
    })
    .from(outbox)
    .leftJoin(users, sql`${users.id}::text = ${outbox.payload}->>'authorId'`)
    .where(
      and(
        eq(outbox.contactId, contactId),
        eq(outbox.kind, 'message'),
        inArray(outbox.status, ['queued', 'sending', 'failed', 'unknown']),
        sql`${outbox.payload}->>'author' = 'agent' and ${outbox.payload}->>'roomId' is null`,
      ),
    )
    .orderBy(asc(outbox.id))
    .limit(TRANSCRIPT);
  return rows.map((r) => {
    const payload = r.payload as { text?: unknown; media?: unknown };
    return {
      id: null,
      outboxId: r.id,
      direction: 'out',
      author: 'agent',
      authorName: r.authorName ?? null,
      text: typeof payload.text === 'string' ? payload.text : '',
      kind: 'text',
      media: asTranscriptMedia(payload.media),
      // Queued on the account's clock (a sandbox account's runs ahead), like the transcript's times.
      at: iso(r.notBefore),
      flowId: null,
      nodeId: null,
      delivery: DELIVERY_OF[r.status] ?? 'unknown',
      review: null,
    };
  });
}

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

async function notesOf(db: Db, conversationId: string) {
  const rows = await db
    .select({
      id: conversationNotes.id,
      authorId: users.id,
      authorName: users.name,
      text: conversationNotes.text,
      at: conversationNotes.at,
    })
    .from(conversationNotes)
    .leftJoin(users, eq(users.id, conversationNotes.authorId))
    .where(eq(conversationNotes.conversationId, conversationId))
    .orderBy(asc(conversationNotes.at), asc(conversationNotes.id));
  return rows.map((n) => ({
    id: n.id,
    author: person(n.authorId, n.authorName),
    text: n.text,
    at: iso(n.at),
  }));
}

type EventView = ConversationDetail['events'][number];

async function conversationEventsOf(db: Db, conversationId: string, since: Date | null) {
  const rows = await db
    .select({
      kind: conversationEvents.kind,
      actorId: users.id,
      actorName: users.name,
      params: conversationEvents.params,
      at: conversationEvents.at,
    })
    .from(conversationEvents)
    .leftJoin(users, eq(users.id, conversationEvents.actorId))
    .where(
      and(
        eq(conversationEvents.conversationId, conversationId),
        since ? gte(conversationEvents.at, since) : undefined,
      ),
    )
    .orderBy(asc(conversationEvents.at), asc(conversationEvents.id));
  const named = await assigneesNamed(db, rows);
  return rows.map(
    (e): EventView => ({
      kind: e.kind,
      actor: person(e.actorId, e.actorName),
      params: e.kind === 'assigned' ? { ...e.params, to: named(e.params.to) } : e.params,
      at: iso(e.at),
    }),
  );
}

/** `assigned` events name whom they assigned (`params.to`, a user id) with their current name. */
async function assigneesNamed(db: Db, rows: { kind: string; params: Record<string, unknown> }[]) {
  const idOf = (to: unknown) =>
    typeof to === 'string' ? to : to && typeof to === 'object' && 'id' in to ? String(to.id) : null;
  const ids = [...new Set(rows.filter((r) => r.kind === 'assigned').map((r) => idOf(r.params.to)))].filter(
    (id): id is string => id !== null && /^[0-9a-f-]{36}$/i.test(id),
  );
  const found = ids.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))
    : [];
  const names = new Map(found.map((u) => [u.id, u.name]));
  return (to: unknown) => {
    const id = idOf(to);
    return id ? { id, name: names.get(id) ?? '' } : null;
  };
}

/** The run still waiting at the `handoff` node that opened the conversation. */
async function handoffRunOf(db: Db, runId: string | null) {
  if (!runId) return null;
  const [run] = await db
    .select({ id: runs.id, flowId: runs.flowId, nodeId: runs.currentNodeId })
    .from(runs)
    .where(and(eq(runs.id, runId), notInArray(runs.status, ['completed', 'exited', 'failed'])));
  return run ? { id: run.id, flowId: run.flowId, nodeId: run.nodeId ?? '' } : null;
}
