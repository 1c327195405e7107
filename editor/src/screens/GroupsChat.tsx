// A group's chat, newest first: who said what and when (members, the bot, the operator on the phone),
// searchable by any substring (Chinese too), older pages on demand.
import { useState } from 'react';
import { Highlight } from '../app/Highlight.tsx';
import { kindLabel } from '../app/message-kinds.ts';
import { Button, Card, Empty, ErrorNote, Input } from '../app/ui.tsx';
import { useLang } from '../i18n.ts';
import { type RoomMessage, useDebounced, useRoomChat } from './groups-api.ts';
import { groupsMessages } from './groups-messages.ts';

export function GroupChat({ roomId }: { roomId: string }) {
  const t = groupsMessages.useT();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim());
  const chat = useRoomChat(roomId, query);
  return (
    <div>
      <Input
        type="search"
        placeholder={t('searchChat')}
        aria-label={t('searchChat')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        className="mb-3 w-72"
        data-testid="chat-search"
      />
      <ErrorNote error={chat.error} />
      <Card className="overflow-hidden">
        {chat.isPending ? (
          <div className="h-40 animate-pulse bg-slate-50" />
        ) : chat.items.length === 0 ? (
          query ? (
            <Empty title={t('noChatFound', { q: query })} />
          ) : (
            <Empty title={t('noChat')} hint={t('noChatHint')} />
          )
        ) : (
          <ol className="divide-y divide-slate-100">
            {chat.items.map((m) => (
              <ChatLine key={m.id} message={m} query={query} />
            ))}
          </ol>
        )}
      </Card>
      {chat.hasNextPage && (
        <div className="mt-4 text-center">
          <Button onClick={() => chat.fetchNextPage()} disabled={chat.isFetchingNextPage}>
            {t('older')}
          </Button>
        </div>
      )}
    </div>
  );
}

function ChatLine({ message: m, query }: { message: RoomMessage; query: string }) {
  const t = groupsMessages.useT();
  const { lang } = useLang();
  const speaker =
    m.direction === 'in'
      ? m.name || '—'
      : t(m.author === 'operator' ? 'operator' : m.author === 'agent' ? 'agent' : 'bot');
  const placeholder = m.text ? null : kindLabel(m.kind, lang);
  return (
    <li className="flex gap-3 px-4 py-2.5 text-sm" data-testid="chat-line" data-direction={m.direction}>
      <div className="w-32 shrink-0 truncate font-medium text-slate-800" title={speaker}>
        <span className={m.direction === 'out' ? 'text-emerald-700' : ''}>{speaker}</span>
      </div>
      <div className="min-w-0 flex-1 whitespace-pre-wrap break-words text-slate-700">
        {m.mentioned && <span className="text-sky-700">@{m.mentioned.name} </span>}
        {placeholder ? (
          <span className="text-slate-400">{placeholder}</span>
        ) : (
          <Highlight text={m.text} query={query} />
        )}
      </div>
      <time
        className="shrink-0 text-xs text-slate-400"
        dateTime={m.at}
        title={new Date(m.at).toLocaleString(lang)}
      >
        {new Date(m.at).toLocaleString(lang, {
          month: 'numeric',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
        })}
      </time>
    </li>
  );
}
