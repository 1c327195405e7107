// Members of a workspace: list, add (creating the user when new), change role, remove.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
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
  createdAt: members.createdAt,
};

const view = <T extends { createdAt: Date }>(m: T) => ({ ...m, createdAt: m.createdAt.toISOString() });

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
      .values({ workspaceId, userId: user!.id, role: input.role })
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

export async function updateMemberRole(
  db: Db,
  workspaceId: string,
  actorRole: Role,
  memberId: string,
  role: Role,
) {
  return db.transaction(async (tx) => {
    const m = await findMember(tx, workspaceId, memberId);
    assertMayGrant(actorRole, m.role);
    assertMayGrant(actorRole, role);
    await tx.update(members).set({ role }).where(eq(members.id, m.id));
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
