// What the operator types on the phone hands the contact to a human; the puppet's echo of the
// bot's own send is no operator message.
import { sql } from 'drizzle-orm';
import { messages } from '../../shared/db/schema.ts';
import { openConversation, recordOutbound } from '../conversations/actions.ts';
import { tellHandoffRun } from '../conversations/runs.ts';
import { type Db, rowsOf } from '../db/client.ts';
import { cleanText } from './clean.ts';
import type { ContactRow } from './contacts.ts';
import type { MessageEvent } from './message-read.ts';
import type { BotAccountRef, InboundResult } from './start-runs.ts';

/** The operator typed on the phone (or the puppet echoed the bot's own send). */
export async function onOperatorMessage(
  tx: Db,
  account: BotAccountRef,
  contact: ContactRow,
  event: MessageEvent,
  now: Date,
  result: InboundResult,
): Promise<void> {
  const text = cleanText(event.text);
  if (await isEchoOfBot(tx, contact.id, text, now)) return;
  const archived = await tx
    .insert(messages)
    .values({
      workspaceId: account.workspaceId,
      botAccountId: account.id,
      contactId: contact.id,
      direction: 'out',
      wechatMessageId: event.messageId,
      text,
      author: 'operator',
      at: event.at,
    })
    .onConflictDoNothing()
    .returning({ id: messages.id });
  if (archived.length === 0) {
    result.duplicate = true;
    return;
  }
  // A human has taken this conversation over: the bot stays quiet until handed back, and a run
  // waiting at a `handoff` node no longer times out.
  const opened = await openConversation(tx, contact, { by: 'operator', at: now });
  await recordOutbound(tx, contact.id, { text, at: event.at, author: 'operator' });
  result.conversations = [opened.conversationId];
  const turn = opened.handoffRunId
    ? await tellHandoffRun(tx, opened.handoffRunId, { type: 'AGENT_REPLIED' }, now)
    : null;
  if (turn) result.turns.push(turn);
}

/**
 * The puppet echoes the bot's own sends as self messages — often while the dispatcher is still
 * waiting on WeChat (the row is `sending`, nothing archived yet) — so an echo is a text the outbox
 * is sending or sent to this contact lately.
 */
async function isEchoOfBot(tx: Db, contactId: string, text: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - 10 * 60_000);
  const [row] = rowsOf<{ echo: boolean }>(
    await tx.execute(sql`
      select exists (
        select 1 from outbox o
        where o.contact_id = ${contactId} and o.status in ('sending', 'sent', 'unknown')
          and o.payload->>'text' = ${text} and o.created_at > ${new Date(Date.now() - 10 * 60_000)}
      ) or exists (
        select 1 from messages m
        where m.contact_id = ${contactId} and m.direction = 'out' and m.text = ${text} and m.at > ${since}
      ) as echo`),
  );
  return Boolean(row?.echo);
}
