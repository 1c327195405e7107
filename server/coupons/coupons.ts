// Coupon pools of a workspace: posting a pool's name again adds codes; duplicates are ignored.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../runtime/db/client.ts';
import { couponCodes, couponPools } from '../../shared/db/schema.ts';

const counts = {
  name: couponPools.name,
  total: sql<number>`count(${couponCodes.id})::int`,
  issued: sql<number>`count(${couponCodes.issuedAt})::int`,
};

export async function listPools(db: Db, workspaceId: string) {
  return db
    .select(counts)
    .from(couponPools)
    .leftJoin(couponCodes, eq(couponCodes.poolId, couponPools.id))
    .where(eq(couponPools.workspaceId, workspaceId))
    .groupBy(couponPools.id)
    .orderBy(couponPools.name);
}

export async function addCodes(db: Db, workspaceId: string, name: string, codes: string[]) {
  const clean = [...new Set(codes.map((c) => c.trim()).filter(Boolean))];
  return db.transaction(async (tx) => {
    await tx.insert(couponPools).values({ workspaceId, name }).onConflictDoNothing();
    const [pool] = await tx
      .select({ id: couponPools.id })
      .from(couponPools)
      .where(and(eq(couponPools.workspaceId, workspaceId), eq(couponPools.name, name)));
    const added = clean.length
      ? await tx
          .insert(couponCodes)
          .values(clean.map((code) => ({ poolId: pool!.id, code })))
          .onConflictDoNothing()
          .returning({ id: couponCodes.id })
      : [];
    const [row] = await tx
      .select(counts)
      .from(couponPools)
      .leftJoin(couponCodes, eq(couponCodes.poolId, couponPools.id))
      .where(eq(couponPools.id, pool!.id))
      .groupBy(couponPools.id);
    return { ...row!, added: added.length };
  });
}
