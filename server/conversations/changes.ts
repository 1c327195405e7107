// The inbox's writes from the web: each runs the runtime's action (runtime/conversations/actions.ts)
// in one transaction, at now on the conversation's account clock (a sandbox account's runs ahead),
// announces the change once committed, and answers with the conversation as the list shows it.
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import {
  assignConversation,
  type ConversationChange,
  ConversationError,
  closeConversation,
  noteConversation,
  openConversation,
  reopenConversation,
  replyAsAgent,
  snoozeConversation,
} from '../../runtime/conversations/actions.ts';
import { announceConversation } from '../../runtime/conversations/announce.ts';
import type { Db } from '../../runtime/db/client.ts';
import type { ConversationItem } from '../../shared/api/conversations.ts';
import { botAccounts, conversations, members, users } from '../../shared/db/schema.ts';
import type { AuthContext } from '../auth/context.ts';
import { findContact } from '../contacts/contacts.ts';
import { HttpError, notFound } from '../errors.ts';
import { conversationItemOf, findConversation, iso } from './items.ts';

/** Who acts: the member, or for an API key the member who made it (whose key it is). */
export const actorOf = (auth: AuthContext): string => auth.userId ?? auth.createdBy;

/** The runtime's refusal in the API's words. */
function apiError(err: unknown): unknown {
  if (!(err instanceof ConversationError)) return err;
  if (err.code === 'not_found') return notFound('conversation');
  if (err.code === 'not_assignable')
    return new HttpError('not_assignable', 'That member does not take conversations');
  return new HttpError('conversation_closed', 'The conversation is closed: reopen it first');
}

async function commit<T extends ConversationChange>(
  app: FastifyInstance,
  action: (tx: Db) => Promise<T>,
): Promise<T> {
  const change = await app.db.transaction(action).catch((err) => {
    throw apiError(err);
  });
  announceConversation(app.bus, change);
  return change;
}

const accountNow = (c: { clockOffsetMs: number }) => new Date(Date.now() + Number(c.clockOffsetMs));
const itemOf = async (app: FastifyInstance, workspaceId: string, id: string): Promise<ConversationItem> =>
  (await conversationItemOf(app.db, workspaceId, id)) ?? Promise.reject(notFound('conversation'));

type Act = { tx: Db; id: string; workspaceId: string; actor: string; at: Date };

/** Runs `action` on the workspace's conversation `id` and answers the conversation after it. */
async function change(
  app: FastifyInstance,
  auth: AuthContext,
  id: string,
  action: (a: Act) => Promise<ConversationChange>,
): Promise<ConversationItem> {
  const { workspaceId } = auth;
  const at = accountNow(await findConversation(app.db, workspaceId, id));
  await commit(app, (tx) => action({ tx, id, workspaceId, actor: actorOf(auth), at }));
  return itemOf(app, workspaceId, id);
}

export const assign = (app: FastifyInstance, auth: AuthContext, id: string, to: string | null) =>
  change(app, auth, id, (a) => assignConversation(a.tx, a.id, a.workspaceId, to, a.actor, a.at));

/** Until a time after now on the account's clock. */
export const snooze = (app: FastifyInstance, auth: AuthContext, id: string, until: Date) =>
  change(app, auth, id, (a) => {
    if (until <= a.at)
      throw new HttpError('snooze_in_past', 'Snooze until a time after now', { now: a.at.toISOString() });
    return snoozeConversation(a.tx, a.id, a.workspaceId, until, a.actor, a.at);
  });

export const close = (app: FastifyInstance, auth: AuthContext, id: string) =>
  change(app, auth, id, (a) => closeConversation(a.tx, a.id, a.workspaceId, a.actor, a.at));

export const reopen = (app: FastifyInstance, auth: AuthContext, id: string) =>
  change(app, auth, id, (a) => reopenConversation(a.tx, a.id, a.workspaceId, a.actor, a.at));

/** An agent's reply, queued in the outbox (the dispatcher paces it and archives it once sent). */
export async function reply(app: FastifyInstance, auth: AuthContext, id: string, text: string) {
  const c = await findConversation(app.db, auth.workspaceId, id);
  const at = accountNow(c);
  const { outboxId } = await commit(app, (tx) =>
    replyAsAgent(tx, id, auth.workspaceId, { text, authorId: actorOf(auth), at }),
  );
  return { outboxId, delivery: 'pending' as const };
}

export async function addNote(app: FastifyInstance, auth: AuthContext, id: string, text: string) {
  const c = await findConversation(app.db, auth.workspaceId, id);
  const at = accountNow(c);
  const authorId = actorOf(auth);
  const { noteId } = await commit(app, (tx) =>
    noteConversation(tx, id, auth.workspaceId, { text, authorId, at }),
  );
  const [author] = await app.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.id, authorId));
  return { id: noteId, author: author ?? null, text, at: iso(at) };
}

/** The agent has read the conversation: nothing unread. */
export async function markRead(app: FastifyInstance, workspaceId: string, id: string) {
  const done = await app.db
    .update(conversations)
    .set({ unread: 0 })
    .where(and(eq(conversations.id, id), eq(conversations.workspaceId, workspaceId)))
    .returning({ id: conversations.id });
  if (done.length === 0) throw notFound('conversation');
  app.bus.publish({ kind: 'conversation', workspaceId, conversationId: id });
}

/**
 * A member takes over a contact the bot is handling: its conversation opens (by `agent`), the bot
 * pauses, and it is theirs when they take conversations (else it keeps whom it had). `opened`: it
 * was not open before.
 */
export async function takeOver(app: FastifyInstance, auth: AuthContext, contactId: string) {
  const contact = await findContact(app.db, auth.workspaceId, contactId);
  const actor = actorOf(auth);
  const [account] = await app.db
    .select({ clockOffsetMs: botAccounts.clockOffsetMs })
    .from(botAccounts)
    .where(eq(botAccounts.id, contact.botAccountId));
  const [self] = await app.db
    .select({ agent: members.agent })
    .from(members)
    .where(and(eq(members.workspaceId, auth.workspaceId), eq(members.userId, actor)));
  const at = accountNow(account ?? { clockOffsetMs: 0 });
  const { conversationId, opened } = await app.db.transaction((tx) =>
    openConversation(tx, contact, {
      by: 'agent',
      at,
      actorId: actor,
      ...(self?.agent && { assign: { userId: actor } }),
    }),
  );
  app.bus.publish({ kind: 'conversation', workspaceId: auth.workspaceId, conversationId });
  return { opened, item: await itemOf(app, auth.workspaceId, conversationId) };
}
