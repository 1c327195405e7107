// The inbox's list column: one tab's conversations, newest activity first — who, the last message (or
// the search hit, marked), unread count, how long the contact has waited (ticking), snoozed, and who
// has it — with "load more" under it and an empty state that says what to do.

import { Highlight } from '../app/Highlight.tsx';
import { LoadMore } from '../app/lists.tsx';
import { Empty, ErrorNote } from '../app/ui.tsx';
import { useWorkspaceTime } from '../app/workspace-time.ts';
import { useLang } from '../i18n.ts';
import type { ConversationItem, InboxTab, useConversationPages } from './inbox-api.ts';
import { inboxMessages } from './inbox-messages.ts';
import { shortTime, spanParts, useNow } from './inbox-time.ts';

type T = ReturnType<typeof inboxMessages.useT>;

export function InboxList(props: {
  tab: InboxTab;
  query: string;
  pages: ReturnType<typeof useConversationPages>;
  selectedId: string | null;
  botContactId: string | undefined;
  onPick: (item: ConversationItem) => void;
}) {
  const t = inboxMessages.useT();
  const { pages, query } = props;
  const now = useNow();
  return (
    <div className="min-h-0 flex-1 overflow-y-auto" data-testid="inbox-list">
      <ErrorNote error={pages.error} />
      {pages.isPending ? (
        <div className="m-3 h-24 animate-pulse rounded-lg bg-slate-100" />
      ) : pages.items.length === 0 ? (
        query ? (
          <Empty title={t('noMatch', { q: query })} hint={t('noMatchHint')} />
        ) : (
          <Empty title={t(`empty_${props.tab}`)} hint={t(`emptyHint_${props.tab}`)} />
        )
      ) : (
        <ul className="divide-y divide-slate-100">
          {pages.items.map((item) => (
            <li key={item.contact.id}>
              <Item
                item={item}
                query={query}
                now={now}
                selected={item.id ? item.id === props.selectedId : item.contact.id === props.botContactId}
                onPick={() => props.onPick(item)}
              />
            </li>
          ))}
        </ul>
      )}
      <div className="pb-4">
        <LoadMore pages={pages} label={t('loadMore')} />
      </div>
    </div>
  );
}

/** "12 min" / "2 h 5 min" / "3 d". */
export function spanText(t: T, ms: number): string {
  const { unit, n, m } = spanParts(ms);
  return t(`span_${unit}`, { n, m });
}

function Item(props: {
  item: ConversationItem;
  query: string;
  now: number;
  selected: boolean;
  onPick: () => void;
}) {
  const t = inboxMessages.useT();
  const { lang } = useLang();
  const { zone, format } = useWorkspaceTime();
  const { item, now } = props;
  const snoozed = item.status === 'snoozed' && item.snoozedUntil;
  return (
    <button
      type="button"
      onClick={props.onPick}
      aria-current={props.selected || undefined}
      data-testid="inbox-item"
      data-id={item.id ?? ''}
      data-contact={item.contact.id}
      className={`block w-full px-4 py-3 text-left ${
        props.selected ? 'bg-emerald-50' : 'hover:bg-slate-50'
      } ${item.unread ? '' : 'text-slate-600'}`}
    >
      <div className="flex items-center gap-2">
        <span
          className={`min-w-0 flex-1 truncate text-sm ${item.unread ? 'font-semibold' : 'font-medium'} text-slate-900`}
        >
          {item.contact.name || t('noName')}
        </span>
        <time className="shrink-0 text-[11px] text-slate-400" dateTime={item.lastMessage.at}>
          {shortTime(item.lastMessage.at, lang, zone, now)}
        </time>
      </div>
      <p className="mt-0.5 truncate text-xs text-slate-500">
        {item.match && props.query ? (
          <Highlight text={snippet(item.match.text, props.query)} query={props.query} />
        ) : (
          <>
            {item.lastMessage.direction === 'out' && <span className="text-slate-400">{t('youSaid')}</span>}
            {item.lastMessage.text || t('media')}
          </>
        )}
      </p>
      <div className="mt-1.5 flex items-center gap-1.5 text-[11px]">
        {item.waitingSince && item.status === 'open' && (
          <span className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-700" data-testid="inbox-waiting">
            {t('waiting', { span: spanText(t, now - Date.parse(item.waitingSince)) })}
          </span>
        )}
        {snoozed && (
          <span
            className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-slate-600"
            title={t('snoozedUntil', { time: format(snoozed) })}
            data-testid="inbox-snoozed"
          >
            <Clock />
            {shortTime(snoozed, lang, zone, now)}
          </span>
        )}
        {!item.botPaused && item.status !== 'open' && (
          <span className="rounded bg-sky-50 px-1.5 py-0.5 text-sky-700">{t('botHas')}</span>
        )}
        <span className="flex-1" />
        {item.unread > 0 && (
          <span
            className="min-w-5 rounded-full bg-emerald-600 px-1.5 text-center font-medium text-white tabular-nums"
            data-testid="inbox-unread"
            title={t('unread', { n: item.unread })}
          >
            {item.unread}
          </span>
        )}
        {item.assignee && (
          <Initial name={item.assignee.name} title={t('assignedTo', { name: item.assignee.name })} />
        )}
      </div>
    </button>
  );
}

export function Initial({ name, title }: { name: string; title?: string }) {
  return (
    <span
      className="grid size-5 shrink-0 place-items-center rounded-full bg-slate-200 text-[10px] font-semibold text-slate-700"
      title={title ?? name}
    >
      {[...name.trim()][0]?.toUpperCase() ?? '?'}
    </span>
  );
}

export function Clock() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-3"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
    >
      <path
        d="M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The hit with a little of what comes before it, so a long message still shows where it matched. */
function snippet(text: string, query: string): string {
  const at = text.toLowerCase().indexOf(query.toLowerCase());
  return at > 16 ? `…${text.slice(at - 12)}` : text;
}
