// Logging in and out, and resolving a cookie or bearer key to an AuthContext.
import { and, eq, exists, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { apiKeys, members, sessions, users, workspaces } from '../../shared/db/schema.ts';
import { type AuthContext, SESSION_TTL_MS } from './context.ts';
import { hashPassword, randomToken, sha256, verifyPassword } from './secrets.ts';

// Verified when the email is unknown, so a wrong email costs as long as a wrong password.
const decoyHash = hashPassword(randomToken());

export async function login(db: Db, email: string, password: string, now = new Date()) {
  const [row] = await db
    .select({ user: users, member: members })
    .from(users)
    .innerJoin(members, eq(members.userId, users.id))
    .where(eq(users.email, email))
    .orderBy(members.createdAt)
    .limit(1);
  const ok = await verifyPassword(password, row?.user.passwordHash ?? (await decoyHash));
  if (!row || !ok) return null;
  const token = randomToken();
  const csrfToken = randomToken();
  const [session] = await db
    .insert(sessions)
    .values({
      tokenHash: sha256(token),
      csrfToken,
      userId: row.user.id,
      workspaceId: row.member.workspaceId,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    })
    .returning({ id: sessions.id });
  const auth: AuthContext = {
    via: 'session',
    sessionId: session!.id,
    userId: row.user.id,
    workspaceId: row.member.workspaceId,
    role: row.member.role,
    csrfToken,
  };
  return { token, auth };
}

export async function logout(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** `members.last_seen_at` (online for the inbox's round robin) is written at most this often per member. */
const SEEN_EVERY_MS = 60_000;

/** Conditional, so concurrent requests of one member write it once. */
async function markSeen(db: Db, memberId: string, now: Date): Promise<void> {
  const stale = new Date(now.getTime() - SEEN_EVERY_MS);
  await db
    .update(members)
    .set({ lastSeenAt: now })
    .where(and(eq(members.id, memberId), or(isNull(members.lastSeenAt), lt(members.lastSeenAt, stale))));
}

/** The session's role is read from the membership each time, so a role change or removal applies at once. */
export async function authenticateSession(
  db: Db,
  token: string,
  now = new Date(),
): Promise<AuthContext | null> {
  const [row] = await db
    .select({ session: sessions, role: members.role, memberId: members.id, lastSeenAt: members.lastSeenAt })
    .from(sessions)
    .innerJoin(
      members,
      and(eq(members.userId, sessions.userId), eq(members.workspaceId, sessions.workspaceId)),
    )
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row) return null;
  if (!row.lastSeenAt || now.getTime() - row.lastSeenAt.getTime() >= SEEN_EVERY_MS)
    await markSeen(db, row.memberId, now);
  const s = row.session;
  return {
    via: 'session',
    sessionId: s.id,
    userId: s.userId,
    workspaceId: s.workspaceId,
    role: row.role,
    csrfToken: s.csrfToken,
  };
}

/** A key dies with its creator's membership: removal revokes it, and this refuses it regardless. */
export async function authenticateApiKey(db: Db, key: string, now = new Date()): Promise<AuthContext | null> {
  const creatorIsMember = db
    .select({ one: sql`1` })
    .from(members)
    .where(and(eq(members.userId, apiKeys.createdBy), eq(members.workspaceId, apiKeys.workspaceId)));
  const [row] = await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.keyHash, sha256(key)), isNull(apiKeys.revokedAt), exists(creatorIsMember)))
    .returning();
  if (!row?.createdBy) return null;
  return {
    via: 'apiKey',
    apiKeyId: row.id,
    userId: null,
    createdBy: row.createdBy,
    workspaceId: row.workspaceId,
    role: row.role,
  };
}

export async function sessionView(db: Db, auth: AuthContext) {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, auth.workspaceId));
  const [user] = auth.userId ? await db.select().from(users).where(eq(users.id, auth.userId)) : [];
  return {
    user: user ? { id: user.id, email: user.email, name: user.name } : null,
    workspace: { id: workspace!.id, name: workspace!.name, timeZone: workspace!.timeZone },
    role: auth.role,
    csrfToken: auth.via === 'session' ? auth.csrfToken : null,
  };
}
