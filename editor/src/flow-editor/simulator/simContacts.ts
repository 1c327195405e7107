// The sandbox contacts created in this browser for a flow's simulator, remembered per flow in
// localStorage: the contacts API does not tell sandbox contacts apart from real ones.
import { useState } from 'react';

export type SimContact = { id: string; name: string };

const storageKey = (flowId: string) => `wefunnel.simulator.${flowId}`;

function load(flowId: string): SimContact[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(storageKey(flowId)) ?? '[]');
    return Array.isArray(list)
      ? list.filter((c): c is SimContact => typeof c?.id === 'string' && typeof c?.name === 'string')
      : [];
  } catch {
    return [];
  }
}

/** Newest first. The caller keys its component by flow, so the list is read once per flow. */
export function useSimContacts(flowId: string) {
  const [contacts, setContacts] = useState(() => load(flowId));
  const save = (next: SimContact[]) => {
    localStorage.setItem(storageKey(flowId), JSON.stringify(next));
    setContacts(next);
  };
  return {
    contacts,
    add: (contact: SimContact) => save([contact, ...contacts.filter((c) => c.id !== contact.id)]),
    forget: (id: string) => save(contacts.filter((c) => c.id !== id)),
  };
}
