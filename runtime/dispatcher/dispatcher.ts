// The dispatcher (DESIGN "Dispatch"): performs an account's due outbox rows in order, each kind
// paced by its own budget (kinds.ts) — a kind over budget waits without holding back the others —
// only while this worker holds the account's lease; marks each row sent / failed, and a contact
// that is no longer a friend as having deleted us. The account's limits and its workspace's time
// zone are read before every action, so an edit applies to the next one in every worker.
import { eq } from 'drizzle-orm';
import { botAccounts, contacts, workspaces } from '../../shared/db/schema.ts';
import { type BotConnection, NotAFriendError } from '../bots/port.ts';
import type { Db } from '../db/client.ts';
import { claim, markDeletedUs, markFailed, markSent, peekDue, postponeKind } from './claim.ts';
import { OUTBOX_KIND_TABLE, type OutboxKind, type OutboxRow } from './kinds.ts';
import { nextSlot, type PacingState, record } from './pacing.ts';

export interface DispatchTarget {
  accountId: string;
  owner: string;
  fencingToken: number;
  connection: BotConnection;
}

const MAX_ATTEMPTS = 3;
/** Due rows looked at per step: enough to find a kind that may act behind a kind that waits. */
const PEEK = 20;

/** Sends what is due now; returns how many rows were performed and when the next paced one is due. */
export async function dispatchAccount(
  db: Db,
  target: DispatchTarget,
  now: () => Date,
  random: () => number = Math.random,
  kinds: Readonly<Record<string, OutboxKind>> = OUTBOX_KIND_TABLE,
): Promise<{ done: number; nextAt: Date | null }> {
  let done = 0;
  let nextAt: Date | null = null;
  for (;;) {
    // Read afresh before each action: a limits edit applies to the very next one.
    const [account] = await db
      .select({
        pacing: botAccounts.pacing,
        limits: botAccounts.limits,
        workspaceId: botAccounts.workspaceId,
        timeZone: workspaces.timeZone,
      })
      .from(botAccounts)
      .innerJoin(workspaces, eq(workspaces.id, botAccounts.workspaceId))
      .where(eq(botAccounts.id, target.accountId));
    if (!account) return { done, nextAt };
    const { limits, timeZone } = account;
    const pacing = (account.pacing ?? null) as PacingState | null;
    const at = now();
    const due = await peekDue(db, target.accountId, at, PEEK);
    // The first due row whose kind may act now; kinds over budget wait as a whole.
    let row: OutboxRow | undefined;
    const waiting = new Set<string>();
    for (const candidate of due) {
      if (waiting.has(candidate.kind)) continue;
      const kind = kinds[candidate.kind];
      if (!kind) {
        await markFailed(db, candidate, `unknown outbox kind ${candidate.kind}`, at, null);
        continue;
      }
      const slot = nextSlot(kind.budget(limits), pacing, candidate.kind, at.getTime(), timeZone);
      if (slot.at <= at.getTime()) {
        row = candidate;
        break;
      }
      waiting.add(candidate.kind);
      await postponeKind(db, target.accountId, candidate.kind, at, new Date(slot.at));
      if (!nextAt || slot.at < nextAt.getTime()) nextAt = new Date(slot.at);
    }
    if (!row) {
      // Every peeked row's kind waits now; rows of other kinds may lie beyond the peek.
      if (waiting.size > 0 && due.length === PEEK) continue;
      return { done, nextAt };
    }
    const kind = kinds[row.kind]!;
    const claimed = await claim(db, row.id, target.owner, target.fencingToken);
    if (!claimed) return { done, nextAt };
    await perform(
      db,
      target,
      { id: target.accountId, workspaceId: account.workspaceId, timeZone },
      kind,
      claimed,
      at,
    );
    const after = record(
      kind.budget(limits),
      limits.jitterMs,
      pacing,
      row.kind,
      at.getTime(),
      timeZone,
      random,
    );
    await db.update(botAccounts).set({ pacing: after }).where(eq(botAccounts.id, target.accountId));
    done += 1;
  }
}

async function perform(
  db: Db,
  target: DispatchTarget,
  account: { id: string; workspaceId: string; timeZone: string },
  kind: OutboxKind,
  row: OutboxRow,
  at: Date,
): Promise<void> {
  try {
    const [contact] = row.contactId
      ? await db.select({ puppetId: contacts.puppetId }).from(contacts).where(eq(contacts.id, row.contactId))
      : [];
    await kind.perform(
      { db, connection: target.connection, account, contactPuppetId: contact?.puppetId ?? null, at },
      row,
    );
    await markSent(db, kind, row, at);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof NotAFriendError) {
      await markFailed(db, row, message, at, null);
      if (row.contactId) await markDeletedUs(db, row.contactId);
      return;
    }
    const retryAt = row.attempts < MAX_ATTEMPTS ? new Date(at.getTime() + 30_000 * row.attempts) : null;
    await markFailed(db, row, message, at, retryAt);
  }
}
