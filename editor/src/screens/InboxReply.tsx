// The reply box: Enter sends (through the outbox, from the contact's bot account), Shift+Enter starts
// a new line, the Note toggle writes an internal note instead, and `/` at the start picks a saved
// reply (arrows and Enter; `{{contact.name}}` filled in here). `r` puts the cursor in it. Viewers
// read only.
import { type KeyboardEvent, useRef, useState } from 'react';
import { Button, ErrorNote, fieldClass } from '../app/ui.tsx';
import { useSession } from '../queries.ts';
import { SavedRepliesDialog } from './InboxSavedReplies.tsx';
import { type ConversationDetail, type SavedReply, useNote, useReply, useSavedReplies } from './inbox-api.ts';
import { useInboxKeys } from './inbox-keys.ts';
import { inboxMessages } from './inbox-messages.ts';

/** A saved reply's text for this contact: `{{contact.name}}` becomes their name, the rest stays. */
export const renderSavedReply = (text: string, contact: { name: string }) =>
  text.replace(/\{\{\s*contact\.name\s*\}\}/g, contact.name);

/** What follows `/` while the draft is only `/word`; null when the picker is not asked for. */
const pickerFilter = (draft: string) => (/^\/\S*$/.test(draft) ? draft.slice(1).toLowerCase() : null);

/** Saved replies whose shortcut starts with the filter first, then those that mention it. */
function matching(replies: SavedReply[], filter: string): SavedReply[] {
  const starts = replies.filter((r) => r.shortcut.toLowerCase().startsWith(filter));
  const mentions = replies.filter(
    (r) =>
      !starts.includes(r) &&
      (r.shortcut.toLowerCase().includes(filter) || r.text.toLowerCase().includes(filter)),
  );
  return [...starts, ...mentions].slice(0, 8);
}

export function ReplyBox({
  conversation: c,
  canReply,
}: {
  conversation: ConversationDetail;
  canReply: boolean;
}) {
  const t = inboxMessages.useT();
  const session = useSession().data;
  const reply = useReply(c.id, { name: session?.user?.name || session?.user?.email || '' });
  const note = useNote(c.id);
  const saved = useSavedReplies();
  const [draft, setDraft] = useState('');
  const [noteMode, setNoteMode] = useState(false);
  const [managing, setManaging] = useState(false);
  const [pick, setPick] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  useInboxKeys({ r: canReply ? () => input.current?.focus() : undefined });

  const filter = canReply && !dismissed ? pickerFilter(draft) : null;
  const options = filter === null ? [] : matching(saved.data ?? [], filter);
  const mutation = noteMode ? note : reply;

  const change = (text: string) => {
    setDraft(text);
    setPick(0);
    if (pickerFilter(text) === null) setDismissed(false);
  };
  const insert = (r: SavedReply) => {
    change(renderSavedReply(r.text, c.contact));
    input.current?.focus();
  };
  const send = () => {
    const text = draft;
    if (!text.trim() || mutation.isPending) return;
    mutation.mutate(text.trim(), { onSuccess: () => setDraft((now) => (now === text ? '' : now)) });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // A Chinese input method confirms its candidate with Enter: that Enter is the IME's.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (filter !== null && options.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setPick((pick + step + options.length) % options.length);
        return;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey) {
        e.preventDefault();
        const chosen = options[Math.min(pick, options.length - 1)];
        if (chosen) insert(chosen);
        return;
      }
    }
    if (filter !== null && e.key === 'Escape') {
      e.preventDefault();
      setDismissed(true);
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      send();
    }
  };

  return (
    <div
      className={`relative border-t px-4 py-3 ${noteMode ? 'border-amber-200 bg-amber-50' : 'border-slate-200 bg-white'}`}
    >
      {filter !== null && (
        <div
          role="listbox"
          aria-label={t('savedReplies')}
          className="absolute right-4 bottom-full left-4 mb-1 max-h-64 overflow-y-auto rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200"
        >
          {options.length === 0 ? (
            <p className="px-3 py-2 text-xs text-slate-500">
              {saved.data?.length ? t('noSavedMatch') : t('noSavedReplies')}
            </p>
          ) : (
            options.map((r, n) => (
              <div
                key={r.id}
                role="option"
                tabIndex={-1}
                aria-selected={n === pick}
                className={`cursor-pointer rounded-md px-3 py-1.5 text-sm ${n === pick ? 'bg-emerald-50' : 'hover:bg-slate-50'}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  insert(r);
                }}
                data-testid="saved-reply-option"
                data-shortcut={r.shortcut}
              >
                <span className="font-mono text-xs text-emerald-700">/{r.shortcut}</span>
                <span className="ml-2 text-slate-600">{renderSavedReply(r.text, c.contact)}</span>
              </div>
            ))
          )}
        </div>
      )}
      <textarea
        ref={input}
        rows={3}
        className={`${fieldClass()} block w-full resize-none ${noteMode ? 'bg-amber-50' : ''}`}
        placeholder={canReply ? t(noteMode ? 'notePlaceholder' : 'replyPlaceholder') : t('viewerCantReply')}
        aria-label={t(noteMode ? 'notePlaceholder' : 'replyPlaceholder')}
        value={draft}
        disabled={!canReply}
        onChange={(e) => change(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="reply-input"
      />
      <ErrorNote error={mutation.error} />
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Button
          size="small"
          variant={noteMode ? 'active' : 'ghost'}
          aria-pressed={noteMode}
          disabled={!canReply}
          onClick={() => setNoteMode(!noteMode)}
          title={t('noteHint')}
          data-testid="reply-note-toggle"
        >
          {t('note')}
        </Button>
        <Button size="small" variant="ghost" disabled={!canReply} onClick={() => setManaging(true)}>
          {t('manageSaved')}
        </Button>
        <span className="hidden flex-1 text-right text-[11px] text-slate-400 xl:block">{t('keysHint')}</span>
        <span className="flex-1 xl:hidden" />
        <Button
          variant="primary"
          disabled={!canReply || !draft.trim() || mutation.isPending}
          onClick={send}
          data-testid="reply-send"
        >
          {t(noteMode ? 'addNote' : 'send')}
        </Button>
      </div>
      {managing && <SavedRepliesDialog onClose={() => setManaging(false)} />}
    </div>
  );
}
