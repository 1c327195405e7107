// The group tab's conversation: the group's chat, and a compose bar to speak in it as the contact,
// @-mentioning the bot or not.
import { type FormEvent, useState } from 'react';
import { Button } from '../../app/ui.tsx';
import { GroupChat } from './GroupChat.tsx';
import type { Actions, Done } from './group-outcome.ts';
import { useT } from './messages.ts';
import { type RoomItem, useRoomMembers } from './rooms-api.ts';

export function RoomConversation(props: {
  room: RoomItem;
  contactId: string;
  say: Actions['say'];
  done: Done;
}) {
  const { room, contactId, say, done } = props;
  const t = useT();
  const members = useRoomMembers(room.id);
  const isIn = members.data?.items.some((m) => m.contactId === contactId);
  const [draft, setDraft] = useState('');
  const [mention, setMention] = useState(true);
  const pending = say.isPending && say.variables.roomId === room.id ? say.variables : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = draft;
    if (!text.trim() || say.isPending) return;
    done.begin();
    say.mutate(
      { roomId: room.id, text, mentionsBot: mention },
      {
        onSuccess: (body) => {
          setDraft((current) => (current === text ? '' : current));
          done.onSuccess(body);
        },
        onError: done.onError,
      },
    );
  };

  return (
    <>
      <GroupChat
        roomId={room.id}
        contactId={contactId}
        botName={room.botAccountName || t('bot')}
        pending={
          pending &&
          (pending.mentionsBot ? `@${room.botAccountName || t('bot')}\u2005${pending.text}` : pending.text)
        }
      />
      <form
        className="flex items-center gap-2 border-t border-slate-200 bg-[#f7f7f7] px-3 py-2"
        onSubmit={submit}
      >
        <input
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-emerald-500 focus:outline-none"
          placeholder={isIn === false ? t('joinToSay') : t('groupSay')}
          aria-label={t('groupSay')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="sim-room-input"
        />
        <label
          className="flex shrink-0 cursor-pointer select-none items-center gap-1 text-xs text-slate-600"
          title={t('mentionBotHint')}
        >
          <input
            type="checkbox"
            className="size-3.5 accent-emerald-600"
            checked={mention}
            onChange={(e) => setMention(e.target.checked)}
            data-testid="sim-room-mention"
          />
          {t('mentionBot')}
        </label>
        <Button
          type="submit"
          variant="primary"
          disabled={say.isPending || !draft.trim()}
          data-testid="sim-room-send"
        >
          {say.isPending ? t('sending') : t('send')}
        </Button>
      </form>
    </>
  );
}
