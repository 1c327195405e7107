// The simulator's group tab: the selected test contact in the sandbox's groups. Pick a group (or
// create one), see who is in it and how full it is, join it by QR code or leave it, accept the bot's
// invitation, and speak in it (@-mentioning the bot or not) — through the real runtime, so group
// triggers, welcomes and the contact's `invite_room` wait answer as they would in WeChat.
import { type FormEvent, useState } from 'react';
import { Button, Select } from '../../app/ui.tsx';
import { useErrorText } from '../../error-text.ts';
import { GroupChat } from './GroupChat.tsx';
import { useT } from './messages.ts';
import {
  type RoomItem,
  type RoomReplies,
  useRoomActions,
  useRoomMembers,
  useSandboxRooms,
} from './rooms-api.ts';
import { type SimContact, useTranscript } from './sandboxApi.ts';

const field =
  'min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-emerald-500 focus:outline-none';

type Actions = ReturnType<typeof useRoomActions>;
/** What the last action left to say: its error, or how many lines the bot wrote in private. */
type Outcome = { error: unknown } | { privately: number } | null;
/** An action's start (the last outcome goes) and its end. */
type Done = {
  begin: () => void;
  onSuccess: (body: RoomReplies) => void;
  onError: (error: unknown) => void;
};

export function GroupTab(props: {
  contact: SimContact;
  /** The group the tester picked (kept across contacts); null: none yet. */
  pickedRoomId: string | null;
  onPickRoom: (roomId: string) => void;
  onShowChat: () => void;
}) {
  const { contact, pickedRoomId, onPickRoom } = props;
  const rooms = useSandboxRooms();
  const transcript = useTranscript(contact.id);
  const actions = useRoomActions(contact.id);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const items = rooms.items ?? [];
  // The picked group, else the one the contact last heard from, else the first.
  const lastHeard = transcript.data?.findLast((m) => m.roomId)?.roomId;
  const room =
    items.find((r) => r.id === pickedRoomId) ?? items.find((r) => r.id === lastHeard) ?? items[0] ?? null;

  const done: Done = {
    begin: () => setOutcome(null),
    onSuccess: ({ replies }: RoomReplies) => {
      const privately = replies.filter((r) => !r.roomId).length;
      setOutcome(privately ? { privately } : null);
    },
    onError: (error: unknown) => setOutcome({ error }),
  };

  return (
    <>
      <RoomPicker
        rooms={rooms.items}
        room={room}
        error={rooms.error}
        create={actions.create}
        onPick={(id) => {
          setOutcome(null);
          onPickRoom(id);
        }}
      />
      <RoomControls
        key={room?.id ?? ''}
        contact={contact}
        room={room}
        actions={actions}
        outcome={outcome}
        done={done}
        onAccepted={(roomId) => onPickRoom(roomId)}
        onShowChat={props.onShowChat}
      />
    </>
  );
}

function RoomPicker(props: {
  rooms: RoomItem[] | undefined;
  room: RoomItem | null;
  error: unknown;
  create: Actions['create'];
  onPick: (roomId: string) => void;
}) {
  const { rooms, room, create, onPick } = props;
  const t = useT();
  const errorText = useErrorText();
  const [adding, setAdding] = useState(false);
  const [topic, setTopic] = useState('');
  const none = rooms !== undefined && rooms.length === 0;
  const showForm = adding || none;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!topic.trim()) return;
    create.mutate(topic.trim(), {
      onSuccess: ({ id }) => {
        setTopic('');
        setAdding(false);
        onPick(id);
      },
    });
  };

  return (
    <section className="space-y-2 border-b border-slate-200 px-4 py-2">
      <div className="flex items-center gap-2">
        <Select
          size="compact"
          className="min-w-0 flex-1"
          aria-label={t('group')}
          value={room?.id ?? ''}
          onChange={(e) => onPick(e.target.value)}
          disabled={!rooms?.length}
          data-testid="sim-room-select"
        >
          {!rooms?.length && <option value="">{none ? t('noGroups') : '…'}</option>}
          {rooms?.map((r) => (
            <option key={r.id} value={r.id}>
              {t('groupOption', { topic: r.topic, count: r.memberCount, capacity: r.capacity })}
            </option>
          ))}
        </Select>
        {!none && (
          <Button
            size="icon"
            title={t('newGroup')}
            aria-label={t('newGroup')}
            aria-expanded={adding}
            onClick={() => setAdding(!adding)}
            data-testid="sim-room-add"
          >
            +
          </Button>
        )}
      </div>
      {showForm && (
        <form className="flex items-center gap-2" onSubmit={submit}>
          <input
            className={field}
            placeholder={t('groupTopic')}
            aria-label={t('groupTopic')}
            value={topic}
            maxLength={100}
            onChange={(e) => setTopic(e.target.value)}
            data-testid="sim-room-topic"
          />
          <Button
            type="submit"
            variant="primary"
            size="compact"
            disabled={create.isPending || !topic.trim()}
            data-testid="sim-room-create"
          >
            {t('create')}
          </Button>
        </form>
      )}
      {none && !adding && <p className="text-xs text-slate-500">{t('groupsHint')}</p>}
      {Boolean(create.error || props.error) && (
        <p className="text-xs text-rose-600" role="alert">
          {errorText(create.error ?? props.error)}
        </p>
      )}
    </section>
  );
}

