// Claims a coupon code inside the turn's transaction: one code per contact per pool (a second
// visit gets the same code again), SKIP LOCKED so concurrent turns never hand out one code twice.
import { and, eq, sql } from 'drizzle-orm';
import { couponCodes, couponPools } from '../../shared/db/schema.ts';
import type { ResultEvent } from '../../shared/flow/index.ts';
import { type Db, rowsOf } from '../db/client.ts';

export async function claimCoupon(
  tx: Db,
  workspaceId: string,
  contactId: string,
  poolName: string,
  now: Date,
): Promise<ResultEvent> {
  const [pool] = await tx
    .select({ id: couponPools.id })
    .from(couponPools)
    .where(and(eq(couponPools.workspaceId, workspaceId), eq(couponPools.name, poolName)));
  if (!pool) return { type: 'RESULT', ok: false };
  const [mine] = await tx
    .select({ code: couponCodes.code })
    .from(couponCodes)
    .where(and(eq(couponCodes.poolId, pool.id), eq(couponCodes.contactId, contactId)));
  if (mine) return { type: 'RESULT', ok: true, value: { code: mine.code, pool: poolName } };
  const rows = await tx.execute<{ code: string }>(sql`
    update coupon_codes set contact_id = ${contactId}, issued_at = ${now}
    where id = (
      select id from coupon_codes where pool_id = ${pool.id} and contact_id is null
      order by code limit 1 for update skip locked
    )
    returning code`);
  const code = rowsOf<{ code: string }>(rows)[0]?.code;
  return code ? { type: 'RESULT', ok: true, value: { code, pool: poolName } } : { type: 'RESULT', ok: false };
}
