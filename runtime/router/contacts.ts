// Finds or creates the contact an inbound event is about, and locks it for the rest of the inbound
// transaction: every turn of one contact is serialized by this row lock (messages, timers, confirms).
import { and, eq, sql } from 'drizzle-orm';
import { ACTIVITY_OF, contacts } from '../../shared/db/schema.ts';
import { type Db, rowFromJson, rowsOf } from '../db/client.ts';
import type { ContactRow } from '../db/contact-row.ts';
import { cleanName, cleanText } from './clean.ts';

export interface ContactRef {
  puppetId: string;
  name: string;
  alias?: string | null;
  weixin?: string | null;
}

export type { ContactRow } from '../db/contact-row.ts';

export async function lockContact(
  tx: Db,
  account: { id: string; workspaceId: string },
  ref: ContactRef,
): Promise<ContactRow> {
  return (await lockContacts(tx, account, [ref]))[0]!;
}

/**
 * Finds or creates several contacts (distinct puppet ids) and locks them, answering in the refs'
 * order. Known contacts are locked in id order first — the order the sweeper's batches lock them
 * in — so two batches cannot deadlock; INSERT … ON CONFLICT DO UPDATE then keeps every row locked
 * until commit.
 */
export async function lockContacts(
  tx: Db,
  account: { id: string; workspaceId: string },
  refs: ContactRef[],
): Promise<ContactRow[]> {
  const clean = refs.map((r) => ({
    puppetId: cleanText(r.puppetId),
    name: cleanText(r.name ?? ''),
    alias: cleanName(r.alias) ?? null,
    weixin: cleanName(r.weixin) ?? null,
  }));
  for (const ref of clean) if (ref.weixin) await relinkWeixin(tx, account, ref);
  const input = JSON.stringify(
    clean.map((r, i) => ({ i, puppet_id: r.puppetId, name: r.name, alias: r.alias, weixin: r.weixin })),
  );
  if (refs.length > 1)
    await tx.execute(sql`
      select c.id from contacts c
      where c.bot_account_id = ${account.id}
        and c.puppet_id in (select x->>'puppet_id' from jsonb_array_elements(${input}::jsonb) x)
      order by c.id for update`);
  const rows = rowsOf<{ i: number; contact: Record<string, unknown>; activity: number[] }>(
    await tx.execute(sql`
      with x as (
        select * from jsonb_to_recordset(${input}::jsonb) as x(i int, puppet_id text, name text, alias text, weixin text)
      ),
      c as (
        insert into contacts (workspace_id, bot_account_id, puppet_id, name, alias, weixin)
        select ${account.workspaceId}, ${account.id}, x.puppet_id, x.name, x.alias, x.weixin from x order by x.i
        on conflict (bot_account_id, puppet_id) do update set
          name = case when excluded.name <> '' then excluded.name else contacts.name end,
          alias = coalesce(excluded.alias, contacts.alias),
          weixin = coalesce(excluded.weixin, contacts.weixin)
        returning *
      )
      select x.i, to_jsonb(c) as contact, ${sql.raw(ACTIVITY_OF('c.id'))} as activity
      from x join c on c.puppet_id = x.puppet_id order by x.i`),
  );
  return rows.map((row) => ({ ...rowFromJson(contacts, row.contact), activity: row.activity }));
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
