// Bot account leases (DESIGN "Scale"): a worker drives an account only while it holds the lease;
// taking over an expired lease bumps the fencing token, which every outbox claim checks, so a
// worker that lost its lease (paused, partitioned) cannot send on behalf of the new holder.
// Leases run on real time, never the sandbox clock: advancing it by 3 days must not expire them.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.ts';

export interface Lease {
  accountId: string;
  fencingToken: number;
}

/** Renews the leases `owner` holds and takes over expired or unowned ones of running accounts. */
export async function refreshLeases(
  db: Db,
  owner: string,
  ttlMs: number,
): Promise<{ held: Lease[]; taken: Lease[] }> {
  const until = sql`now() + ${`${ttlMs} milliseconds`}::interval`;
  const renewed = await db.execute(sql`
    update bot_accounts set lease_until = ${until}
    where lease_owner = ${owner} and lease_until >= now() and desired = 'running'
    returning id, fencing_token`);
  const taken = await db.execute(sql`
    update bot_accounts b set lease_owner = ${owner}, lease_until = ${until}, fencing_token = b.fencing_token + 1
    from (
      select id from bot_accounts
      where desired = 'running' and (lease_owner is null or lease_until is null or lease_until < now())
      for update skip locked
    ) free
    where b.id = free.id
    returning b.id, b.fencing_token`);
  const toLease = (r: { id: string; fencing_token: string | number }) => ({
    accountId: r.id,
    fencingToken: Number(r.fencing_token),
  });
  const takenLeases = rowsOf<{ id: string; fencing_token: number }>(taken).map(toLease);
  // A row left `sending` by the previous holder may or may not have reached WeChat: never resend it
  // blindly. A command it left running is idempotent (WeChat ids ride along): it runs again here.
  for (const lease of takenLeases) {
    await db.execute(sql`update outbox set status = 'unknown', error = 'interrupted while sending', done_at = now()
      where bot_account_id = ${lease.accountId} and status = 'sending'`);
    await db.execute(sql`update bot_commands set status = 'queued'
      where bot_account_id = ${lease.accountId} and status = 'running'`);
  }
  return { held: rowsOf<{ id: string; fencing_token: number }>(renewed).map(toLease), taken: takenLeases };
}

/** Gives up leases on shutdown (and of stopped accounts) so another worker takes them at once. */
export async function releaseLeases(db: Db, owner: string, accountIds?: string[]): Promise<void> {
  const only = accountIds ? sql`and id = any(${accountIds}::uuid[])` : sql``;
  await db.execute(
    sql`update bot_accounts set lease_owner = null, lease_until = null where lease_owner = ${owner} ${only}`,
  );
}
