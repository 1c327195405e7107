// API keys: created with a role no higher than the creator's, shown once, revoked by deletion.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { apiKeys } from '../../shared/db/schema.ts';
import type { Role } from '../../shared/roles.ts';
import { notFound } from '../errors.ts';
import { randomToken, sha256 } from './secrets.ts';

export async function listApiKeys(db: Db, workspaceId: string) {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map((k) => ({
    id: k.id,
    name: k.name,
    role: k.role,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  }));
}

export async function createApiKey(
  db: Db,
  workspaceId: string,
  input: { name: string; role: Role },
  createdBy: string,
) {
  const key = randomToken('wf_');
  const [row] = await db
    .insert(apiKeys)
    .values({
      workspaceId,
      name: input.name,
      role: input.role,
      keyHash: sha256(key),
      prefix: key.slice(0, 10),
      createdBy,
    })
    .returning();
  return { id: row!.id, name: row!.name, role: row!.role, key };
}

/** Keys die with their creator's membership (a removed admin's key must not create an admin). */
export async function revokeKeysOf(db: Db, workspaceId: string, userId: string, now = new Date()) {
  await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(
      and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.createdBy, userId), isNull(apiKeys.revokedAt)),
    );
}

export async function revokeApiKey(db: Db, workspaceId: string, id: string, now = new Date()) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (!row) throw notFound('api_key');
}
