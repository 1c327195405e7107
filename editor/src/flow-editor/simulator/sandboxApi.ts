// Server state of the simulator: a sandbox contact's transcript and detail, the sandbox clock, and the
// actions that drive the runtime. Every action refreshes the contact, whose run tells the canvas
// where it is, and the clock, which a turn may have read or moved.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { contactDetail } from '../../../../shared/api/contacts.ts';
import type {
  clockAdvanced,
  repliesBody,
  sandboxClock,
  sandboxContact,
  sandboxContactList,
  sandboxResetResult,
  transcriptBody,
} from '../../../../shared/api/sandbox.ts';
import { api } from '../../api.ts';
import { undeliveredKey } from '../../screens/undelivered-api.ts';

export type Transcript = z.infer<typeof transcriptBody>;
export type ContactDetail = z.infer<typeof contactDetail>;
export type SimContact = z.infer<typeof sandboxContactList>[number];
type Replies = z.infer<typeof repliesBody>;

const contactsKey = ['sandbox', 'contacts'] as const;
const transcriptKey = (contactId: string) => ['sandbox', 'transcript', contactId] as const;
const contactKey = (contactId: string) => ['contacts', contactId] as const;
const clockKey = ['sandbox', 'clock'] as const;

const TRANSCRIPT_POLL_MS = 2000;

export const useTranscript = (contactId: string) =>
  useQuery({
    queryKey: transcriptKey(contactId),
    queryFn: () => api<Transcript>('GET', `/sandbox/contacts/${contactId}/transcript`),
    retry: false,
    // Messages also come without the simulator doing anything: an agent's reply from the inbox, a wait
    // that fires on the wall clock. A light poll keeps the chat current.
    refetchInterval: TRANSCRIPT_POLL_MS,
  });

export const useContact = (contactId: string) =>
  useQuery({
    queryKey: contactKey(contactId),
    queryFn: () => api<ContactDetail>('GET', `/contacts/${contactId}`),
    retry: false,
  });

/** The run of this flow the contact is in now (the newest), or null. */
export const currentNodeOf = (contact: ContactDetail | undefined, flowId: string): string | null =>
  contact?.runs.find((run) => run.flowId === flowId)?.currentNodeId ?? null;

/** The workspace's sandbox contacts, newest first: the same list for every flow, browser and teammate. */
export const useSandboxContacts = () =>
  useQuery({
    queryKey: contactsKey,
    queryFn: () => api<SimContact[]>('GET', '/sandbox/contacts'),
  });

/** The workspace's sandbox "now": its own clock, which only the simulator moves. */
export const useSandboxClock = () =>
  useQuery({
    queryKey: clockKey,
    queryFn: () => api<z.infer<typeof sandboxClock>>('GET', '/sandbox/clock'),
    retry: false,
  });

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<z.infer<typeof sandboxContact>>('POST', '/sandbox/contacts', { name }),
    onSuccess: (contact) => {
      queryClient.setQueryData<SimContact[]>(contactsKey, (old = []) => [
        { ...contact, friendStatus: 'stranger', previewFlowId: null },
        ...old.filter((c) => c.id !== contact.id),
      ]);
      void queryClient.invalidateQueries({ queryKey: contactsKey });
    },
  });
}

export function useSimActions(contactId: string) {
  const queryClient = useQueryClient();
  const refreshContact = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: contactKey(contactId) }),
      queryClient.invalidateQueries({ queryKey: contactsKey }),
      queryClient.invalidateQueries({ queryKey: clockKey }),
      queryClient.invalidateQueries({ queryKey: undeliveredKey(contactId) }),
    ]);
  // What the contact said and what the bot answered show at once; the refetch then brings exact times.
  const append = (said: string | null, { replies }: Replies) => {
    const at = new Date().toISOString();
    queryClient.setQueryData<Transcript>(transcriptKey(contactId), (old = []) => [
      ...old,
      ...(said === null ? [] : [{ direction: 'in' as const, text: said, at, nodeId: null }]),
      // What the bot said in a group shows in the group tab, not here.
      ...replies
        .filter((r) => !r.roomId)
        .map((r) => ({ direction: 'out' as const, text: r.text, at, nodeId: r.nodeId })),
    ]);
    void queryClient.invalidateQueries({ queryKey: transcriptKey(contactId) });
    void refreshContact();
  };

  const friendRequest = useMutation({
    mutationFn: (hello: string) =>
      api<Replies>('POST', `/sandbox/contacts/${contactId}/friend-request`, { hello }),
    onSuccess: (body) => append(null, body),
  });
  const send = useMutation({
    mutationFn: (text: string) => api<Replies>('POST', `/sandbox/contacts/${contactId}/messages`, { text }),
    onSuccess: (body, text) => append(text, body),
  });
  // The clock is the whole sandbox's: timers may have written to any contact.
  const advance = useMutation({
    mutationFn: (by: string) => api<z.infer<typeof clockAdvanced>>('POST', '/sandbox/clock/advance', { by }),
    onSuccess: ({ now }) => {
      queryClient.setQueryData(clockKey, { now });
      void queryClient.invalidateQueries({ queryKey: ['sandbox', 'transcript'] });
      void refreshContact();
    },
  });
  /**
   * Starts the contact over (runs, messages, attributes and tags go). `previewFlowId`: a flow whose
   * current draft it then talks to, null for the published flows, absent to keep what it talks to
   * (a contact trying a draft takes the latest one).
   */
  const reset = useMutation({
    mutationFn: (body: { previewFlowId?: string | null }) =>
      api<z.infer<typeof sandboxResetResult>>('POST', `/sandbox/contacts/${contactId}/reset`, body),
    onSuccess: ({ previewFlowId }) => {
      queryClient.setQueryData<SimContact[]>(contactsKey, (old = []) =>
        old.map((c) => (c.id === contactId ? { ...c, friendStatus: 'stranger', previewFlowId } : c)),
      );
      queryClient.setQueryData<Transcript>(transcriptKey(contactId), []);
      void queryClient.invalidateQueries({ queryKey: transcriptKey(contactId) });
      void refreshContact();
    },
  });
  return { friendRequest, send, advance, reset };
}
