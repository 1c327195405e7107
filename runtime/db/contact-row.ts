// A contact as the runtime holds it: its row and its activity counts, which live apart from the row
// (`contact_activity`) so that scanning contacts never reads them.
import { getTableColumns, sql } from 'drizzle-orm';
import { ACTIVITY_OF, contacts } from '../../shared/db/schema.ts';

/** A contact's row with its activity counts (kept in `contact_activity`, apart from the row). */
export type ContactRow = typeof contacts.$inferSelect & { activity: number[] };

/** The columns of a contact's row and its activity counts, for `tx.select(CONTACT_ROW).from(contacts)`. */
export const CONTACT_ROW = {
  ...getTableColumns(contacts),
  activity: sql<number[]>`${sql.raw(ACTIVITY_OF('"contacts"."id"'))}`,
};
