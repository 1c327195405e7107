// A contact's archived message routed: a chat command, the inbox (a human has the contact), the
// run waiting for input, a trigger, or the fallback.
import { hourOfWeek } from '../../shared/time/zoned.ts';
import { campaignReply } from '../campaigns/replies.ts';
import { replyToChatCommand } from '../commands/chat.ts';
import type { Db } from '../db/client.ts';
import { executeTurn } from '../executor/execute.ts';
import { fallback, toHuman } from './fallback.ts';
import { pointsFor } from './flows.ts';
import type { MessageEvent, MessageRead } from './message-read.ts';
import { type BotAccountRef, type InboundResult, type Shared, startRuns } from './start-runs.ts';

/** An archived message goes to the waiting run, a trigger, or the fallback; its hour is counted. */
export async function routeMessage(
  tx: Db,
  account: BotAccountRef,
  event: MessageEvent,
  text: string,
  { contact, archived, waiting, roomId }: MessageRead,
  now: Date,
  shared: Shared,
): Promise<InboundResult> {
  const result: InboundResult = { contactId: contact.id, duplicate: !archived, turns: [], queued: 0 };
  if (!archived) return result;
  const room = roomId !== null;
  // The activity count rides on the turn's own contact write; without a turn it is written alone.
  // Group chat shows when a contact is awake, but only a private message is talking with us.
  const slot = hourOfWeek(event.at, account.timeZone);
  contact.activity[slot] = (contact.activity[slot] ?? 0) + 1;
  const touch = { activity: contact.activity, lastInboundAt: room ? null : now, written: false };
  // A member's chat command or binding code (runtime/commands/chat.ts) is answered, never a flow's.
  const command = room ? null : await replyToChatCommand(tx, account, contact, event.messageId, text, now);
  // A private reply to a campaign gets its bucket; the campaign may want it in the inbox, not the run.
  const campaign = room || command !== null ? null : await campaignReply(tx, contact, text, now);
  if (command !== null) {
    result.queued += command;
  } else if (campaign === 'inbox' && !contact.handoff) {
    result.conversations = [await toHuman(tx, account, contact, inboundOf(event, text), now, 'campaign')];
  } else if (contact.handoff) {
    // A human has the contact: the inbox only (a group message is no part of the private chat).
    if (!room) result.conversations = [await toHuman(tx, account, contact, inboundOf(event, text), now)];
  } else if (waiting) {
    const turn = await executeTurn(tx, waiting, { type: 'MESSAGE', text }, now, {
      contact,
      touch,
      batch: shared.batch,
    });
    if (turn) result.turns.push(turn);
  } else {
    const inbound = { kind: 'message', text, room, mentionsBot: Boolean(event.mentionsBot) } as const;
    const points = pointsFor(await shared.flowsFor(contact), inbound);
    if (points.length > 0)
      await startRuns(tx, [{ contact, points, result, touch, roomId }], now, shared.batch);
    else if (!room) {
      const fell = await fallback(tx, account, contact, inboundOf(event, text), now);
      result.queued += fell.queued;
      if (fell.conversationId) result.conversations = [fell.conversationId];
    }
  }
  if (!touch.written) shared.batch.touch(contact.id, touch);
  return result;
}

const inboundOf = (event: MessageEvent, text: string) => ({ messageId: event.messageId, text, at: event.at });
