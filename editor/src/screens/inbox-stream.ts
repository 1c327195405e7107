// The inbox live: one EventSource on /api/conversations/stream while signed in. A `conversation`
// event moves the item into (or out of) every cached tab it now belongs to and refreshes the open
// conversation; `counts` feeds the sidebar badge; a conversation newly assigned to me rings a
// browser notification when the member opted in and is not looking at the inbox. After a drop it
// reconnects and reads all again.
import { type QueryClient, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { conversationItem, type InboxTab, inboxCounts } from '../../../shared/api/conversations.ts';
import { retryDelay } from '../flow-editor/stats/useLiveStats.ts';
import {
  type ConversationDetail,
  type ConversationItem,
  type ConversationPages,
  conversationPages,
  inboxKeys,
  TAB_MATCH,
} from './inbox-api.ts';

const NOTIFY_KEY = 'wefunnel.inbox.notify';

/** Whether this browser shows a notification when a conversation is assigned to me. */
export const notificationsOn = () =>
  typeof Notification !== 'undefined' &&
  Notification.permission === 'granted' &&
  localStorage.getItem(NOTIFY_KEY) === '1';

export const setNotifications = (on: boolean) => localStorage.setItem(NOTIFY_KEY, on ? '1' : '0');

const newestFirst = (a: ConversationItem, b: ConversationItem) =>
  Date.parse(b.lastMessage.at) - Date.parse(a.lastMessage.at);

/**
 * The pages of one tab with `item` put where it now belongs: taken out everywhere, then (when it
 * matches and no search narrows the list) put back in order, unless it sorts past the pages loaded.
 */
export function placeItem(
  data: ConversationPages,
  item: ConversationItem,
  belongs: boolean,
  searching: boolean,
): ConversationPages {
  const present = data.pages.some((p) => p.items.some((i) => i.contact.id === item.contact.id));
  const pages = data.pages.map((p) => ({
    ...p,
    items: p.items.filter((i) => i.contact.id !== item.contact.id),
  }));
  if (!belongs || (searching && !present)) return { ...data, pages };
  const loaded = pages.flatMap((p) => p.items);
  const last = loaded[loaded.length - 1];
  const more = pages[pages.length - 1]?.nextCursor !== null;
  if (more && last && newestFirst(item, last) > 0) return { ...data, pages };
  const at = loaded.findIndex((i) => newestFirst(item, i) <= 0);
  const sorted = at === -1 ? [...loaded, item] : [...loaded.slice(0, at), item, ...loaded.slice(at)];
  // The pages keep their sizes but the last, which takes what is left.
  let from = 0;
  return {
    ...data,
    pages: pages.map((p, n) => {
      const size = n === pages.length - 1 ? sorted.length - from : p.items.length;
      const items = sorted.slice(from, from + size);
      from += size;
      return { ...p, items };
    }),
  };
}

/** The assignee a conversation had as far as this page knew, before the event. */
function knownAssignee(client: QueryClient, item: ConversationItem): string | null | undefined {
  if (item.id) {
    const detail = client.getQueryData<ConversationDetail>(inboxKeys.detail(item.id));
    if (detail) return detail.assignee?.id ?? null;
  }
  for (const [, data] of client.getQueriesData<ConversationPages>({ queryKey: inboxKeys.lists })) {
    const found = data?.pages.flatMap((p) => p.items).find((i) => i.contact.id === item.contact.id);
    if (found) return found.assignee?.id ?? null;
  }
  return undefined;
}

export function applyConversation(client: QueryClient, item: ConversationItem, me: string | undefined) {
  for (const [key] of client.getQueriesData<ConversationPages>({ queryKey: inboxKeys.lists })) {
    const [, , tab, q] = key as ReturnType<typeof inboxKeys.list>;
    client.setQueryData<ConversationPages>(key, (data) =>
      data ? placeItem(data, item, TAB_MATCH[tab as InboxTab](item, me), Boolean(q)) : data,
    );
  }
  if (item.id) {
    const { id } = item;
    client.setQueryData<ConversationDetail>(inboxKeys.detail(id), (d) => (d ? { ...d, ...item, id } : d));
    client.invalidateQueries({ queryKey: inboxKeys.detail(id) });
  }
}

export function useInboxStream(me: string | undefined, enabled: boolean) {
  const client = useQueryClient();
  // My open conversations stay known, so a new message in one of them is not taken for an assignment.
  useInfiniteQuery({ ...conversationPages('mine', ''), enabled: enabled && !!me });
  const [location, navigate] = useLocation();
  const here = useRef({ location, navigate });
  here.current = { location, navigate };

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const notify = (item: ConversationItem) => {
      // In view, the inbox shows it live; the notification is for a page in the background or elsewhere.
      const inInbox = here.current.location.startsWith('/inbox');
      if (!notificationsOn() || (inInbox && !document.hidden)) return;
      const note = new Notification(item.contact.name, { body: item.lastMessage.text, tag: item.id ?? '' });
      note.onclick = () => {
        window.focus();
        here.current.navigate(`/inbox/${item.id}`);
        note.close();
      };
    };
    const connect = () => {
      source = new EventSource('/api/conversations/stream');
      source.addEventListener('open', () => {
        // Whatever happened while the stream was down is read again.
        if (attempt > 0) client.invalidateQueries({ queryKey: inboxKeys.all });
        attempt = 0;
      });
      source.addEventListener('conversation', (event) => {
        const parsed = conversationItem.safeParse(JSON.parse((event as MessageEvent<string>).data));
        if (!parsed.success) return;
        const item = parsed.data;
        const before = knownAssignee(client, item);
        applyConversation(client, item, me);
        if (me && item.id && item.assignee?.id === me && before !== me) notify(item);
      });
      source.addEventListener('counts', (event) => {
        const parsed = inboxCounts.safeParse(JSON.parse((event as MessageEvent<string>).data));
        if (parsed.success) client.setQueryData(inboxKeys.counts, parsed.data);
      });
      source.onerror = () => {
        source?.close();
        timer = setTimeout(connect, retryDelay(attempt++));
      };
    };
    connect();
    return () => {
      clearTimeout(timer);
      source?.close();
    };
  }, [client, me, enabled]);
}
