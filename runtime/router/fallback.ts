// The workspace fallback for a message no run and no trigger takes (DESIGN "Route" step 2):
// the first keyword auto-reply that matches answers it; otherwise the contact goes to a human.
import { eq } from 'drizzle-orm';
import type { Fallback } from '../../shared/api/workspace.ts';
import { contacts } from '../../shared/db/schema.ts';
import type { Db } from '../db/client.ts';
import { messageRow, queueOutbox } from '../outbox/writer.ts';
import { workspaceSettings } from '../workspace-settings.ts';
import type { ContactRow } from './contacts.ts';

/** The auto-reply for a text: keywords match anywhere in it, case-insensitively. */
export function autoReplyFor(fallback: Fallback, text: string): string | null {
  const lower = text.toLowerCase();
  const rule = fallback.autoReplies.find((r) => r.keywords.some((k) => lower.includes(k.toLowerCase())));
  return rule?.reply ?? null;
}

/** Returns how many outbox rows it queued. */
export async function fallback(
  tx: Db,
  account: { id: string; workspaceId: string },
  contact: ContactRow,
  messageId: string,
  text: string,
  now: Date,
): Promise<number> {
  const settings = await workspaceSettings(tx, account.workspaceId);
  if (!settings) return 0;
  let reply = autoReplyFor(settings.fallback, text);
  if (reply === null) {
    if (!settings.fallback.handoff) return 0;
    await tx.update(contacts).set({ handoff: true }).where(eq(contacts.id, contact.id));
    reply = settings.fallback.handoffReply || null;
  }
  if (reply === null) return 0;
  return queueOutbox(tx, [
    messageRow({
      workspaceId: account.workspaceId,
      botAccountId: account.id,
      contactId: contact.id,
      text: reply,
      author: 'bot',
      signature: settings.botSignature,
      keyParts: { source: 'fallback', accountId: account.id, eventId: messageId },
      notBefore: now,
    }),
  ]);
}
