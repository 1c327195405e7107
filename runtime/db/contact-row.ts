// A contact as the runtime holds it: its row and its activity counts, which live apart from the row
// (`contact_activity`) so that scanning contacts never reads them.
import { getTableColumns, sql } from 'drizzle-orm';
import { ACTIVITY_OF, contacts } from '../../shared/db/schema.ts';
import { type Db, rowsOf } from './client.ts';

/** A contact's row with its activity counts (kept in `contact_activity`, apart from the row). */
export type ContactRow = typeof contacts.$inferSelect & { activity: number[] };

/** The columns of a contact's row and its activity counts, for `tx.select(CONTACT_ROW).from(contacts)`. */
export const CONTACT_ROW = {
  ...getTableColumns(contacts),
  activity: sql<number[]>`${sql.raw(ACTIVITY_OF('"contacts"."id"'))}`,
};

/** A contact as a turn reads it: with its activity counts when the caller holds them (the router does). */
export type TurnContact = typeof contacts.$inferSelect & { activity?: number[] };

/** A contact's 168 activity counts (all zero when it has none). */
export async function activityOf(tx: Db, contactId: string): Promise<number[]> {
  const [row] = rowsOf<{ counts: number[] }>(
    await tx.execute(sql`select a.counts from contact_activity a where a.contact_id = ${contactId}`),
  );
  return row?.counts ?? new Array(168).fill(0);
}

/**
 * Locks the contacts that are members of `roomIds`, in id order — the order every turn locks contacts
 * in — before a change that rewrites their groups-left facts (a trigger updates their rows), so the
 * change and a member's turn never wait on each other in a circle.
 */
export async function lockRoomMembers(tx: Db, roomIds: string[]): Promise<void> {
  if (roomIds.length === 0) return;
  await tx.execute(sql`select c.id from contacts c
    where c.id in (select m.contact_id from room_members m where m.room_id in (${sql.join(
      roomIds.map((id) => sql`${id}`),
      sql`, `,
    )}))
    order by c.id for update`);
}
