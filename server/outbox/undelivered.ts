// Outbox rows that need a person (DESIGN "Dispatch"): `unknown` (found `sending` after a crash —
// WeChat has no idempotent send, so it is never resent on its own) and `failed`. A person resends
// one (back to `queued`, due now) or dismisses it; each bot account shows how many wait.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { UNDELIVERED_STATUSES, type UndeliveredItem } from '../../shared/api/outbox.ts';
import { outbox } from '../../shared/db/schema.ts';
import { findContact } from '../contacts/contacts.ts';
import { HttpError, notFound } from '../errors.ts';

/** A contact's list is for a person to act on, not an archive. */
const LIST_LIMIT = 200;

const undelivered = inArray(outbox.status, [...UNDELIVERED_STATUSES]);

export async function listUndelivered(
  db: Db,
  workspaceId: string,
  contactId: string,
): Promise<UndeliveredItem[]> {
  const contact = await findContact(db, workspaceId, contactId);
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.contactId, contact.id), undelivered))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(LIST_LIMIT);
  return rows.map((r) => {
    const payload = r.payload as { text?: unknown; nodeId?: unknown; flowId?: unknown };
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    return {
      id: r.id,
      kind: r.kind,
      text: str(payload.text),
      status: r.status as UndeliveredItem['status'],
      error: r.error,
      at: r.createdAt.toISOString(),
      nodeId: str(payload.nodeId),
      flowId: str(payload.flowId),
    };
  });
}

/** Per bot account of the workspace (or only `botAccountId`): its unknown and failed rows. */
export async function undeliveredByAccount(db: Db, workspaceId: string, botAccountId?: string) {
  const rows = await db
    .select({ botAccountId: outbox.botAccountId, status: outbox.status, n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(
      and(
        eq(outbox.workspaceId, workspaceId),
        botAccountId ? eq(outbox.botAccountId, botAccountId) : undefined,
        undelivered,
      ),
    )
    .groupBy(outbox.botAccountId, outbox.status);
  const counts = new Map<string, { unknown: number; failed: number }>();
  for (const r of rows) {
    const account = counts.get(r.botAccountId) ?? { unknown: 0, failed: 0 };
    account[r.status as 'unknown' | 'failed'] = r.n;
    counts.set(r.botAccountId, account);
  }
  return counts;
}

/**
 * Moves an undelivered row of the workspace on (to `queued` due now, or to `dismissed`); 404 for no
 * such row here, 409 when it is not undelivered (already resent, sent, or dismissed).
 */
export async function settleUndelivered(
  db: Db,
  workspaceId: string,
  id: number | null,
  to: 'queued' | 'dismissed',
  // Due at once on any account's clock: a sandbox account's clock only ever runs ahead of the wall.
  now = new Date(),
) {
  if (id === null) throw notFound('outbox_message');
  const mine = and(eq(outbox.id, id), eq(outbox.workspaceId, workspaceId));
  const set =
    to === 'queued'
      ? { status: to, notBefore: now, attempts: 0, error: null, doneAt: null }
      : { status: to, doneAt: now };
  const [row] = await db
    .update(outbox)
    .set(set)
    .where(and(mine, undelivered))
    .returning({ id: outbox.id, status: outbox.status, botAccountId: outbox.botAccountId });
  if (row) return { id: row.id, status: to, botAccountId: row.botAccountId };
  const [existing] = await db.select({ status: outbox.status }).from(outbox).where(mine);
  if (!existing) throw notFound('outbox_message');
  throw new HttpError(
    'not_undelivered',
    `The message is ${existing.status}: only an unknown or failed one can be resent or dismissed`,
    { status: existing.status },
  );
}
