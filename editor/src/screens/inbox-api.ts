// The inbox's server state: the tabs' conversation pages, the counts, one conversation, the contact
// beside it, members who take conversations, saved replies, and every change an agent makes. The
// live stream that keeps them current is inbox-stream.ts.
import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type { Member } from '../../../shared/api/auth.ts';
import type { contactDetail } from '../../../shared/api/contacts.ts';
import type {
  ConversationDetail,
  ConversationItem,
  ConversationMessage,
  InboxTab,
  inboxCounts,
  REVIEW_RATINGS,
  replyQueued,
  savedReply,
} from '../../../shared/api/conversations.ts';
import { api } from '../api.ts';

export type { ConversationDetail, ConversationItem, ConversationMessage, InboxTab };
export type InboxCounts = z.infer<typeof inboxCounts>;
export type SavedReply = z.infer<typeof savedReply>;
export type Contact = z.infer<typeof contactDetail>;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];
/** A member as `GET /api/members` lists them, with whether they take conversations and are online. */
export type InboxMember = Member;
export type ConversationPage = { items: ConversationItem[]; nextCursor: string | null };
export type ConversationPages = InfiniteData<ConversationPage, string>;

export const inboxKeys = {
  all: ['conversations'] as const,
  lists: ['conversations', 'list'] as const,
  list: (tab: InboxTab, q: string) => ['conversations', 'list', tab, q] as const,
  counts: ['conversations', 'counts'] as const,
  detail: (id: string) => ['conversations', 'detail', id] as const,
  savedReplies: ['saved-replies'] as const,
  contact: (id: string) => ['contact', id] as const,
};

const PAGE = 30;

/** The list filters of a tab (API "Conversations"). */
export const TAB_FILTERS: Record<InboxTab, Record<string, string>> = {
  mine: { status: 'open', assignee: 'me' },
  unassigned: { status: 'open', assignee: 'none' },
  all: { status: 'open' },
  bot: { bot: 'true' },
  closed: { status: 'closed' },
};

/** Whether an item the stream pushed belongs in a tab (the same filters, read on this side). */
export const TAB_MATCH: Record<InboxTab, (item: ConversationItem, me: string | undefined) => boolean> = {
  mine: (item, me) => item.status === 'open' && !!me && item.assignee?.id === me,
  unassigned: (item) => item.status === 'open' && !item.assignee,
  all: (item) => item.status === 'open',
  bot: (item) => !item.botPaused,
  closed: (item) => item.status === 'closed',
};

