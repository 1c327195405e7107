// The sandbox behind the simulator API: finds the workspace's sandbox bot account and its
// simulated WeChat, creates contacts there and in our database, and reads back what the bot said.
import { and, asc, desc, eq, gt, max } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { botAccounts, contacts, messages } from '../../shared/db/schema.ts';
import { HttpError, notFound } from '../errors.ts';

export async function sandboxOf(db: Db, runtime: Runtime | null, workspaceId: string) {
  if (!runtime)
    throw new HttpError(503, 'runtime_unavailable', 'This server runs without the runtime (npm run server)');
  const [account] = await db
    .select({ id: botAccounts.id })
    .from(botAccounts)
    .where(and(eq(botAccounts.workspaceId, workspaceId), eq(botAccounts.puppet, 'sandbox')))
    .orderBy(asc(botAccounts.createdAt))
    .limit(1);
  if (!account) throw notFound('Sandbox bot account');
  const world = await runtime.sandbox(account.id);
  if (!world)
    throw new HttpError(
      409,
      'sandbox_offline',
      'The sandbox bot account is stopped or held by another worker',
    );
  return { accountId: account.id, world };
}

export async function sandboxContacts(db: Db, workspaceId: string) {
  return db
    .select({ id: contacts.id, name: contacts.name, friendStatus: contacts.friendStatus })
    .from(contacts)
    .innerJoin(botAccounts, eq(botAccounts.id, contacts.botAccountId))
    .where(and(eq(contacts.workspaceId, workspaceId), eq(botAccounts.puppet, 'sandbox')))
    .orderBy(desc(contacts.createdAt))
    .limit(200);
}

export async function lastMessageId(db: Db, contactId: string): Promise<number> {
  const [row] = await db
    .select({ id: max(messages.id) })
    .from(messages)
    .where(eq(messages.contactId, contactId));
  return row?.id ?? 0;
}

/** What the bot sent this contact after message `since`. */
export async function repliesSince(db: Db, contactId: string, since: number) {
  const rows = await db
    .select({ text: messages.text, nodeId: messages.nodeId, flowId: messages.flowId })
    .from(messages)
    .where(and(eq(messages.contactId, contactId), eq(messages.direction, 'out'), gt(messages.id, since)))
    .orderBy(asc(messages.id));
  return rows;
}

export async function transcript(db: Db, contactId: string) {
  const rows = await db
    .select({ direction: messages.direction, text: messages.text, at: messages.at, nodeId: messages.nodeId })
    .from(messages)
    .where(eq(messages.contactId, contactId))
    .orderBy(asc(messages.id));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
