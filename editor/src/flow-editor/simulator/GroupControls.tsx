// The group tab's controls: how full the picked group is and who is in it, join (by QR code) or
// leave it, accept the bot's invitation, what the last action left to say, and the conversation.
import { Button } from '../../app/ui.tsx';
import { useErrorText } from '../../error-text.ts';
import { RoomConversation } from './GroupCompose.tsx';
import type { Actions, Done, Outcome } from './group-outcome.ts';
import { useT } from './messages.ts';
import { type RoomItem, useRoomMembers } from './rooms-api.ts';
import type { SimContact } from './sandboxApi.ts';

export function RoomControls(props: {
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
