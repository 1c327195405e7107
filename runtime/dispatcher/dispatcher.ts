// The dispatcher (DESIGN "Dispatch"): performs an account's due outbox rows one by one, paced per
// account and action kind, only while this worker holds the account's lease; marks each row
// sent / failed, and a contact that is no longer a friend as having deleted us. The account's limits
// and its workspace's time zone are read at every pass, so an edit applies within a tick in every worker.
import { eq } from 'drizzle-orm';
import { botAccounts, contacts, type OutboxPayload, workspaces } from '../../shared/db/schema.ts';
import { type BotConnection, NotAFriendError } from '../bots/port.ts';
import type { Db } from '../db/client.ts';
import { claim, markDeletedUs, markFailed, markSent, type OutboxRow, peekDue, postpone } from './claim.ts';
import { nextSlot, type PacingState, record } from './pacing.ts';

export interface DispatchTarget {
  accountId: string;
  owner: string;
  fencingToken: number;
  connection: BotConnection;
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
    .select({ pacing: botAccounts.pacing, limits: botAccounts.limits, timeZone: workspaces.timeZone })
    .from(botAccounts)
    .innerJoin(workspaces, eq(workspaces.id, botAccounts.workspaceId))
    .where(eq(botAccounts.id, target.accountId));
  if (!account) return { done: 0, nextAt: null };
  const { limits, timeZone } = account;
  let pacing = (account.pacing ?? null) as PacingState | null;
  let done = 0;
  for (;;) {
    const at = now();
    const row = await peekDue(db, target.accountId, at);
    if (!row) return { done, nextAt: null };
    const slot = nextSlot(limits, pacing, row.kind, at.getTime(), timeZone);
    if (slot.at > at.getTime()) {
      await postpone(db, row.id, new Date(slot.at));
      return { done, nextAt: new Date(slot.at) };
    }
    const claimed = await claim(db, row.id, target.owner, target.fencingToken);
    if (!claimed) return { done, nextAt: null };
    await perform(db, target, claimed, at);
    pacing = record(limits, pacing, row.kind, at.getTime(), timeZone, random);
    await db.update(botAccounts).set({ pacing }).where(eq(botAccounts.id, target.accountId));
    done += 1;
  }
}

async function perform(db: Db, target: DispatchTarget, row: OutboxRow, at: Date): Promise<void> {
  const payload = row.payload as OutboxPayload;
  try {
    const [contact] = await db
      .select({ puppetId: contacts.puppetId })
      .from(contacts)
      .where(eq(contacts.id, row.contactId));
    if ('text' in payload) await target.connection.say(contact!.puppetId, payload.text);
    else await target.connection.acceptFriendRequest(payload.requestId, contact!.puppetId);
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
