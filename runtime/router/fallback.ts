// The workspace fallback for a private message no run and no trigger takes (DESIGN "Route" step 2):
// the first keyword auto-reply that matches answers it; otherwise the contact goes to a human — its
// conversation opens in the inbox (the bot paused). The message records which it was (`route`).
// While a human has the contact, its messages only go to the inbox (`toHuman`).
import { and, eq } from 'drizzle-orm';
import type { Fallback } from '../../shared/api/workspace.ts';
import { type MessageRoute, messages, type OpenedBy } from '../../shared/db/schema.ts';
import { openConversation, recordInbound } from '../conversations/actions.ts';
import type { Db } from '../db/client.ts';
import { messageRow, queueOutbox } from '../outbox/writer.ts';
import { workspaceSettings } from '../workspace-settings.ts';
import { cleanText } from './clean.ts';
import type { ContactRow } from './contacts.ts';

/** The auto-reply for a text: keywords match anywhere in it, case-insensitively. */
export function autoReplyFor(fallback: Fallback, text: string): string | null {
  const lower = text.toLowerCase();
  const rule = fallback.autoReplies.find((r) => r.keywords.some((k) => lower.includes(k.toLowerCase())));
  return rule?.reply ?? null;
}

/** The archived message the fallback or a human took: `at` is when it was said. */
export interface FallbackMessage {
  messageId: string;
  text: string;
  at: Date;
}

export interface FallbackResult {
  /** Outbox rows queued. */
  queued: number;
  /** The conversation it opened or counted the message in: announce it after commit. */
  conversationId: string | null;
}

type Account = { id: string; workspaceId: string };

export async function fallback(
  tx: Db,
  account: Account,
  contact: ContactRow,
  message: FallbackMessage,
  now: Date,
): Promise<FallbackResult> {
  const settings = await workspaceSettings(tx, account.workspaceId);
  if (!settings) return { queued: 0, conversationId: null };
  let reply = autoReplyFor(settings.fallback, message.text);
  let conversationId: string | null = null;
  if (reply !== null) {
    await markRoute(tx, account, message, 'auto_reply');
  } else {
    if (!settings.fallback.handoff) {
      // Nothing answers it: counted as such (the bot KPIs, the insights' unanswered phrases).
      await markRoute(tx, account, message, 'unanswered');
      return { queued: 0, conversationId: null };
    }
    await markRoute(tx, account, message, 'handoff');
    conversationId = (await openConversation(tx, contact, { by: 'fallback', at: now })).conversationId;
    await recordInbound(tx, contact.id, message);
    reply = settings.fallback.handoffReply || null;
  }
  if (reply === null) return { queued: 0, conversationId };
  const queued = await queueOutbox(tx, [
    messageRow({
      workspaceId: account.workspaceId,
      botAccountId: account.id,
      contactId: contact.id,
      text: reply,
      author: 'bot',
      signature: settings.botSignature,
      keyParts: { source: 'fallback', accountId: account.id, eventId: message.messageId },
      notBefore: now,
    }),
  ]);
  return { queued, conversationId };
}

/**
 * A human has the contact: the message counts in its conversation (opened if the contact has none
 * open, as when the bot was paused by hand; `by`: a campaign routes replies to the inbox). Answers
 * the conversation id.
 */
export async function toHuman(
  tx: Db,
  account: Account,
  contact: ContactRow,
  message: FallbackMessage,
  now: Date,
  by: OpenedBy = 'fallback',
): Promise<string> {
  await markRoute(tx, account, message, 'human');
  const counted = await recordInbound(tx, contact.id, message);
  if (counted) return counted;
  const { conversationId } = await openConversation(tx, contact, { by, at: now });
  await recordInbound(tx, contact.id, message);
  return conversationId;
}

/** Where the archived message went, for the bot's KPIs. */
async function markRoute(tx: Db, account: Account, message: FallbackMessage, route: MessageRoute) {
  await tx
    .update(messages)
    .set({ route })
    .where(
      and(eq(messages.botAccountId, account.id), eq(messages.wechatMessageId, cleanText(message.messageId))),
    );
}
