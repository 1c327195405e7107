// Groups as the runtime leaves them in the database (rooms, members, daily message counts, invites,
// room sets), written straight into the tables, and members of each role to call the API as.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db, DbHandle } from '../../runtime/db/client.ts';
import type { App } from '../../server/app.ts';
import {
  botAccounts,
  contacts,
  roomInvites,
  roomMemberDays,
  roomMembers,
  roomSets,
  rooms,
} from '../../shared/db/schema.ts';
import type { Role } from '../../shared/roles.ts';
import { login, type Session, testApp } from './app.ts';
import { addWorkspace } from './tenants.ts';

const hex = () => randomBytes(6).toString('hex');
export const DAY_MS = 86_400_000;
export const ago = (ms: number) => new Date(Date.now() - ms);

/** A tiny PNG (1×1), as a group QR code upload. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export async function sandboxAccountOf(db: Db, workspaceId: string): Promise<string> {
  const [account] = await db
    .select({ id: botAccounts.id })
    .from(botAccounts)
    .where(and(eq(botAccounts.workspaceId, workspaceId), eq(botAccounts.puppet, 'sandbox')));
  return account!.id;
}

export async function addRoom(
  db: Db,
  workspaceId: string,
  botAccountId: string,
  values: Partial<typeof rooms.$inferInsert> = {},
) {
  const [room] = await db
    .insert(rooms)
    .values({ workspaceId, botAccountId, puppetRoomId: `room-${hex()}`, topic: 'Group', ...values })
    .returning();
  return room!;
}

export async function addContacts(db: Db, workspaceId: string, botAccountId: string, names: string[]) {
  if (names.length === 0) return [];
  return db
    .insert(contacts)
    .values(names.map((name) => ({ workspaceId, botAccountId, puppetId: `wxid_${hex()}`, name })))
    .returning();
}

/** Members of `room` (its member count kept), each with what `each` says about them. */
export async function addMembers(
  db: Db,
  room: { id: string; workspaceId: string },
  people: { id: string }[],
  each: (i: number) => Partial<typeof roomMembers.$inferInsert> = () => ({}),
) {
  if (people.length === 0) return;
  await db.insert(roomMembers).values(
    people.map((p, i) => ({
      workspaceId: room.workspaceId,
      roomId: room.id,
      contactId: p.id,
      joinedAt: ago(60 * DAY_MS),
      ...each(i),
    })),
  );
  const present = await db
    .select({ id: roomMembers.id, leftAt: roomMembers.leftAt })
    .from(roomMembers)
    .where(eq(roomMembers.roomId, room.id));
  await db
    .update(rooms)
    .set({ memberCount: present.filter((m) => !m.leftAt).length })
    .where(eq(rooms.id, room.id));
}

export async function addDays(db: Db, rows: (typeof roomMemberDays.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(roomMemberDays).values(rows.slice(i, i + 1000));
}

export async function addInvites(
  db: Db,
  room: { id: string; workspaceId: string },
  people: { id: string }[],
) {
  await db.insert(roomInvites).values(
    people.map((p) => ({
      workspaceId: room.workspaceId,
      roomId: room.id,
      contactId: p.id,
      expiresAt: new Date(Date.now() + DAY_MS),
    })),
  );
}

export async function addRoomSet(
  db: Db,
  workspaceId: string,
  name: string,
  values: Partial<typeof roomSets.$inferInsert> = {},
) {
  const [set] = await db
    .insert(roomSets)
    .values({ workspaceId, name, ...values })
    .returning();
  return set!;
}

/** A member of the test workspace with `role`, signed in. */
export async function memberAs(app: App, owner: Session, role: Role): Promise<Session> {
  const who = { email: `${role}-${hex()}@example.com`, password: 'member-password-1' };
  const res = await app.inject({
    method: 'POST',
    url: '/api/members',
    payload: { ...who, role },
    headers: owner.headers,
  });
  if (res.statusCode !== 201) throw new Error(`member ${role} → ${res.statusCode} ${res.body}`);
  return login(app, who);
}

// biome-ignore lint/suspicious/noExplicitAny: API bodies, read in assertions
export type Json = Record<string, any>;

/**
 * The test app with a member of each role signed in, the sandbox account and another workspace, for
 * the groups API tests' beforeAll; `call` answers `{status, body}` as a member.
 */
export async function groupsApp(handle: DbHandle) {
  const started = await testApp(handle);
  const app = started.app;
  const workspaceId = started.workspaceId!;
  const owner = await login(app);
  const roles = {
    viewer: await memberAs(app, owner, 'viewer'),
    marketer: await memberAs(app, owner, 'marketer'),
    admin: await memberAs(app, owner, 'admin'),
  };
  const call = (who: Session, method: string, url: string, payload?: unknown) =>
    app
      .inject({
        method: method as 'GET',
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
        headers: method === 'GET' ? { cookie: who.cookie } : who.headers,
      })
      .then((res) => ({ status: res.statusCode, body: res.body ? (res.json() as Json) : {} }));
  return {
    app,
    workspaceId,
    owner,
    ...roles,
    sandboxId: await sandboxAccountOf(handle.db, workspaceId),
    other: await addWorkspace(handle.db, 'Other'),
    call,
  };
}

export type GroupsApp = Awaited<ReturnType<typeof groupsApp>>;
