// A Wechaty contact as the port names it (shared by the account's messages, friendships and groups).
import type { Contact } from 'wechaty';
import type { ContactRef } from './port.ts';

export async function contactRef(contact: Contact): Promise<ContactRef> {
  return {
    puppetId: contact.id,
    name: contact.name(),
    alias: (await contact.alias().catch(() => null)) ?? null,
    weixin: handleOf(contact),
  };
}

/** The weixin handle: `handle` in newer puppets' payloads, `weixin` in older ones (Wechaty's `weixin()` logs a stack). */
export const handleOf = (contact: Contact) => contact.handle() || contact.payload?.weixin || null;
