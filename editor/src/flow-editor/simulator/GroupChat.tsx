// A sandbox group's chat as WeChat shows one: each line under its speaker's name, the selected test
// contact's on the right in green, everyone else's (other members, the bot) on the left in white,
// @-mentions in blue, the newest at the bottom (kept in view while the reader is there).
import { type ReactNode, useEffect, useRef } from 'react';
import { useMessageText } from '../../app/message-kinds.ts';
import { useErrorText } from '../../error-text.ts';
import { useT } from './messages.ts';
import { type RoomMessage, useRoomChat } from './rooms-api.ts';

/** `@name` as WeChat writes a mention (ended by a quarter-em space), or an `@word`. */
const MENTION = /@[^@\s\u2005]{1,30}?\u2005|@[^@\s\u2005]+/g;

function withMentions(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(
      <span key={match.index} className="text-sky-700">
        {match[0]}
      </span>,
    );
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

export function GroupChat(props: {
  roomId: string;
  contactId: string;
  botName: string;
  /** What the contact is saying now, before the server has it. */
  pending: string | null;
}) {
  const { roomId, contactId, botName, pending } = props;
  const t = useT();
  const errorText = useErrorText();
  const chat = useRoomChat(roomId);
  const scroller = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  const lines = chat.data ?? [];
  const last = lines.at(-1)?.id;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new line (or the one being sent) scrolls
  useEffect(() => {
    if (scroller.current && atEnd.current) scroller.current.scrollTop = scroller.current.scrollHeight;
  }, [last, pending]);

  return (
    <div
      ref={scroller}
      className="min-h-64 flex-1 space-y-2.5 overflow-y-auto bg-[#ededed] px-3 py-3"
      data-testid="sim-room-chat"
      onScroll={(event) => {
        const { scrollHeight, scrollTop, clientHeight } = event.currentTarget;
        atEnd.current = scrollHeight - scrollTop - clientHeight < 48;
      }}
    >
      {chat.error && (
        <p className="text-center text-xs text-rose-600" role="alert">
          {errorText(chat.error)}
        </p>
      )}
      {chat.data && lines.length === 0 && !pending && (
        <p className="pt-8 text-center text-xs text-slate-400">{t('groupEmptyChat')}</p>
      )}
      {lines.map((line) => (
        <GroupLine key={line.id} line={line} mine={line.contactId === contactId} botName={botName} />
      ))}
      {pending && (
        <div className="flex flex-col items-end opacity-60">
          <div className={`${bubble} bg-[#95ec69]`}>{withMentions(pending)}</div>
        </div>
      )}
    </div>
  );
}

const bubble =
  'max-w-[78%] whitespace-pre-wrap break-words rounded-md px-3 py-2 text-sm text-slate-900 shadow-sm';

function GroupLine({ line, mine, botName }: { line: RoomMessage; mine: boolean; botName: string }) {
  const t = useT();
  const messageText = useMessageText();
  const fromBot = line.direction === 'out';
  const speaker = !fromBot
    ? line.name || '—'
    : line.author === 'agent'
      ? t('agent')
      : line.author === 'operator'
        ? t('operator')
        : botName;
  const text = messageText(line);
  const placeholder = text !== line.text;
  return (
    <div
      className={`flex flex-col gap-0.5 ${mine ? 'items-end' : 'items-start'}`}
      data-testid="sim-room-message"
      data-from={fromBot ? 'bot' : 'contact'}
    >
      <span
        className={`max-w-[78%] truncate px-1 text-[11px] ${fromBot ? 'text-emerald-700' : 'text-slate-500'}`}
      >
        {speaker}
      </span>
      <div
        className={`${bubble} ${mine ? 'bg-[#95ec69]' : 'bg-white'} ${placeholder ? 'italic text-slate-500' : ''}`}
      >
        {line.mentioned && <span className="text-sky-700">@{line.mentioned.name} </span>}
        {placeholder ? text : withMentions(text)}
      </div>
    </div>
  );
}
