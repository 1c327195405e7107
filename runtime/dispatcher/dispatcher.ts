// The dispatcher (DESIGN "Dispatch"): performs an account's due outbox rows in order, each kind
// paced by its own budget (kinds.ts) — a kind over budget waits without holding back the others —
// only while this worker holds the account's lease; a bot-initiated row whose contact is over the
// workspace's message budget waits alone (contact-budget.ts); marks each row sent / failed, and a
// contact that is no longer a friend as having deleted us. The account's limits and its workspace's
// time zone are read before every action, so an edit applies to the next one in every worker.
import { eq } from 'drizzle-orm';
import type { BotLimits } from '../../shared/api/bot-limits.ts';
import { botAccounts, contacts, workspaces } from '../../shared/db/schema.ts';
import { type BotConnection, NotAFriendError } from '../bots/port.ts';
import type { Db } from '../db/client.ts';
import { workspaceSettings } from '../workspace-settings.ts';
import { claim, markDeletedUs, markFailed, markSent, peekDue } from './claim.ts';
import { budgetSlots, deferRow, type MessageBudget } from './contact-budget.ts';
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
  // Kinds over their pacing budget this pass, each with the time it may act again: their due rows
  // are read past (peekDue of the other kinds), never rewritten — a campaign's 100k queued messages
  // cost nothing while they wait.
  const waiting = new Map<string, number>();
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
    for (const [kind, slot] of waiting) if (slot <= at.getTime()) waiting.delete(kind);
    const due = await peekDue(
      db,
      target.accountId,
      at,
      PEEK,
      waiting.size > 0 ? Object.keys(kinds).filter((kind) => !waiting.has(kind)) : undefined,
    );
    const settings = await workspaceSettings(db, account.workspaceId);
    const picked = await pick(db, due, {
      at,
      waiting,
      kinds,
      limits,
      pacing,
      timeZone,
      budget: settings?.messageBudget ?? null,
    });
    if (picked.nextAt && (!nextAt || picked.nextAt < nextAt)) nextAt = picked.nextAt;
    const row = picked.row;
    if (!row) {
      // Every peeked row waits now; rows of other kinds or contacts may lie beyond the peek.
      if (picked.held && due.length === PEEK) continue;
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

interface PickContext {
  at: Date;
  /** Kinds waiting out their pacing (kind → when it may act): pick adds the ones it finds. */
  waiting: Map<string, number>;
  kinds: Readonly<Record<string, OutboxKind>>;
  limits: BotLimits;
  pacing: PacingState | null;
  timeZone: string;
  budget: MessageBudget | null;
}

/**
 * The first due row that may act now. A kind over its account budget waits as a whole; a row whose
 * contact is over the message budget waits alone. `held`: some peeked row was put off.
 */
async function pick(
  db: Db,
  due: OutboxRow[],
  c: PickContext,
): Promise<{ row?: OutboxRow; held: boolean; nextAt: Date | null }> {
  const now = c.at.getTime();
  const contactSlots = c.budget ? await budgetSlots(db, due, c.budget, c.at) : new Map<number, number>();
  const { waiting } = c;
  let held = false;
  let nextAt: number | null = null;
  const later = (t: number) => {
    held = true;
    nextAt = nextAt === null ? t : Math.min(nextAt, t);
  };
  const answer = (row?: OutboxRow) => ({ row, held, nextAt: nextAt === null ? null : new Date(nextAt) });
  for (const candidate of due) {
    const waitsUntil = waiting.get(candidate.kind);
    if (waitsUntil !== undefined) {
      later(waitsUntil);
      continue;
    }
    const kind = c.kinds[candidate.kind];
    if (!kind) {
      await markFailed(db, candidate, `unknown outbox kind ${candidate.kind}`, c.at, null);
      continue;
    }
    const slot = nextSlot(kind.budget(c.limits), c.pacing, candidate.kind, now, c.timeZone);
    if (slot.at > now) {
      waiting.set(candidate.kind, slot.at);
      later(slot.at);
      continue;
    }
    const contactSlot = contactSlots.get(candidate.id) ?? now;
    if (contactSlot <= now) return answer(candidate);
    await deferRow(db, candidate.id, new Date(contactSlot));
    later(contactSlot);
  }
  return answer();
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
      await markFailed(db, row, message, at, null, true);
      if (row.contactId) await markDeletedUs(db, row.contactId, at);
      return;
    }
    const retryAt = row.attempts < MAX_ATTEMPTS ? new Date(at.getTime() + 30_000 * row.attempts) : null;
    await markFailed(db, row, message, at, retryAt);
  }
}
