// Finds or creates the contact an inbound event is about, and locks it for the rest of the inbound
// transaction: every turn of one contact is serialized by this row lock (messages, timers, confirms).
import { and, eq, sql } from 'drizzle-orm';
import { contacts } from '../../shared/db/schema.ts';
import { localTime } from '../../shared/flow/zoned-time.ts';
import type { Db } from '../db/client.ts';

export interface ContactRef {
  puppetId: string;
  name: string;
  alias?: string | null;
  weixin?: string | null;
}

export type ContactRow = typeof contacts.$inferSelect;

export async function lockContact(
  tx: Db,
  account: { id: string; workspaceId: string },
  ref: ContactRef,
): Promise<ContactRow> {
  if (ref.weixin) await relinkWeixin(tx, account, ref);
  const [row] = await tx
    .insert(contacts)
    .values({
      workspaceId: account.workspaceId,
      botAccountId: account.id,
      puppetId: ref.puppetId,
      name: ref.name,
      alias: ref.alias ?? null,
      weixin: ref.weixin ?? null,
    })
    .onConflictDoUpdate({
      target: [contacts.botAccountId, contacts.puppetId],
      set: {
        name: sql`case when excluded.name <> '' then excluded.name else ${contacts.name} end`,
        alias: sql`coalesce(excluded.alias, ${contacts.alias})`,
        weixin: sql`coalesce(excluded.weixin, ${contacts.weixin})`,
      },
    })
    // INSERT … ON CONFLICT DO UPDATE leaves the row locked until commit: no separate SELECT … FOR UPDATE.
    .returning();
  return row!;
}

/** Some puppets give a contact a new id at every login: a known weixin handle keeps the history. */
export async function relinkWeixin(tx: Db, account: { id: string }, ref: ContactRef): Promise<void> {
  await tx
    .update(contacts)
    .set({ puppetId: ref.puppetId })
    .where(
      and(
        eq(contacts.botAccountId, account.id),
        eq(contacts.weixin, ref.weixin ?? ''),
        sql`${contacts.puppetId} <> ${ref.puppetId}`,
        sql`not exists (select 1 from contacts c where c.bot_account_id = ${account.id} and c.puppet_id = ${ref.puppetId})`,
      ),
    );
}

/** Hour of the week in the workspace time zone (weekday × 24 + hour, Sunday = 0): the activity slot. */
export function hourOfWeek(at: Date, timeZone: string): number {
  const local = localTime(at.getTime(), timeZone);
  return local.weekday * 24 + local.hour;
}
