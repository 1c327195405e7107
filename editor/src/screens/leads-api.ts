// The Leads screen's server state: the lead pages (refreshed while a lead's friend add is on its way),
// the sandbox account a lead may be accepted on, pasting many leads, and the sandbox's accept.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { botSchema } from '../../../shared/api/bots.ts';
import type { leadBulkResult, leadPage, sandboxLeadAccepted } from '../../../shared/api/leads.ts';
import type { LeadStatus } from '../../../shared/db/leads.ts';
import { api } from '../api.ts';
import type { LeadInput } from './leads-paste.ts';

export type Lead = z.infer<typeof leadPage>['items'][number];
export type LeadResult = z.infer<typeof leadBulkResult>['results'][number];
export type LeadAccepted = z.infer<typeof sandboxLeadAccepted>;
type Bot = z.infer<typeof botSchema>;

export const leadsKey = ['leads'] as const;

/** A queued friend add goes out within a second in the sandbox; a real person accepts any time. */
const refreshEvery = (leads: Lead[]): number | false =>
  leads.some((l) => l.status === 'queued')
    ? 1000
    : leads.some((l) => l.status === 'requested')
      ? 5000
      : false;

export function useLeadPages(status: LeadStatus | '') {
  const pages = useInfiniteQuery({
    queryKey: [...leadsKey, status],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (status) params.set('status', status);
      if (pageParam) params.set('cursor', pageParam);
      return api<z.infer<typeof leadPage>>('GET', `/leads?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) => refreshEvery(query.state.data?.pages.flatMap((p) => p.items) ?? []),
  });
  return { ...pages, items: pages.data?.pages.flatMap((p) => p.items) ?? [] };
}

/** The workspace's sandbox account, where the simulated person can accept a lead's friend add. */
export function useSandboxAccountId(): string | undefined {
  const bots = useQuery({ queryKey: ['bots'], queryFn: () => api<Bot[]>('GET', '/bots') });
  return bots.data?.find((bot) => bot.puppet === 'sandbox')?.id;
}

/** The server takes at most 1000 leads a request; smaller batches let the progress bar move. */
const BATCH = 100;

/** Sends `leads` in batches; each answer's `row` is the index into `leads`. */
export function usePasteLeads(onProgress: (sent: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (leads: LeadInput[]) => {
      const results: LeadResult[] = [];
      onProgress(0);
      for (let start = 0; start < leads.length; start += BATCH) {
        const batch = leads.slice(start, start + BATCH);
        const answer = await api<z.infer<typeof leadBulkResult>>('POST', '/leads/bulk', { leads: batch });
        results.push(...answer.results.map((r) => ({ ...r, row: r.row + start })));
        onProgress(start + batch.length);
      }
      return results;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadsKey }),
  });
}

export function useAcceptLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lead: Lead) => api<LeadAccepted>('POST', `/sandbox/leads/${lead.id}/accept`),
    onSettled: () => {
      queryClient.invalidateQueries({ queryKey: leadsKey });
      queryClient.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}
