// A conversation's transcript: the contact's messages on the left, what the bot, an agent or the
// operator on the phone sent on the right under a small label (with its delivery, and its quality
// flag), internal notes as yellow cards, and what happened — flow steps, tags, coupons, goals,
// assignments, snoozes — as small grey lines between them, all in time order.
import { type ReactNode, useEffect, useRef } from 'react';
import { OPENED_BY } from '../../../shared/api/conversations.ts';
import { type Locale, localize } from '../../../shared/i18n.ts';
import { nodeRegistry } from '../../../shared/nodes/index.ts';
import { useMessageText } from '../app/message-kinds.ts';
import { useWorkspaceTime } from '../app/workspace-time.ts';
import { hasCard, MediaCard } from '../flow-editor/simulator/MediaCard.tsx';
import { useLang } from '../i18n.ts';
import { ReviewActions, ReviewFlag } from './InboxReview.tsx';
import type { ConversationDetail, ConversationMessage } from './inbox-api.ts';
import { inboxMessages } from './inbox-messages.ts';
import { clockTime } from './inbox-time.ts';

type T = ReturnType<typeof inboxMessages.useT>;
type Event = ConversationDetail['events'][number];
type Note = ConversationDetail['notes'][number];
type Entry =
  | { type: 'message'; at: string; message: ConversationMessage }
  | { type: 'note'; at: string; note: Note }
  | { type: 'event'; at: string; event: Event };

const str = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const nameOf = (value: unknown) => str((value as { name?: unknown } | null)?.name);

/** A node as the reader's language names its type (the server's `nodeLabel` is English). */
function nodeName(params: Event['params'], lang: Locale): string {
  const definition = nodeRegistry.get(str(params.nodeType));
  return definition ? localize(definition.label, lang) : str(params.nodeLabel) || str(params.nodeId);
}

/** Each kind of event as one line (a kind is a table entry; an unknown kind shows as itself). */
const EVENT_TEXT: Record<string, (e: Event, t: T, time: (iso: string) => string, lang: Locale) => string> = {
  node: (e, t, _time, lang) => t('ev_node', { node: nodeName(e.params, lang), flow: str(e.params.flowName) }),
  tag: (e, t) => t('ev_tag', { tag: str(e.params.tag) }),
  coupon: (e, t) => t('ev_coupon', { code: str(e.params.code) }),
  goal: (e, t) => t('ev_goal', { goal: str(e.params.goal) }),
  assigned: (e, t) =>
    nameOf(e.params.to) ? t('ev_assigned', { name: nameOf(e.params.to) }) : t('ev_unassigned'),
  snoozed: (e, t, time) => t('ev_snoozed', { time: time(str(e.params.until)) }),
  opened: (e, t) => {
    const by = OPENED_BY.find((b) => b === e.params.by);
    return by ? t(`ev_opened_${by}`) : t('ev_opened');
  },
  reopened: (_e, t) => t('ev_reopened'),
  closed: (_e, t) => t('ev_closed'),
  bot_paused: (_e, t) => t('ev_bot_paused'),
  bot_resumed: (_e, t) => t('ev_bot_resumed'),
};

export function entriesOf(c: Pick<ConversationDetail, 'messages' | 'notes' | 'events'>): Entry[] {
  const entries: Entry[] = [
    ...c.messages.map((message) => ({ type: 'message' as const, at: message.at, message })),
    ...c.notes.map((note) => ({ type: 'note' as const, at: note.at, note })),
    ...c.events.map((event) => ({ type: 'event' as const, at: event.at, event })),
  ];
  // Stable: at the same instant a message stays before the note or event it caused.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export function Timeline(props: {
  conversation: Pick<ConversationDetail, 'id' | 'messages' | 'notes' | 'events'>;
  /** Whether messages can be flagged (agents and above, on a conversation). */
  canReview: boolean;
  children?: ReactNode;
}) {
  const t = inboxMessages.useT();
  const entries = entriesOf(props.conversation);
  const scroller = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new entry is what scrolls
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = scroller.current.scrollHeight;
  }, [entries.length]);
  return (
    <div
      ref={scroller}
      className="min-h-0 flex-1 space-y-3 overflow-y-auto px-6 py-4"
      data-testid="conv-timeline"
    >
      {entries.length === 0 && <p className="pt-8 text-center text-sm text-slate-400">{t('noMessages')}</p>}
      {entries.map((entry, n) =>
        entry.type === 'message' ? (
          <Message
            key={`m${entry.message.id ?? `o${entry.message.outboxId}`}`}
            message={entry.message}
            conversationId={props.conversation.id}
            canReview={props.canReview}
          />
        ) : entry.type === 'note' ? (
          <NoteCard key={`n${entry.note.id}`} note={entry.note} />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; the timeline only grows
          <EventLine key={`e${n}`} event={entry.event} />
        ),
      )}
      {props.children}
    </div>
  );
}

