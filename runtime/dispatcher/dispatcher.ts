// The dispatcher (DESIGN "Dispatch"): performs an account's due outbox rows one by one, paced per
// account and action kind, only while this worker holds the account's lease; marks each row
// sent / failed, and a contact that is no longer a friend as having deleted us.
import { eq } from 'drizzle-orm';
import type { BotLimits } from '../../shared/api/bot-limits.ts';
import { botAccounts, contacts, type OutboxPayload } from '../../shared/db/schema.ts';
import { type BotConnection, NotAFriendError } from '../bots/port.ts';
import type { Db } from '../db/client.ts';
import { claim, markDeletedUs, markFailed, markSent, type OutboxRow, peekDue, postpone } from './claim.ts';
import { nextSlot, type PacingState, record } from './pacing.ts';

export interface DispatchTarget {
  accountId: string;
  owner: string;
  fencingToken: number;
  connection: BotConnection;
  limits: BotLimits;
  timeZone: string;
}

const MAX_ATTEMPTS = 3;

/** Sends what is due now; returns how many rows were performed and when the next paced one is due. */
export async function dispatchAccount(
  db: Db,
  target: DispatchTarget,
  now: () => Date,
  random: () => number = Math.random,
): Promise<{ done: number; nextAt: Date | null }> {
  const [account] = await db
    .select({ pacing: botAccounts.pacing })
    .from(botAccounts)
    .where(eq(botAccounts.id, target.accountId));
  let pacing = (account?.pacing ?? null) as PacingState | null;
  let done = 0;
  for (;;) {
    const at = now();
    const row = await peekDue(db, target.accountId, at);
    if (!row) return { done, nextAt: null };
    const slot = nextSlot(target.limits, pacing, row.kind, at.getTime(), target.timeZone);
    if (slot.at > at.getTime()) {
      await postpone(db, row.id, new Date(slot.at));
      return { done, nextAt: new Date(slot.at) };
    }
    const claimed = await claim(db, row.id, target.owner, target.fencingToken);
    if (!claimed) return { done, nextAt: null };
    await perform(db, target, claimed, at);
    pacing = record(target.limits, pacing, row.kind, at.getTime(), target.timeZone, random);
    await db.update(botAccounts).set({ pacing }).where(eq(botAccounts.id, target.accountId));
    done += 1;
  }
}

async function perform(db: Db, target: DispatchTarget, row: OutboxRow, at: Date): Promise<void> {
  const payload = row.payload as OutboxPayload;
  try {
    if ('text' in payload) {
      const [contact] = await db
        .select({ puppetId: contacts.puppetId })
        .from(contacts)
        .where(eq(contacts.id, row.contactId));
      await target.connection.say(contact!.puppetId, payload.text);
    } else {
      await target.connection.acceptFriendRequest(payload.requestId);
    }
    await markSent(db, row, at);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof NotAFriendError) {
      await markFailed(db, row, message, at, null);
      await markDeletedUs(db, row.contactId);
      return;
    }
    const retryAt = row.attempts < MAX_ATTEMPTS ? new Date(at.getTime() + 30_000 * row.attempts) : null;
    await markFailed(db, row, message, at, retryAt);
  }
}
