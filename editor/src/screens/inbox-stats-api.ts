// The server state of the inbox's KPIs and quality review (质检): the KPIs over a range of days, the
// flagged messages page by page, and changing or removing a flag.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { InboxKpis, REVIEW_RATINGS, reviewItem } from '../../../shared/api/conversations.ts';
import { api } from '../api.ts';
import { inboxKeys, useMembers } from './inbox-api.ts';

export type { InboxKpis };
export type ReviewItem = z.infer<typeof reviewItem>;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];
export type AgentKpis = InboxKpis['agents'][number];
export type AgentDay = AgentKpis['days'][number];
/** Handled conversations and response times, of one agent or of everyone. */

/** Days as the workspace counts them, `YYYY-MM-DD`, both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

export const kpisKey = ['inbox-kpis'] as const;
export const reviewsKey = ['reviews'] as const;

export const useKpis = (range: DayRange | null) =>
  useQuery({
    queryKey: [...kpisKey, range?.from, range?.to],
    queryFn: () => api<InboxKpis>('GET', `/inbox/kpis?${new URLSearchParams({ ...range })}`),
    enabled: range !== null,
    placeholderData: (previous) => previous,
  });

export interface ReviewFilters {
  rating: ReviewRating | '';
  flowId: string;
  nodeId: string;
  agentId: string;
}

const PAGE = 50;

export function useReviewPages(filters: ReviewFilters) {
  const pages = useInfiniteQuery({
    queryKey: [...reviewsKey, filters],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE) });
      for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
      if (pageParam) params.set('cursor', pageParam);
      return api<{ items: ReviewItem[]; nextCursor: string | null }>('GET', `/reviews?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...pages, items: pages.data?.pages.flatMap((p) => p.items) ?? [] };
}

/** Members who take conversations: the agents a review can be about. */
export function useAgents() {
  const members = useMembers();
  return { ...members, data: members.data?.filter((m) => m.agent) };
}

/** Flags a message again (`review`) or takes the flag off (`null`); the list and the transcript follow. */
export function useSetReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { messageId: number; review: { rating: ReviewRating; comment: string } | null }) =>
      args.review
        ? api('PUT', `/messages/${args.messageId}/review`, args.review)
        : api<void>('DELETE', `/messages/${args.messageId}/review`),
    onSettled: () => {
      queryClient.invalidateQueries({ queryKey: reviewsKey });
      queryClient.invalidateQueries({ queryKey: inboxKeys.all });
    },
  });
}
