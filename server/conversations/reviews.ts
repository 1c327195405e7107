// Quality review (质检): a message we sent (the bot's, an agent's, the operator's) rated good or bad
// with a comment, one review per message; the list filters by rating, flow, node and agent, newest
// review first.
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../runtime/db/client.ts';
import { encodeCursor } from '../../shared/api/common.ts';
import {
  contacts,
  conversations,
  flows,
  flowVersions,
  messageReviews,
  messages,
  type ReviewRating,
  runs,
  users,
} from '../../shared/db/schema.ts';
import { HttpError, notFound } from '../errors.ts';
import { nodeLabelSql } from '../flows/node-label.ts';
import { iso } from './items.ts';

const reviewer = alias(users, 'reviewer');

/**
 * The keyset cursor holds a time and a uuid; a review is keyed by its message's bigint id, carried in
 * the uuid's last 12 hex digits (48 bits: ids far beyond any archive).
 */
const idAsUuid = (id: number) => `00000000-0000-4000-8000-${id.toString(16).padStart(12, '0')}`;
const uuidAsId = (uuid: string) => Number.parseInt(uuid.slice(24), 16);

async function reviewableMessage(db: Db, workspaceId: string, messageId: number) {
  const [m] = await db
    .select({ id: messages.id, direction: messages.direction })
    .from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.workspaceId, workspaceId)));
  if (!m) throw notFound('message');
  if (m.direction !== 'out')
    throw new HttpError('not_reviewable', 'Only a message we sent can be reviewed', { messageId });
  return m;
}

export async function putReview(
  db: Db,
  workspaceId: string,
  messageId: number,
  reviewerId: string | null,
  body: { rating: ReviewRating; comment: string },
) {
  await reviewableMessage(db, workspaceId, messageId);
  const values = { rating: body.rating, comment: body.comment, reviewerId, at: new Date() };
  await db
    .insert(messageReviews)
    .values({ workspaceId, messageId, ...values })
    .onConflictDoUpdate({ target: messageReviews.messageId, set: values });
  const { items } = await listReviews(db, workspaceId, { limit: 1 }, messageId);
  return items[0]!;
}

export async function deleteReview(db: Db, workspaceId: string, messageId: number) {
  await reviewableMessage(db, workspaceId, messageId);
  await db.delete(messageReviews).where(eq(messageReviews.messageId, messageId));
}

interface ReviewsQuery {
  rating?: ReviewRating;
  flowId?: string;
  nodeId?: string;
  agentId?: string;
  limit: number;
  cursor?: { at: Date; id: string };
}

export async function listReviews(db: Db, workspaceId: string, query: ReviewsQuery, messageId?: number) {
  const where: (SQL | undefined)[] = [eq(messageReviews.workspaceId, workspaceId)];
  if (messageId !== undefined) where.push(eq(messageReviews.messageId, messageId));
  if (query.rating) where.push(eq(messageReviews.rating, query.rating));
  if (query.flowId) where.push(eq(messages.flowId, query.flowId));
  if (query.nodeId) where.push(eq(messages.nodeId, query.nodeId));
  if (query.agentId) where.push(eq(messages.authorId, query.agentId));
  if (query.cursor)
    where.push(
      sql`(${messageReviews.at}, ${messageReviews.messageId}) < (${query.cursor.at}, ${uuidAsId(query.cursor.id)})`,
    );
  const rows = await db
    .select({
      messageId: messages.id,
      conversationId: conversations.id,
      contactId: contacts.id,
      contactName: contacts.name,
      author: messages.author,
      authorName: users.name,
      text: messages.text,
      at: messages.at,
      flowId: messages.flowId,
      flowName: flows.name,
      nodeId: messages.nodeId,
      nodeLabel: nodeLabelSql(flowVersions.graph, messages.nodeId),
      roomId: messages.roomId,
      rating: messageReviews.rating,
      comment: messageReviews.comment,
      reviewerId: reviewer.id,
      reviewerName: reviewer.name,
      reviewedAt: messageReviews.at,
    })
    .from(messageReviews)
    .innerJoin(messages, eq(messages.id, messageReviews.messageId))
    .innerJoin(contacts, eq(contacts.id, messages.contactId))
    .leftJoin(conversations, eq(conversations.contactId, contacts.id))
    .leftJoin(users, eq(users.id, messages.authorId))
    .leftJoin(flows, eq(flows.id, messages.flowId))
    .leftJoin(runs, eq(runs.id, messages.runId))
    .leftJoin(flowVersions, eq(flowVersions.id, runs.flowVersionId))
    .leftJoin(reviewer, eq(reviewer.id, messageReviews.reviewerId))
    .where(and(...where))
    .orderBy(desc(messageReviews.at), desc(messageReviews.messageId))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      messageId: r.messageId,
      // A group message is no conversation's.
      conversationId: r.roomId ? null : r.conversationId,
      contact: { id: r.contactId, name: r.contactName },
      // Only outbound messages are ever reviewed (reviewableMessage): never the contact's.
      author: r.author as Exclude<typeof r.author, 'contact'>,
      authorName: r.author === 'agent' ? (r.authorName ?? null) : null,
      text: r.text,
      at: iso(r.at),
      flowId: r.flowId,
      flowName: r.flowName,
      nodeId: r.nodeId,
      nodeLabel: r.nodeLabel,
      rating: r.rating,
      comment: r.comment,
      reviewer: r.reviewerId ? { id: r.reviewerId, name: r.reviewerName ?? '' } : null,
      reviewedAt: iso(r.reviewedAt),
    })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor(last.reviewedAt, idAsUuid(last.messageId)) : null,
  };
}