export const conversationPages = (tab: InboxTab, q: string) =>
  infiniteQueryOptions({
    queryKey: inboxKeys.list(tab, q),
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ ...TAB_FILTERS[tab], limit: String(PAGE) });
      if (q) params.set('q', q);
      if (pageParam) params.set('cursor', pageParam);
      return api<ConversationPage>('GET', `/conversations?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useConversationPages(tab: InboxTab, q: string) {
  const pages = useInfiniteQuery(conversationPages(tab, q));
  return { ...pages, items: pages.data?.pages.flatMap((p) => p.items) ?? [] };
}

export const useInboxCounts = (enabled = true) =>
  useQuery({
    queryKey: inboxKeys.counts,
    queryFn: () => api<InboxCounts>('GET', '/conversations/counts'),
    enabled,
    retry: false,
  });

/** A message still on its way (in the outbox): read again until it settles. */
const unsettled = (m: ConversationMessage) => m.delivery === 'pending' || m.delivery === 'sending';

export const useConversation = (id: string) =>
  useQuery({
    queryKey: inboxKeys.detail(id),
    queryFn: () => api<ConversationDetail>('GET', `/conversations/${id}`),
    refetchInterval: (query) => (query.state.data?.messages.some(unsettled) ? 3_000 : false),
  });

export const useContact = (id: string) =>
  useQuery({ queryKey: inboxKeys.contact(id), queryFn: () => api<Contact>('GET', `/contacts/${id}`) });

export const useMembers = () =>
  useQuery({ queryKey: ['members'], queryFn: () => api<InboxMember[]>('GET', '/members') });

export const useSavedReplies = () =>
  useQuery({ queryKey: inboxKeys.savedReplies, queryFn: () => api<SavedReply[]>('GET', '/saved-replies') });

/** Changes every cached page of every tab holding the contact's conversation (one per contact). */
export function patchListItems(
  client: QueryClient,
  contactId: string,
  change: (item: ConversationItem) => ConversationItem,
) {
  client.setQueriesData<ConversationPages>({ queryKey: inboxKeys.lists }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.contact.id === contactId ? change(item) : item)),
          })),
        }
      : data,
  );
}

/** The conversation's lists, counts and itself are read again after a change. */
function useConversationMutation<A, R>(id: string, fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      client.invalidateQueries({ queryKey: inboxKeys.detail(id) });
      client.invalidateQueries({ queryKey: inboxKeys.lists });
      client.invalidateQueries({ queryKey: inboxKeys.counts });
    },
  });
}

export function useMarkRead(conversation: { id: string; contact: { id: string } }) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', `/conversations/${conversation.id}/read`),
    onSuccess: () => {
      patchListItems(client, conversation.contact.id, (item) => ({ ...item, unread: 0 }));
      client.setQueryData<ConversationDetail>(inboxKeys.detail(conversation.id), (d) =>
        d ? { ...d, unread: 0 } : d,
      );
    },
  });
}

/** A reply goes out through the outbox: it shows at once as the agent's, with its delivery. */
export function useReply(id: string, me: { name: string }) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      api<z.infer<typeof replyQueued>>('POST', `/conversations/${id}/messages`, { text }),
    onSuccess: (queued, text) =>
      client.setQueryData<ConversationDetail>(inboxKeys.detail(id), (d) =>
        d && !d.messages.some((m) => m.outboxId === queued.outboxId)
          ? {
              ...d,
              messages: [
                ...d.messages,
                {
                  id: null,
                  outboxId: queued.outboxId,
                  direction: 'out',
                  author: 'agent',
                  authorName: me.name,
                  text,
                  kind: 'text',
                  media: null,
                  at: new Date().toISOString(),
                  flowId: null,
                  nodeId: null,
                  delivery: queued.delivery,
                  review: null,
                },
              ],
            }
          : d,
      ),
    onSettled: () => client.invalidateQueries({ queryKey: inboxKeys.detail(id) }),
  });
}

export const useNote = (id: string) =>
  useConversationMutation(id, (text: string) => api('POST', `/conversations/${id}/notes`, { text }));

export const useAssign = (id: string) =>
  useConversationMutation(id, (userId: string | null) =>
    api('POST', `/conversations/${id}/assign`, { userId }),
  );

export const useSnooze = (id: string) =>
  useConversationMutation(id, (until: Date) =>
    api('POST', `/conversations/${id}/snooze`, { until: until.toISOString() }),
  );

export const useClose = (id: string) =>
  useConversationMutation(id, () => api('POST', `/conversations/${id}/close`));

export const useReopen = (id: string) =>
  useConversationMutation(id, () => api('POST', `/conversations/${id}/reopen`));

/** Take over from the bot: opens (or reopens) the contact's conversation with a human on it. */
export function useTakeOver(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ id?: string }>('POST', `/contacts/${contactId}/conversation`),
    onSettled: () => {
      client.invalidateQueries({ queryKey: inboxKeys.all });
      client.invalidateQueries({ queryKey: inboxKeys.contact(contactId) });
    },
  });
}

export function usePatchTags(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tags: string[]) => api<Contact>('PATCH', `/contacts/${contactId}`, { tags }),
    onSuccess: (next) => client.setQueryData(inboxKeys.contact(contactId), next),
  });
}

/** Flags a bot's or agent's message good or bad (`null` takes the flag off). */
export const useReview = (id: string) =>
  useConversationMutation(
    id,
    (args: { messageId: number; review: { rating: ReviewRating; comment: string } | null }) =>
      args.review
        ? api('PUT', `/messages/${args.messageId}/review`, args.review)
        : api('DELETE', `/messages/${args.messageId}/review`),
  );

function useSavedRepliesMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: inboxKeys.savedReplies }),
  });
}

export const useCreateSavedReply = () =>
  useSavedRepliesMutation((body: { shortcut: string; text: string }) =>
    api<SavedReply>('POST', '/saved-replies', body),
  );

export const useDeleteSavedReply = () =>
  useSavedRepliesMutation((id: string) => api<void>('DELETE', `/saved-replies/${id}`));
