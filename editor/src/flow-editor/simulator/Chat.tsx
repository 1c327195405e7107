// The conversation with one sandbox contact: the transcript as bubbles (then any message the bot could
// not confirm as delivered), and the contact's composer. Typed text survives a failed send; it is
// cleared only once the runtime has taken the message. The chat takes the height the panel leaves.
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '../../app/ui.tsx';
import { useErrorText } from '../../error-text.ts';
import { UndeliveredMessages } from '../../screens/Undelivered.tsx';
import { Bubble } from './Bubble.tsx';
import { useT } from './messages.ts';
import { type useSimActions, useTranscript } from './sandboxApi.ts';

export function Chat({
  contactId,
  send,
}: {
  contactId: string;
  send: ReturnType<typeof useSimActions>['send'];
}) {
  const t = useT();
  const errorText = useErrorText();
  const transcript = useTranscript(contactId);
  // The private chat: what was said in groups is the group tab's.
  const entries = useMemo(() => transcript.data?.filter((m) => !m.roomId), [transcript.data]);
  const [draft, setDraft] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  const pending = send.isPending ? send.variables : null;
  const count = (entries?.length ?? 0) + (pending ? 1 : 0);

  // The end stays in view while the reader is there, also when an image loads after the scroll.
  const atEnd = useRef(true);
  const toEnd = () => {
    if (scroller.current) scroller.current.scrollTop = scroller.current.scrollHeight;
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new message is what scrolls
  useEffect(() => {
    if (count) toEnd();
  }, [count]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = draft;
    if (!text.trim() || send.isPending) return;
    send.mutate(text, { onSuccess: () => setDraft((current) => (current === text ? '' : current)) });
  };

  return (
    <>
      <div
        ref={scroller}
        className="min-h-64 flex-1 space-y-2 overflow-y-auto bg-[#ededed] px-3 py-3"
        data-testid="sim-chat"
        onScroll={(event) => {
          const { scrollHeight, scrollTop, clientHeight } = event.currentTarget;
          atEnd.current = scrollHeight - scrollTop - clientHeight < 48;
        }}
      >
        {transcript.error && (
          <p className="text-center text-xs text-rose-600" role="alert">
            {errorText(transcript.error)}
          </p>
        )}
        {entries?.length === 0 && !pending && (
          <p className="pt-8 text-center text-xs text-slate-400">{t('emptyChat')}</p>
        )}
        {entries?.map((m, i) => (
          <Bubble
            // biome-ignore lint/suspicious/noArrayIndexKey: the transcript only grows, so a position names one message
            key={i}
            direction={m.direction}
            text={m.text}
            kind={m.kind}
            media={m.media}
            nodeId={m.nodeId}
            onMediaLoad={() => atEnd.current && toEnd()}
          />
        ))}
        {pending && <Bubble direction="in" text={pending} pending />}
        <UndeliveredMessages contactId={contactId} side="left" />
      </div>
      <form
        className="flex items-center gap-2 border-t border-slate-200 bg-[#f7f7f7] px-3 py-2"
        onSubmit={submit}
      >
        <input
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-emerald-500 focus:outline-none"
          placeholder={t('typeMessage')}
          aria-label={t('typeMessage')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="sim-input"
        />
        <Button
          type="submit"
          variant="primary"
          disabled={send.isPending || !draft.trim()}
          data-testid="sim-send"
        >
          {send.isPending ? t('sending') : t('send')}
        </Button>
      </form>
      {send.error && (
        <p className="bg-[#f7f7f7] px-3 pb-2 text-xs text-rose-600" role="alert" data-testid="sim-error">
          {errorText(send.error)}
        </p>
      )}
    </>
  );
}
