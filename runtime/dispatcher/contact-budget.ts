// The per-contact message budget (DESIGN "Campaigns and budgets"), enforced at claim time: a bot-
// initiated outbox row (`initiated`: a timer's or a campaign's turn) goes out only while its contact
// got fewer than `perDay` initiated messages in the sliding 24 h before and fewer than `perWeek` in
// the sliding 7 days; otherwise that row alone is deferred to the earliest moment both windows allow
// — never dropped, never failed. Only initiated rows count and only they are held: a reply to the
// contact, an agent's or the operator's message and group messages are never held back and do not
// spend the budget (a conversation the contact started is not a message nobody asked for).
// Windows are on the account's clock (`done_at` is written with it). A contact belongs to one bot
// account, whose dispatcher is one pass at a time, so the count read here cannot race another send.
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { outbox } from '../../shared/db/schema.ts';
import type { Db } from '../db/client.ts';
import type { OutboxRow } from './kinds.ts';

export interface MessageBudget {
  perDay: number;
  perWeek: number;
}

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** Does the budget hold this row (an initiated row about a contact)? */
export const isBudgeted = (row: Pick<OutboxRow, 'initiated' | 'contactId'>): boolean =>
  row.initiated && row.contactId !== null;

/**
 * The earliest moment ≥ `at` at which one more initiated message keeps both windows within the
 * budget, given the times (ms) of the contact's initiated messages sent in the last week.
 */
export function nextAllowed(sent: readonly number[], budget: MessageBudget, at: number): number {
  const times = [...sent].sort((a, b) => a - b);
  let allowed = at;
  for (const [ms, max] of [
    [DAY_MS, budget.perDay],
    [WEEK_MS, budget.perWeek],
  ] as const) {
    // Sliding window (t - ms, t]: with n ≥ max inside, the (n - max)th oldest must leave it first.
    const inWindow = times.filter((t) => t > at - ms);
    if (inWindow.length >= max) allowed = Math.max(allowed, inWindow[inWindow.length - max]! + ms);
  }
  return allowed;
}

/**
 * The times of initiated messages sent to each contact within the last week before `at` (one query
 * for a batch of candidates, on the partial index `outbox_initiated_sent`).
 */
export async function sentThisWeek(
  db: Db,
  contactIds: readonly string[],
  at: Date,
): Promise<Map<string, number[]>> {
  const byContact = new Map<string, number[]>();
  if (contactIds.length === 0) return byContact;
  const rows = await db
    .select({ contactId: outbox.contactId, doneAt: outbox.doneAt })
    .from(outbox)
    .where(
      and(
        inArray(outbox.contactId, [...new Set(contactIds)]),
        sql`${outbox.initiated}`,
        eq(outbox.status, 'sent'),
        gt(outbox.doneAt, new Date(at.getTime() - WEEK_MS)),
      ),
    );
  for (const row of rows) {
    if (!row.contactId || !row.doneAt) continue;
    const list = byContact.get(row.contactId) ?? [];
    list.push(new Date(row.doneAt).getTime());
    byContact.set(row.contactId, list);
  }
  return byContact;
}

/** Over budget: this row alone waits until `until` (its kind and the contact's other rows do not). */
export async function deferRow(db: Db, id: number, until: Date): Promise<void> {
  await db
    .update(outbox)
    .set({ notBefore: until })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'queued')));
}

/**
 * For a peeked batch: when each budgeted row's contact allows it (`at` when now). Rows the budget
 * does not hold are absent from the answer.
 */
export async function budgetSlots(
  db: Db,
  rows: readonly OutboxRow[],
  budget: MessageBudget,
  at: Date,
): Promise<Map<number, number>> {
  const held = rows.filter(isBudgeted);
  const slots = new Map<number, number>();
  if (held.length === 0) return slots;
  const sent = await sentThisWeek(
    db,
    held.map((r) => r.contactId!),
    at,
  );
  for (const row of held)
    slots.set(row.id, nextAllowed(sent.get(row.contactId!) ?? [], budget, at.getTime()));
  return slots;
}
