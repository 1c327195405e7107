// Website leads of a workspace: a lead is created once per phone (or weixin handle), on the account
// that will add it, with a friend add queued in the outbox (paced as friend adds) — or, when the
// person is already a friend of that account, its lead flows start at once and nothing is sent.
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Bus } from '../../runtime/bus.ts';
import type { Db } from '../../runtime/db/client.ts';
import { actionRow, queueOutbox } from '../../runtime/outbox/writer.ts';
import { startLeadFlows } from '../../runtime/router/inbound.ts';
import { encodeCursor } from '../../shared/api/common.ts';
import type { LeadInput } from '../../shared/api/leads.ts';
import { botAccounts, contacts, type LeadStatus, leads, workspaces } from '../../shared/db/schema.ts';
import { notFound } from '../errors.ts';

type LeadRow = typeof leads.$inferSelect;
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const leadView = (l: LeadRow) => ({
  id: l.id,
  phone: l.phone,
  weixin: l.weixin,
  name: l.name,
  attributes: l.attributes,
  status: l.status,
  botAccountId: l.botAccountId,
  contactId: l.contactId,
  error: l.error,
  createdAt: l.createdAt.toISOString(),
  acceptedAt: iso(l.acceptedAt),
});

/** The account that adds a lead: the one asked for, else a running real account, else the sandbox. */
async function addingAccount(db: Db, workspaceId: string, wanted?: string) {
  const rows = await db
    .select({ id: botAccounts.id, puppet: botAccounts.puppet, offset: botAccounts.clockOffsetMs })
    .from(botAccounts)
    .where(
      and(
        eq(botAccounts.workspaceId, workspaceId),
        wanted ? eq(botAccounts.id, wanted) : eq(botAccounts.desired, 'running'),
      ),
    )
    .orderBy(botAccounts.createdAt);
  const account = rows.find((r) => r.puppet !== 'sandbox') ?? rows[0];
  if (!account) throw notFound('bot_account');
  return { id: account.id, workspaceId, now: new Date(Date.now() + Number(account.offset)) };
}

/** A friend of that account with this phone (an `ask` saved it) or weixin handle. */
async function knownFriend(db: Db, accountId: string, lead: { phone?: string | null; weixin?: string }) {
  const match: SQL[] = [];
  if (lead.phone) match.push(sql`${contacts.attributes}->>'phone' = ${lead.phone}`);
  if (lead.weixin) match.push(eq(contacts.weixin, lead.weixin));
  const [row] = await db
    .select({ puppetId: contacts.puppetId, name: contacts.name, weixin: contacts.weixin })
    .from(contacts)
    .where(
      and(
        eq(contacts.botAccountId, accountId),
        eq(contacts.friendStatus, 'friend'),
        sql`(${sql.join(match, sql` or `)})`,
      ),
    )
    .limit(1);
  return row;
}

async function existingLead(db: Db, workspaceId: string, lead: { phone?: string | null; weixin?: string }) {
  const [row] = await db
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.workspaceId, workspaceId),
        lead.phone
          ? eq(leads.phone, lead.phone)
          : and(isNull(leads.phone), eq(leads.weixin, lead.weixin ?? '')),
      ),
    );
  return row;
}

export async function createLead(
  db: Db,
  bus: Bus,
  workspaceId: string,
  input: LeadInput,
): Promise<{ id: string; status: LeadStatus; duplicate: boolean }> {
  const seen = await existingLead(db, workspaceId, input);
  if (seen) return { id: seen.id, status: seen.status, duplicate: true };
  const account = await addingAccount(db, workspaceId, input.botAccountId);
  const [workspace] = await db
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const friend = await knownFriend(db, account.id, input);
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(leads)
      .values({
        workspaceId,
        botAccountId: account.id,
        phone: input.phone ?? null,
        weixin: input.weixin ?? null,
        name: input.name ?? '',
        attributes: input.attributes ?? {},
      })
      .onConflictDoNothing()
      .returning();
    if (!row || friend) return row;
    await queueOutbox(tx, [
      actionRow(
        'friend_add',
        {
          workspaceId,
          botAccountId: account.id,
          contactId: null,
          payload: {
            leadId: row.id,
            phone: row.phone,
            weixin: row.weixin,
            hello: input.hello || `你好，我是${workspace?.name ?? ''}`,
          },
          notBefore: account.now,
        },
        { leadId: row.id },
      ),
    ]);
    return row;
  });
  // Posted twice at once: the other request made it.
  if (!created) {
    const other = (await existingLead(db, workspaceId, input))!;
    return { id: other.id, status: other.status, duplicate: true };
  }
  if (friend) {
    await startLeadFlows(db, account, friend, created.id, account.now);
    bus.publish({ kind: 'outbox', botAccountId: account.id });
    return { id: created.id, status: 'accepted', duplicate: false };
  }
  bus.publish({ kind: 'outbox', botAccountId: account.id });
  return { id: created.id, status: created.status, duplicate: false };
}

export async function listLeads(
  db: Db,
  workspaceId: string,
  query: { status?: LeadStatus; limit: number; cursor?: { at: Date; id: string } },
) {
  const where: (SQL | undefined)[] = [eq(leads.workspaceId, workspaceId)];
  if (query.status) where.push(eq(leads.status, query.status));
  if (query.cursor)
    where.push(sql`(${leads.createdAt}, ${leads.id}) < (${query.cursor.at}, ${query.cursor.id}::uuid)`);
  const rows = await db
    .select()
    .from(leads)
    .where(and(...where))
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(leadView),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

export async function findLead(db: Db, workspaceId: string, id: string): Promise<LeadRow> {
  const [row] = await db
    .select()
    .from(leads)
    .where(and(eq(leads.id, id), eq(leads.workspaceId, workspaceId)));
  if (!row) throw notFound('lead');
  return row;
}
