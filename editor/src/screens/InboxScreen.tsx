// The inbox (`/inbox`, `/inbox/:id`), as Intercom and Chatwoot lay it out: the tabs' conversations |
// the open conversation with its reply box | the contact beside it. Keyboard first: j/k move down
// and up the list, r replies, `/` picks a saved reply, e closes. The list stays live over the stream
// the shell keeps open (inbox-stream.ts).
import { useState } from 'react';
import { useLocation } from 'wouter';
import { INBOX_TABS, type InboxTab } from '../../../shared/api/conversations.ts';
import { Button, Input } from '../app/ui.tsx';
import { useSession } from '../queries.ts';
import { useDebounced } from './groups-api.ts';
import { BotContactView, ConversationView } from './InboxConversation.tsx';
import { InboxList } from './InboxList.tsx';
import { ContactPanel } from './InboxSidePanel.tsx';
import { type ConversationItem, useConversationPages, useInboxCounts } from './inbox-api.ts';
import { useInboxKeys } from './inbox-keys.ts';
import { inboxMessages } from './inbox-messages.ts';
import { notificationsOn, setNotifications } from './inbox-stream.ts';

const TAB_KEY = 'wefunnel.inbox.tab';

function useTab(): [InboxTab, (tab: InboxTab) => void] {
  const [tab, setTab] = useState<InboxTab>(() => {
    const saved = localStorage.getItem(TAB_KEY);
    return INBOX_TABS.includes(saved as InboxTab) ? (saved as InboxTab) : 'mine';
  });
  return [
    tab,
    (next) => {
      localStorage.setItem(TAB_KEY, next);
      setTab(next);
    },
  ];
}

export function InboxScreen({ id }: { id?: string }) {
  const t = inboxMessages.useT();
  const [, navigate] = useLocation();
  const [tab, setTab] = useTab();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim());
  const pages = useConversationPages(tab, query);
  // A contact the bot is talking with who has no conversation yet opens without an id.
  const [botContact, setBotContact] = useState<ConversationItem['contact'] | null>(null);
  const selected = id ?? null;

  const pick = (item: ConversationItem) => {
    if (item.id) {
      setBotContact(null);
      navigate(`/inbox/${item.id}`);
    } else {
      setBotContact(item.contact);
      navigate('/inbox');
    }
  };
  const move = (step: 1 | -1) => {
    const at = pages.items.findIndex((i) => (selected ? i.id === selected : i.contact.id === botContact?.id));
    const next = pages.items[Math.max(0, Math.min(pages.items.length - 1, at + step))];
    if (next) pick(next);
  };
  useInboxKeys({ j: () => move(1), k: () => move(-1) });

  const contactId = botContact?.id;
  return (
    <div className="flex h-dvh min-h-0">
      <section className="flex w-[340px] shrink-0 flex-col border-r border-slate-200 bg-white">
        <div className="flex items-center justify-between gap-2 px-4 pt-4 pb-2">
          <h1 className="text-lg font-semibold text-slate-900">{t('title')}</h1>
          <NotifyToggle />
        </div>
        <Tabs tab={tab} onChange={setTab} />
        <div className="px-3 py-2">
          <Input
            type="search"
            size="small"
            className="w-full"
            placeholder={t('search')}
            aria-label={t('search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            data-testid="inbox-search"
          />
        </div>
        <InboxList
          tab={tab}
          query={query}
          pages={pages}
          selectedId={selected}
          botContactId={contactId}
          onPick={pick}
        />
      </section>
      <section className="flex min-w-0 flex-1 flex-col bg-slate-50">
        {selected ? (
          <ConversationView key={selected} id={selected} />
        ) : botContact ? (
          <BotContactView key={botContact.id} contact={botContact} />
        ) : (
          <div className="flex flex-1 flex-col items-center justify-center px-6 text-center">
            <p className="font-medium text-slate-700">{t('pickTitle')}</p>
            <p className="mt-1 max-w-sm text-sm text-slate-500">{t('pickHint')}</p>
          </div>
        )}
      </section>
      {(selected || botContact) && <ContactPanelFor id={selected} contactId={contactId} />}
    </div>
  );
}

/** The side panel of the open conversation (its contact comes with it) or of a contact the bot has. */
function ContactPanelFor({ id, contactId }: { id: string | null; contactId: string | undefined }) {
  return (
    <aside className="hidden w-[300px] shrink-0 overflow-y-auto border-l border-slate-200 bg-white lg:block">
      <ContactPanel conversationId={id} contactId={contactId} />
    </aside>
  );
}

function Tabs({ tab, onChange }: { tab: InboxTab; onChange: (tab: InboxTab) => void }) {
  const t = inboxMessages.useT();
  const session = useSession().data;
  const counts = useInboxCounts(Boolean(session)).data;
  const count: Partial<Record<InboxTab, number>> = { mine: counts?.mine, unassigned: counts?.unassigned };
  return (
    <div role="tablist" aria-label={t('title')} className="flex gap-0.5 border-b border-slate-200 px-2">
      {INBOX_TABS.map((key) => (
        <button
          key={key}
          type="button"
          role="tab"
          aria-selected={key === tab}
          onClick={() => onChange(key)}
          data-testid={`inbox-tab-${key}`}
          className={`-mb-px flex items-center gap-1 whitespace-nowrap border-b-2 px-2 py-2 text-xs font-medium ${
            key === tab
              ? 'border-emerald-600 text-emerald-700'
              : 'border-transparent text-slate-500 hover:text-slate-800'
          }`}
        >
          {t(`tab_${key}`)}
          {count[key] ? (
            <span className="rounded-full bg-slate-100 px-1.5 text-[10px] tabular-nums text-slate-600">
              {count[key]}
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
}

function NotifyToggle() {
  const t = inboxMessages.useT();
  const [on, setOn] = useState(notificationsOn);
  const supported = typeof Notification !== 'undefined';
  const denied = supported && Notification.permission === 'denied';
  const toggle = async () => {
    if (on) {
      setNotifications(false);
      setOn(false);
      return;
    }
    const permission =
      Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    setNotifications(permission === 'granted');
    setOn(permission === 'granted');
  };
  return (
    <Button
      variant={on ? 'active' : 'ghost'}
      size="small"
      aria-pressed={on}
      disabled={!supported || denied}
      title={!supported ? t('notifyUnsupported') : denied ? t('notifyDenied') : t('notifyHint')}
      onClick={toggle}
      data-testid="notify-toggle"
      icon={BELL}
    >
      {on ? t('notifyOn') : t('notifyOff')}
    </Button>
  );
}

const BELL = 'M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.9 1.9 0 0 0 3.4 0';
