// The inbox as the runtime leaves it in the database (messages, conversations, flows), written
// straight into the tables, and the conversations API tests' app: the groups app with an agent, each
// member's user id, a member of another workspace, and a contact of the sandbox account.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../runtime/db/client.ts';
import { contacts, conversations, flows, flowVersions, messages } from '../../shared/db/schema.ts';
import { login } from './app.ts';
import { addContacts, groupsApp, memberAs } from './rooms.ts';
import { addWorkspace } from './tenants.ts';

export const hex = () => randomBytes(6).toString('hex');
export const MIN = 60_000;
export const DAY = 86_400_000;
export const NOWHERE = '00000000-0000-4000-8000-000000000000';

export type Contact = { id: string; workspaceId: string; botAccountId: string };

/** A message of the contact's private chat (or of a group), as the router or the dispatcher archives it. */
export async function say(
  db: Db,
  c: Contact,
  text: string,
  at: Date,
  more: Partial<typeof messages.$inferInsert> = {},
) {
  const [m] = await db
    .insert(messages)
    .values({
      workspaceId: c.workspaceId,
      botAccountId: c.botAccountId,
      contactId: c.id,
      direction: 'in',
      author: 'contact',
      wechatMessageId: `wx-${hex()}`,
      text,
      at,
      ...more,
    })
    .returning();
  return m!;
}

/** The contact's conversation as the runtime leaves it. */
export async function converse(db: Db, c: Contact, values: Partial<typeof conversations.$inferInsert> = {}) {
  const [row] = await db
    .insert(conversations)
    .values({
      workspaceId: c.workspaceId,
      contactId: c.id,
      botAccountId: c.botAccountId,
      status: 'open',
      lastMessageAt: new Date(),
      lastMessageText: 'hi',
      ...values,
    })
    .returning();
  if (values.status !== 'closed')
    await db.update(contacts).set({ handoff: true }).where(eq(contacts.id, c.id));
  return row!;
}

export async function addFlow(db: Db, workspaceId: string, name: string, nodes: object[] = []) {
  const graph = { nodes, edges: [] };
  const [flow] = await db.insert(flows).values({ workspaceId, name, graph }).returning();
  const [version] = await db
    .insert(flowVersions)
    .values({ workspaceId, flowId: flow!.id, version: 1, graph, compiled: {}, entries: [], hash: hex() })
    .returning();
  return { flow: flow!, version: version! };
}

/** The groups app (`groupsApp`) with an agent, the user id of each role, and `stranger` of another workspace. */
export async function inboxApp(handle: DbHandle) {
  const groups = await groupsApp(handle);
  const { app, workspaceId, owner, viewer, marketer, sandboxId, call } = groups;
  const agent = await memberAs(app, owner, 'agent');
  const users: Record<string, string> = {};
  for (const [role, who] of Object.entries({ owner, viewer, marketer, agent }))
    users[role] = (await call(who, 'GET', '/api/me')).body.user.id;
  const other = await addWorkspace(handle.db, 'Other');
  const stranger = await login(app, other.owner);
  const contact = async (name: string): Promise<Contact> =>
    (await addContacts(handle.db, workspaceId, sandboxId, [name]))[0]!;
  return { ...groups, agent, stranger, users, contact };
}

export type InboxApp = Awaited<ReturnType<typeof inboxApp>>;
