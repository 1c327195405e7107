// The workspace fallback for a message no run and no trigger takes (DESIGN "Route" step 2):
// the first keyword auto-reply that matches answers it; otherwise the contact goes to a human.
import { eq } from 'drizzle-orm';
import type { Fallback } from '../../shared/api/workspace.ts';
import { contacts, outbox } from '../../shared/db/schema.ts';
import type { Db } from '../db/client.ts';
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
  const signed = settings.botSignature ? `${reply}\n${settings.botSignature}` : reply;
  const queued = await tx
    .insert(outbox)
    .values({
      workspaceId: account.workspaceId,
      botAccountId: account.id,
      contactId: contact.id,
      kind: 'message',
      payload: { text: signed, author: 'bot' },
      idempotencyKey: `fallback:${account.id}:${messageId}`,
      notBefore: now,
    })
    .onConflictDoNothing()
    .returning({ id: outbox.id });
  return queued.length;
}
