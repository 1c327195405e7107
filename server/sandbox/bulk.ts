// Sandbox audiences for campaigns (API "Segments and campaigns", Sandbox): many generated contacts of
// a sandbox account in a few batched inserts, which the simulated WeChat then knows (so the bot can
// message them), and a contact who deletes us (its next send fails as not a friend).
import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Bus } from '../../runtime/bus.ts';
import type { Db } from '../../runtime/db/client.ts';
import { botAccounts, contactActivity, contacts } from '../../shared/db/schema.ts';
import { HttpError, notFound } from '../errors.ts';
import { generateContacts } from './generate.ts';
import {
  type SandboxAccount,
  sandboxAccount,
  sandboxCommand,
  sandboxContact,
  sandboxNow,
} from './sandbox.ts';

/** Rows per insert: 1,000 rows of 13 values stay far below PostgreSQL's 65,535 parameters. */
const BATCH = 1000;
const IDS_ANSWERED = 100;

/** The workspace's sandbox account `id` (its first one when absent); a real account is not found. */
async function accountFor(db: Db, workspaceId: string, id?: string): Promise<SandboxAccount> {
  if (!id) return sandboxAccount(db, workspaceId);
  const [row] = await db
    .select({
      id: botAccounts.id,
      workspaceId: botAccounts.workspaceId,
      clockOffsetMs: botAccounts.clockOffsetMs,
      desired: botAccounts.desired,
    })
    .from(botAccounts)
    .where(
      and(
        eq(botAccounts.id, id),
        eq(botAccounts.workspaceId, workspaceId),
        eq(botAccounts.puppet, 'sandbox'),
      ),
    );
  if (!row) throw notFound('sandbox_account');
  return { ...row, clockOffsetMs: Number(row.clockOffsetMs) };
}

/**
 * The running simulated WeChat learns the new contacts. Nobody holds the account (stopped, no
 * worker): whoever takes it learns every contact on connect, so there is nothing to wait for.
 */
async function tellWorld(db: Db, bus: Bus, account: SandboxAccount): Promise<void> {
  if (account.desired === 'stopped') return;
  const [held] = await db
    .select({ id: botAccounts.id })
    .from(botAccounts)
    .where(and(eq(botAccounts.id, account.id), gt(botAccounts.leaseUntil, new Date())));
  if (!held) return;
  try {
    await sandboxCommand(db, bus, account, 'sandbox.remember', {});
  } catch (err) {
    // The holder died meanwhile: the next one remembers on connect.
    if (!(err instanceof HttpError && err.code === 'sandbox_unavailable')) throw err;
  }
}

export async function createBulkContacts(
  db: Db,
  bus: Bus,
  workspaceId: string,
  input: { count: number; botAccountId?: string; seed?: number },
): Promise<{ created: number; ids: string[] }> {
  const account = await accountFor(db, workspaceId, input.botAccountId);
  const seed = input.seed ?? Math.floor(Math.random() * 2_147_483_647);
  const people = generateContacts(input.count, seed, sandboxNow(account));
  const ids: string[] = [];
  await db.transaction(async (tx) => {
    for (let i = 0; i < people.length; i += BATCH) {
      const batch = people.slice(i, i + BATCH).map((p) => ({ ...p, puppetId: `sandbox-${randomUUID()}` }));
      const rows = await tx
        .insert(contacts)
        .values(batch.map(({ activity: _, ...p }) => ({ ...p, workspaceId, botAccountId: account.id })))
        .returning({ id: contacts.id, puppetId: contacts.puppetId });
      const activity = new Map(batch.map((p) => [p.puppetId, p.activity]));
      await tx
        .insert(contactActivity)
        .values(rows.map((row) => ({ contactId: row.id, counts: activity.get(row.puppetId)! })));
      for (const row of rows) if (ids.length < IDS_ANSWERED) ids.push(row.id);
    }
  });
  await tellWorld(db, bus, account);
  return { created: people.length, ids };
}

/**
 * The simulated person deletes the bot: the next send to them fails as not a friend, and the
 * dispatcher then marks them `deleted_us` (as with a real account). The database keeps `friend`
 * until that send, as we would not know before either.
 */
export async function sandboxDeleteUs(db: Db, bus: Bus, workspaceId: string, contactId: string) {
  // Any sandbox account of the workspace; another workspace's or a real account's contact is not found.
  const [owner] = await db
    .select({ botAccountId: contacts.botAccountId })
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId)));
  if (!owner) throw notFound('sandbox_contact');
  const account = await accountFor(db, workspaceId, owner.botAccountId).catch(() => {
    throw notFound('sandbox_contact');
  });
  const contact = await sandboxContact(db, account, contactId);
  await sandboxCommand(db, bus, account, 'sandbox.delete_us', { contactId: contact.id });
  return { id: contact.id };
}
