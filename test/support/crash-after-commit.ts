// A runtime process that dies the hard way (SIGKILL) right after its turns committed and before the
// dispatcher sent anything — one outbox row still `queued`, one already claimed `sending`.
// Usage: node --import tsx test/support/crash-after-commit.ts <accountId> <workspaceId> (DATABASE_URL set).

import { eq } from 'drizzle-orm';
import { refreshLeases } from '../../runtime/bots/leases.ts';
import { openDb } from '../../runtime/db/client.ts';
import { claim } from '../../runtime/dispatcher/claim.ts';
import { handleInbound } from '../../runtime/router/inbound.ts';
import { outbox } from '../../shared/db/schema.ts';

const [accountId, workspaceId] = process.argv.slice(2) as [string, string];
const handle = await openDb({ kind: 'postgres', url: process.env.DATABASE_URL! });
const { db } = handle;
const owner = 'worker-crashing';
const { taken } = await refreshLeases(db, owner, 2000);
const lease = taken.find((l) => l.accountId === accountId);
if (!lease) throw new Error('the crashing worker could not take the lease');
const account = { id: accountId, workspaceId, timeZone: 'Asia/Shanghai' };
const now = new Date();
for (const name of ['queued-contact', 'sending-contact']) {
  await handleInbound(
    db,
    account,
    { kind: 'friend_confirm', contact: { puppetId: name, name }, at: now },
    now,
  );
}
const rows = await db.select().from(outbox).where(eq(outbox.botAccountId, accountId)).orderBy(outbox.id);
await claim(db, rows[1]!.id, owner, lease.fencingToken);
console.log('committed; crashing before dispatch');
process.kill(process.pid, 'SIGKILL');
