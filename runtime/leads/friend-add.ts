// What a friend add (outbox kind `friend_add`) leads to: the request went out — the lead waits for
// the person to accept (their `friend_confirm` starts the lead flows, see router/inbound.ts); they
// were a friend already — the lead flows start at once; nobody has that phone — `not_found`.
import { eq } from 'drizzle-orm';
import { leads } from '../../shared/db/schema.ts';
import type { FriendAddResult } from '../bots/port.ts';
import type { Db } from '../db/client.ts';
import { lockContacts } from '../router/contacts.ts';
import { startLeadFlows } from '../router/inbound.ts';

export async function afterFriendAdd(
  db: Db,
  account: { id: string; workspaceId: string },
  leadId: string,
  result: FriendAddResult,
  now: Date,
): Promise<void> {
  if (result.outcome === 'not_found') {
    await db
      .update(leads)
      .set({ status: 'not_found', error: 'nobody on WeChat has this phone or handle', updatedAt: now })
      .where(eq(leads.id, leadId));
    return;
  }
  if (result.outcome === 'already_friend') {
    await startLeadFlows(db, account, result.contact, leadId, now);
    return;
  }
  await db.transaction(async (tx) => {
    const [contact] = await lockContacts(tx, account, [result.contact]);
    await tx
      .update(leads)
      .set({ status: 'requested', contactId: contact!.id, updatedAt: now })
      .where(eq(leads.id, leadId));
  });
}