function RoomControls(props: {
  contact: SimContact;
  room: RoomItem | null;
  actions: Actions;
  outcome: Outcome;
  done: Done;
  onAccepted: (roomId: string) => void;
  onShowChat: () => void;
}) {
  const { contact, room, actions, outcome, done } = props;
  const t = useT();
  const errorText = useErrorText();
  const busy =
    actions.join.isPending ||
    actions.leave.isPending ||
    actions.acceptInvite.isPending ||
    actions.say.isPending;

  const accept = () => {
    done.begin();
    actions.acceptInvite.mutate(undefined, {
      onSuccess: (body) => {
        props.onAccepted(body.roomId);
        done.onSuccess(body);
      },
      onError: done.onError,
    });
  };

  return (
    <>
      <section className="space-y-1.5 border-b border-slate-200 px-4 py-2 text-xs text-slate-600">
        {room && <RoomFacts room={room} contactId={contact.id} />}
        <div className="flex flex-wrap items-center gap-1.5">
          {room && (
            <MemberButton room={room} contactId={contact.id} actions={actions} busy={busy} done={done} />
          )}
          <Button
            size="small"
            className="ml-auto"
            title={t('acceptInviteHint')}
            disabled={busy}
            onClick={accept}
            data-testid="sim-room-accept-invite"
          >
            {t('acceptInvite')}
          </Button>
        </div>
        {outcome && 'error' in outcome && (
          <p
            className="rounded-md bg-rose-50 px-2 py-1.5 text-rose-700"
            role="alert"
            data-testid="sim-room-error"
          >
            {errorText(outcome.error)}
          </p>
        )}
        {outcome && 'privately' in outcome && (
          <p
            className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md bg-sky-50 px-2 py-1.5 text-sky-800"
            role="status"
            data-testid="sim-room-private"
          >
            {t('privateReplies', { count: outcome.privately })}
            <Button size="small" onClick={props.onShowChat}>
              {t('showChat')}
            </Button>
          </p>
        )}
      </section>
      {room ? (
        <RoomConversation room={room} contactId={contact.id} say={actions.say} done={done} />
      ) : (
        <div className="min-h-64 flex-1 bg-[#ededed]" />
      )}
    </>
  );
}

/** How full the group is, its room set, whether the contact is in it and who is (the latest first). */
function RoomFacts({ room, contactId }: { room: RoomItem; contactId: string }) {
  const t = useT();
  const members = useRoomMembers(room.id);
  const names = members.data?.items.map((m) => m.name) ?? [];
  const isIn = members.data?.items.some((m) => m.contactId === contactId);
  return (
    <>
      <p className="flex items-center gap-2">
        <span className="font-medium text-slate-700 tabular-nums" data-testid="sim-room-count">
          {t('groupMembers', { count: room.memberCount, capacity: room.capacity })}
        </span>
        <span className="min-w-0 truncate text-slate-500">
          {room.roomSet ? t('groupSet', { name: room.roomSet }) : t('groupNoSet')}
          {room.pendingInvites ? ` · ${t('groupPending', { count: room.pendingInvites })}` : ''}
        </span>
        {isIn !== undefined && (
          <span
            className={`ml-auto shrink-0 rounded-full px-2 py-0.5 ring-1 ${
              isIn
                ? 'bg-emerald-50 text-emerald-700 ring-emerald-200'
                : 'bg-slate-50 text-slate-500 ring-slate-200'
            }`}
            data-testid="sim-room-membership"
            data-member={isIn}
          >
            {t(isIn ? 'inGroup' : 'notInGroup')}
          </span>
        )}
      </p>
      {names.length > 0 && (
        <p className="truncate text-slate-500" title={names.join('、')} data-testid="sim-room-members">
          {t('memberNames', { names: names.join('、') })}
        </p>
      )}
    </>
  );
}

/** Join by QR code when out, leave when in (join while the membership loads). */
function MemberButton(props: {
  room: RoomItem;
  contactId: string;
  actions: Actions;
  busy: boolean;
  done: Done;
}) {
  const { room, contactId, actions, busy, done } = props;
  const t = useT();
  const members = useRoomMembers(room.id);
  const isIn = members.data?.items.some((m) => m.contactId === contactId);
  if (isIn)
    return (
      <Button
        key="leave"
        size="small"
        disabled={busy}
        onClick={() => {
          done.begin();
          actions.leave.mutate(room.id, done);
        }}
        data-testid="sim-room-leave"
      >
        {actions.leave.isPending ? '…' : t('leaveGroup')}
      </Button>
    );
  return (
    <Button
      key="join"
      size="small"
      variant="primary"
      disabled={busy || isIn === undefined}
      onClick={() => {
        done.begin();
        actions.join.mutate(room.id, done);
      }}
      data-testid="sim-room-join"
    >
      {actions.join.isPending ? '…' : t('joinByQr')}
    </Button>
  );
}

function RoomConversation(props: { room: RoomItem; contactId: string; say: Actions['say']; done: Done }) {
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