function EventLine({ event }: { event: Event }) {
  const t = inboxMessages.useT();
  const time = useWorkspaceTime();
  const { lang } = useLang();
  const text = EVENT_TEXT[event.kind]?.(event, t, time.format, lang) ?? event.kind;
  return (
    <div
      className="flex justify-center"
      data-testid="conv-event"
      data-kind={event.kind}
      title={time.format(event.at)}
    >
      <span className="max-w-[80%] rounded-full px-2 text-center text-xs text-slate-400">
        {event.actor && <span className="text-slate-500">{event.actor.name} · </span>}
        {text}
      </span>
    </div>
  );
}

function NoteCard({ note }: { note: Note }) {
  const t = inboxMessages.useT();
  const { lang } = useLang();
  const time = useWorkspaceTime();
  return (
    <div
      className="mx-auto max-w-[80%] rounded-lg bg-amber-50 px-3 py-2 ring-1 ring-amber-200"
      data-testid="conv-note"
      title={time.format(note.at)}
    >
      <div className="mb-0.5 text-[11px] font-medium text-amber-700">
        {t('noteBy', { name: note.author?.name ?? t('someone') })} · {clockTime(note.at, lang, time.zone)}
      </div>
      <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{note.text}</p>
    </div>
  );
}

const DELIVERY_TONE = {
  pending: 'text-slate-400',
  sending: 'text-slate-400',
  sent: 'text-emerald-600',
  failed: 'text-red-600',
  unknown: 'text-amber-600',
} as const;

function Message(props: { message: ConversationMessage; conversationId: string; canReview: boolean }) {
  const t = inboxMessages.useT();
  const { lang } = useLang();
  const time = useWorkspaceTime();
  const messageText = useMessageText();
  const m = props.message;
  const mine = m.direction === 'out';
  const card = hasCard(m.media) ? m.media : null;
  const text = card && !m.text ? null : messageText(m);
  const label =
    m.author === 'bot'
      ? t('bot')
      : m.author === 'operator'
        ? t('operator')
        : m.author === 'agent'
          ? (m.authorName ?? t('agent'))
          : null;
  return (
    <div
      className={`group flex flex-col gap-1 ${mine ? 'items-end' : 'items-start'}`}
      data-testid="conv-message"
      data-author={m.author}
      title={time.format(m.at)}
    >
      {label && <span className="px-1 text-[11px] text-slate-400">{label}</span>}
      <div className={`flex max-w-[75%] items-start gap-1 ${mine ? 'flex-row-reverse' : ''}`}>
        <div className={`flex min-w-0 flex-col gap-1.5 ${mine ? 'items-end' : 'items-start'}`}>
          {text !== null && (
            <div
              className={`whitespace-pre-wrap break-words rounded-lg px-3 py-2 text-sm shadow-sm ${
                mine ? (m.author === 'bot' ? 'bg-sky-100' : 'bg-[#95ec69]') : 'bg-white'
              } ${text !== m.text ? 'italic text-slate-500' : 'text-slate-900'}`}
            >
              {text}
            </div>
          )}
          {card && <MediaCard media={card} />}
        </div>
        {mine && m.id !== null && props.canReview && (
          <ReviewActions conversationId={props.conversationId} message={m} />
        )}
      </div>
      <div className="flex items-center gap-2 px-1 text-[11px] text-slate-400">
        <time dateTime={m.at}>{clockTime(m.at, lang, time.zone)}</time>
        {m.author === 'agent' && m.delivery && (
          <span
            className={DELIVERY_TONE[m.delivery]}
            title={t(`deliveryHint_${m.delivery}`)}
            data-testid="conv-delivery"
            data-delivery={m.delivery}
          >
            {t(`delivery_${m.delivery}`)}
          </span>
        )}
        {m.review && <ReviewFlag review={m.review} />}
      </div>
    </div>
  );
}
