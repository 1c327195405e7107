// What the router's turns share: the account and result shapes, the writes and flows of one
// transaction, and the runs a message, a friend confirm, a lead or a group event starts.
import type { Db } from '../db/client.ts';
import type { TurnContact } from '../db/contact-row.ts';
import { executeTurn, openRuns, type TurnOutcome } from '../executor/execute.ts';
import type { ContactTouch, WriteBatch } from '../executor/persist.ts';
import type { ContactRow } from './contacts.ts';
import type { PublishedFlow, StartPoint } from './flows.ts';

export interface BotAccountRef {
  id: string;
  workspaceId: string;
  timeZone: string;
}

export interface InboundResult {
  /** Null for what no contact said (the bot's own user typing in a group). */
  contactId: string | null;
  duplicate: boolean;
  turns: TurnOutcome[];
  /** Outbox rows queued (messages and friend accepts): the dispatcher has work. */
  queued: number;
  /** Conversations of the inbox the event opened or changed: announce them after commit. */
  conversations?: string[];
}

/** What the turns of one transaction share: their writes, and the flows that may start, read once. */
export interface Shared {
  batch: WriteBatch;
  /** The flows a contact's events may start: the published ones, or the draft preview it tests. */
  flowsFor(contact: ContactRow): Promise<PublishedFlow[]>;
}

export interface Start {
  /** The contact's row; a run that waits for its best hour reads the activity counts when absent. */
  contact: TurnContact;
  points: StartPoint[];
  result: InboundResult;
  /** The group the runs start in (a group message, a join): their `room_id`. */
  roomId?: string | null;
  /** The inbound message's activity count, written with the first turn. */
  touch?: ContactTouch;
}

/**
 * Starts a run at each start point (one per flow) of each contact, all opened in one statement; a
 * flow the contact already runs is skipped.
 */
export async function startRuns(tx: Db, starts: Start[], now: Date, batch: WriteBatch) {
  const pairs = starts.flatMap((s) => s.points.map((p, i) => ({ s, p, i })));
  const opened = await openRuns(
    tx,
    pairs.map(({ s, p }) => ({
      workspaceId: s.contact.workspaceId,
      flowId: p.flowId,
      flowVersionId: p.flowVersionId,
      contactId: s.contact.id,
      roomId: s.roomId ?? null,
    })),
    now,
  );
  for (const [k, { s, p, i }] of pairs.entries()) {
    const run = opened[k];
    if (!run) continue;
    // A batch writes a contact once: a second flow's turn goes after the first one's writes, and
    // only the first turn may reuse the row (a turn can change the contact's attributes and tags).
    if (i > 0) await batch.flush(tx);
    const turn = await executeTurn(tx, run, { type: 'START', entry: p.entry.nodeId }, now, {
      contact: i === 0 ? s.contact : undefined,
      touch: i === 0 ? s.touch : undefined,
      batch,
    });
    if (turn) s.result.turns.push(turn);
  }
}
