// Members of a workspace: list (with whether they take conversations and are online), add (creating
// the user when new), change role or the `agent` flag, remove.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { ONLINE_MS } from '../../shared/api/conversations.ts';
import { members, sessions, users } from '../../shared/db/schema.ts';
import { type Role, roleRank } from '../../shared/roles.ts';
import { HttpError, notFound } from '../errors.ts';
import { revokeKeysOf } from './api-keys.ts';
import { hashPassword } from './secrets.ts';

const memberColumns = {
  id: members.id,
  userId: users.id,
  email: users.email,
  name: users.name,
  role: members.role,
  agent: members.agent,
  lastSeenAt: members.lastSeenAt,
  createdAt: members.createdAt,
};

const view = <T extends { createdAt: Date; lastSeenAt: Date | null }>({ lastSeenAt, ...m }: T) => ({
  ...m,
  online: lastSeenAt !== null && Date.now() - lastSeenAt.getTime() < ONLINE_MS,
  createdAt: m.createdAt.toISOString(),
});

export async function listMembers(db: Db, workspaceId: string) {
  const rows = await db
    .select(memberColumns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.workspaceId, workspaceId))
    .orderBy(members.createdAt);
  return rows.map(view);
}

/** Nobody hands out a role more powerful than their own. */
export function assertMayGrant(actorRole: Role, role: Role): void {
  if (roleRank(role) < roleRank(actorRole))
    throw new HttpError('role_not_grantable', `A ${actorRole} cannot grant the ${role} role`, {
      role: actorRole,
      grant: role,
    });
}

export async function addMember(
  db: Db,
  workspaceId: string,
  input: { email: string; password: string; role: Role; name?: string },
) {
  return db.transaction(async (tx) => {
    let [user] = await tx.select().from(users).where(eq(users.email, input.email));
    if (user && !(await isMemberAnywhere(tx, user.id))) {
      // Removed everywhere and added again: the password given now is theirs. A member of another
      // workspace keeps their own (this workspace's admin must not be able to change it).
      [user] = await tx
        .update(users)
        .set({ passwordHash: await hashPassword(input.password), name: input.name ?? user.name })
        .where(eq(users.id, user.id))
        .returning();
    }
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name ?? '',
          passwordHash: await hashPassword(input.password),
        })
        .returning();
    }
    const [member] = await tx
      .insert(members)
      // Agents take conversations from the start; others opt in (PATCH /api/members/:id {agent}).
      .values({ workspaceId, userId: user!.id, role: input.role, agent: input.role === 'agent' })
      .onConflictDoNothing()
      .returning();
    if (!member)
      throw new HttpError('already_member', `${input.email} is already a member`, { email: input.email });
    return view({
      id: member.id,
      userId: user!.id,
      email: user!.email,
      name: user!.name,
      role: member.role,
      agent: member.agent,
      lastSeenAt: member.lastSeenAt,
      createdAt: member.createdAt,
    });
  });
}

async function isMemberAnywhere(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: members.id }).from(members).where(eq(members.userId, userId)).limit(1);
  return row !== undefined;
}

async function findMember(db: Db, workspaceId: string, memberId: string) {
  const [m] = await db
    .select()
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.workspaceId, workspaceId)));
  if (!m) throw notFound('member');
  return m;
}

async function assertOwnerRemains(db: Db, workspaceId: string) {
  const [{ owners } = { owners: 0 }] = await db
    .select({ owners: sql<number>`count(*)::int` })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.role, 'owner')));
  if (owners < 1) throw new HttpError('last_owner', 'A workspace needs at least one owner');
}

/** A new role and/or whether they take conversations; becoming an agent turns `agent` on unless told. */
export async function updateMember(
  db: Db,
  workspaceId: string,
  actorRole: Role,
  memberId: string,
  patch: { role?: Role; agent?: boolean },
) {
  return db.transaction(async (tx) => {
    const m = await findMember(tx, workspaceId, memberId);
    assertMayGrant(actorRole, m.role);
    if (patch.role) assertMayGrant(actorRole, patch.role);
    const agent = patch.agent ?? (patch.role === 'agent' && m.role !== 'agent' ? true : undefined);
    if (patch.role === undefined && agent === undefined) return;
    await tx
      .update(members)
      .set({ ...(patch.role && { role: patch.role }), ...(agent !== undefined && { agent }) })
      .where(eq(members.id, m.id));
    await assertOwnerRemains(tx, workspaceId);
  });
}

export async function removeMember(db: Db, workspaceId: string, actorRole: Role, memberId: string) {
  return db.transaction(async (tx) => {
    const m = await findMember(tx, workspaceId, memberId);
    assertMayGrant(actorRole, m.role);
    await tx.delete(members).where(eq(members.id, m.id));
    await assertOwnerRemains(tx, workspaceId);
    // What they could still act with here goes with them: their API keys and their sessions.
    await revokeKeysOf(tx, workspaceId, m.userId);
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, m.userId), eq(sessions.workspaceId, workspaceId)));
  });
}
