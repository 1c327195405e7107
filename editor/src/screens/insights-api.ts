// The server state of the Insights page: the items, the contacts behind one, the bot quality over a
// range of days, and the one-click actions of an unanswered phrase (an auto-reply, a keyword flow).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BotQualityBody,
  ContactInsightKind,
  InsightContact,
  InsightsBody,
} from '../../../shared/api/insights.ts';
import type { WorkspaceBody } from '../../../shared/api/workspace.ts';
import { api } from '../api.ts';
import type { DayRange } from './inbox-stats-api.ts';

export const insightKeys = {
  all: ['insights'] as const,
  contacts: (kind: string) => ['insights', 'contacts', kind] as const,
  quality: (range: DayRange | null) => ['insights', 'quality', range?.from, range?.to] as const,
};

export const useInsights = () =>
  useQuery({ queryKey: insightKeys.all, queryFn: () => api<InsightsBody>('GET', '/insights') });

type ContactPage = { items: InsightContact[]; nextCursor: string | null };

export const useInsightContacts = (kind: ContactInsightKind) =>
  useInfiniteQuery({
    queryKey: insightKeys.contacts(kind),
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (pageParam) params.set('cursor', pageParam);
      return api<ContactPage>('GET', `/insights/${kind}/contacts?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useBotQuality = (range: DayRange | null) =>
  useQuery({
    queryKey: insightKeys.quality(range),
    queryFn: () => api<BotQualityBody>('GET', `/analytics/bot-quality?${new URLSearchParams({ ...range })}`),
    enabled: range !== null,
    placeholderData: (previous) => previous,
  });

/** Adds `{keywords: [phrase], reply}` to the workspace's auto-replies (the list as it is now, plus it). */
export function useAddAutoReply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ phrase, reply }: { phrase: string; reply: string }) => {
      const workspace = await api<WorkspaceBody>('GET', '/workspace');
      const autoReplies = [...workspace.fallback.autoReplies, { keywords: [phrase], reply }];
      return api<WorkspaceBody>('PATCH', '/workspace', { fallback: { ...workspace.fallback, autoReplies } });
    },
    onSuccess: (workspace) => {
      client.setQueryData(['workspace'], workspace);
      client.invalidateQueries({ queryKey: insightKeys.all });
    },
  });
}

/** A draft flow started by a keyword trigger on the phrase, for the marketer to finish in the editor. */
export const keywordFlowGraph = (phrase: string) => ({
  nodes: [
    {
      id: 'keyword',
      type: 'trigger.keyword',
      position: { x: 0, y: 0 },
      data: { keywords: [phrase], match: 'contains', scope: 'private' },
    },
  ],
  edges: [],
});
