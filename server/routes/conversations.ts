// The inbox (API "Conversations"): conversations, their live stream and counts, replies, notes,
// assignment, snooze/close/reopen, taking a contact over from the bot, saved replies, the quality
// review of messages and the KPIs.
// Roles: every member reads everything (viewers included: the list, a conversation, reviews, KPIs,
// saved replies). Agents and up (agent, marketer, admin, owner) reply, note, assign, snooze, close,
// reopen, mark read, take contacts over, write saved replies and review messages. Only members who take
// conversations (`members.agent`: every agent, and others who opt in through PATCH /api/members/:id
// {agent: true}) can be assigned one: assigning anyone else is 409 `not_assignable`.
// An API key acts as the member who made it; it has no conversations of its own (`assignee=me` is none).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, intParam } from '../../shared/api/common.ts';
import {
  assignBody,
  conversationDetail,
  conversationItem,
  conversationNote,
  conversationPage,
  conversationsQuery,
  inboxCounts as countsSchema,
  inboxKpis,
  kpisQuery,
  noteBody,
  replyBody,
  replyQueued,
  reviewBody,
  reviewItem,
  reviewPage,
  reviewsQuery,
  savedReply,
  savedReplyBody,
  savedReplyPatchBody,
  snoozeBody,
} from '../../shared/api/conversations.ts';
import { AGENTS, ANY_MEMBER } from '../access.ts';
import {
  actorOf,
  addNote,
  assign,
  close,
  markRead,
  reopen,
  reply,
  snooze,
  takeOver,
} from '../conversations/changes.ts';
import { conversationDetail as detailOf } from '../conversations/detail.ts';
import { inboxCounts } from '../conversations/items.ts';
import { inboxKpis as kpisOf } from '../conversations/kpis.ts';
import { listConversations } from '../conversations/list.ts';
import { deleteReview, listReviews, putReview } from '../conversations/reviews.ts';
import {
  createSavedReply,
  deleteSavedReply,
  listSavedReplies,
  patchSavedReply,
} from '../conversations/saved-replies.ts';
import { streamConversations } from '../conversations/stream.ts';
import { authOf } from '../plugins/auth.ts';

/** A `messages` row id (bigserial). */
const messageParams = z.object({ id: intParam({ max: Number.MAX_SAFE_INTEGER }) });

const routes: FastifyPluginAsyncZod = async (app) => {
  const read = { access: ANY_MEMBER };
  const act = { access: AGENTS };
  const item = { params: idParams, response: { 200: conversationItem } };

  app.get(
    '/conversations',
    { config: read, schema: { querystring: conversationsQuery, response: { 200: conversationPage } } },
    (req) => listConversations(app.db, authOf(req).workspaceId, authOf(req).userId, req.query),
  );
  app.get('/conversations/counts', { config: read, schema: { response: { 200: countsSchema } } }, (req) =>
    inboxCounts(app.db, authOf(req).workspaceId, authOf(req).userId),
  );
  app.get('/conversations/stream', { config: read }, (req, res) => {
    const { workspaceId, userId } = authOf(req);
    streamConversations(app, req, res, { workspaceId, userId });
  });
  app.get(
    '/conversations/:id',
    { config: read, schema: { params: idParams, response: { 200: conversationDetail } } },
    (req) => detailOf(app.db, authOf(req).workspaceId, req.params.id),
  );
  // Unread is the agents' signal: a viewer looking on must not clear it.
  app.post('/conversations/:id/read', { config: act, schema: { params: idParams } }, async (req, res) => {
    await markRead(app, authOf(req).workspaceId, req.params.id);
    return res.code(204).send();
  });
  app.post(
    '/conversations/:id/messages',
    { config: act, schema: { params: idParams, body: replyBody, response: { 201: replyQueued } } },
    async (req, res) => res.code(201).send(await reply(app, authOf(req), req.params.id, req.body.text)),
  );
  app.post(
    '/conversations/:id/notes',
    { config: act, schema: { params: idParams, body: noteBody, response: { 201: conversationNote } } },
    async (req, res) => res.code(201).send(await addNote(app, authOf(req), req.params.id, req.body.text)),
  );
  app.post('/conversations/:id/assign', { config: act, schema: { ...item, body: assignBody } }, (req) =>
    assign(app, authOf(req), req.params.id, req.body.userId),
  );
  app.post('/conversations/:id/snooze', { config: act, schema: { ...item, body: snoozeBody } }, (req) =>
    snooze(app, authOf(req), req.params.id, new Date(req.body.until)),
  );
  app.post('/conversations/:id/close', { config: act, schema: item }, (req) =>
    close(app, authOf(req), req.params.id),
  );
  app.post('/conversations/:id/reopen', { config: act, schema: item }, (req) =>
    reopen(app, authOf(req), req.params.id),
  );
  app.post(
    '/contacts/:id/conversation',
    { config: act, schema: { params: idParams, response: { 200: conversationItem, 201: conversationItem } } },
    async (req, res) => {
      const { opened, item } = await takeOver(app, authOf(req), req.params.id);
      return res.code(opened ? 201 : 200).send(item);
    },
  );

  app.get('/saved-replies', { config: read, schema: { response: { 200: z.array(savedReply) } } }, (req) =>
    listSavedReplies(app.db, authOf(req).workspaceId),
  );
  app.post(
    '/saved-replies',
    { config: act, schema: { body: savedReplyBody, response: { 201: savedReply } } },
    async (req, res) => {
      const auth = authOf(req);
      const created = await createSavedReply(app.db, auth.workspaceId, actorOf(auth), req.body);
      return res.code(201).send(created);
    },
  );
  app.patch(
    '/saved-replies/:id',
    { config: act, schema: { params: idParams, body: savedReplyPatchBody, response: { 200: savedReply } } },
    (req) => patchSavedReply(app.db, authOf(req).workspaceId, req.params.id, req.body),
  );
  app.delete('/saved-replies/:id', { config: act, schema: { params: idParams } }, async (req, res) => {
    await deleteSavedReply(app.db, authOf(req).workspaceId, req.params.id);
    return res.code(204).send();
  });

  app.put(
    '/messages/:id/review',
    { config: act, schema: { params: messageParams, body: reviewBody, response: { 200: reviewItem } } },
    (req) => {
      const auth = authOf(req);
      return putReview(app.db, auth.workspaceId, req.params.id, actorOf(auth), req.body);
    },
  );
  app.delete('/messages/:id/review', { config: act, schema: { params: messageParams } }, async (req, res) => {
    await deleteReview(app.db, authOf(req).workspaceId, req.params.id);
    return res.code(204).send();
  });
  app.get(
    '/reviews',
    { config: read, schema: { querystring: reviewsQuery, response: { 200: reviewPage } } },
    (req) => listReviews(app.db, authOf(req).workspaceId, req.query),
  );

  app.get(
    '/inbox/kpis',
    { config: read, schema: { querystring: kpisQuery, response: { 200: inboxKpis } } },
    (req) => kpisOf(app.db, authOf(req).workspaceId, req.query),
  );
};

export default routes;
