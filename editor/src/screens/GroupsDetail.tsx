// One group (`/groups/:id`): members against capacity and today's movement, its settings (room set,
// capacity, open) and QR code, then its members ranked by activity, its chat and its lurkers.
import { useState } from 'react';
import { Link } from 'wouter';
import { Badge, Card, ErrorNote, Segmented } from '../app/ui.tsx';
import { GroupChat } from './GroupsChat.tsx';
import { GroupQr, GroupSettings } from './GroupsDetailSettings.tsx';
import { GroupLurkers } from './GroupsLurkers.tsx';
import { GroupMembers } from './GroupsMembers.tsx';
import { CapacityBar, OpenBadge } from './GroupsParts.tsx';
import { type RoomDetail, useRoom } from './groups-api.ts';
import { groupsMessages } from './groups-messages.ts';

type Tab = 'members' | 'chat' | 'lurkers';

export function GroupsDetailScreen({ id }: { id: string }) {
  const t = groupsMessages.useT();
  const room = useRoom(id);
  const [tab, setTab] = useState<Tab>('members');
  if (!room.data)
    return (
      <>
        <BackLink />
        <ErrorNote error={room.error} />
        {room.isPending && <div className="h-40 animate-pulse rounded-xl bg-slate-100" />}
      </>
    );
  const r = room.data;
  return (
    <>
      <BackLink />
      <Header room={r} />
      <Summary room={r} />
      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <GroupSettings room={r} />
        <GroupQr room={r} />
      </div>
      <div className="mb-4">
        <Segmented
          aria-label={r.topic}
          value={tab}
          onChange={setTab}
          options={[
            { value: 'members', label: t('tabMembers'), testId: 'group-tab-members' },
            { value: 'chat', label: t('tabChat'), testId: 'group-tab-chat' },
            { value: 'lurkers', label: t('tabLurkers'), testId: 'group-tab-lurkers' },
          ]}
        />
      </div>
      {tab === 'members' && <GroupMembers room={r} />}
      {tab === 'chat' && <GroupChat roomId={r.id} />}
      {tab === 'lurkers' && <GroupLurkers room={r} />}
    </>
  );
}

function BackLink() {
  const t = groupsMessages.useT();
  return (
    <Link href="/groups" className="mb-3 inline-block text-sm text-emerald-700 hover:underline">
      {t('back')}
    </Link>
  );
}

function Header({ room }: { room: RoomDetail }) {
  const t = groupsMessages.useT();
  return (
    <div className="mb-5 flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <h1 className="truncate text-2xl font-semibold text-slate-900" data-testid="group-topic">
          {room.topic || t('unnamed')}
        </h1>
        <p className="mt-1 text-sm text-slate-500">
          {room.botAccountName && t('account', { name: room.botAccountName })}
          {room.roomSet && ` · ${t('inSet', { name: room.roomSet })}`}
        </p>
      </div>
      <div className="flex items-center gap-2">
        <OpenBadge open={room.open} />
        <Badge tone={room.botIsAdmin ? 'green' : 'slate'}>
          {t(room.botIsAdmin ? 'managed' : 'notManaged')}
        </Badge>
      </div>
    </div>
  );
}

function Summary({ room }: { room: RoomDetail }) {
  const t = groupsMessages.useT();
  const figure = (label: string, value: number, tone: string, testId: string) => (
    <div>
      <div className="text-xs text-slate-500">{label}</div>
      <div className={`mt-1 text-xl font-semibold tabular-nums ${tone}`} data-testid={testId}>
        {value}
      </div>
    </div>
  );
  return (
    <Card className="mb-4 grid grid-cols-2 gap-6 p-5 sm:grid-cols-4">
      <div>
        <div className="mb-1 text-xs text-slate-500">{t('members')}</div>
        <CapacityBar count={room.memberCount} capacity={room.capacity} pending={room.pendingInvites} wide />
      </div>
      {figure(t('joinedToday'), room.joinedToday, 'text-emerald-700', 'group-joined-today')}
      {figure(
        t('leftToday'),
        room.leftToday,
        room.leftToday ? 'text-red-600' : 'text-slate-900',
        'group-left-today',
      )}
      {figure(t('pendingInvites'), room.pendingInvites ?? 0, 'text-slate-900', 'group-pending')}
    </Card>
  );
}
