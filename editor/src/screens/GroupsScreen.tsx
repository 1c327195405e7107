// Groups: every group of every account — topic, members against capacity, today's joins and leaves,
// room set, open or closed, QR code — searchable and filtered by set (`?roomSet=` opens it filtered).
import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { LoadMore } from '../app/lists.tsx';
import { Card, Empty, ErrorNote, Input, PageHeader, Select, useRowLink } from '../app/ui.tsx';
import { CapacityBar, GroupsTabs, OpenBadge, QrBadge } from './GroupsParts.tsx';
import { type RoomItem, useDebounced, useRoomPages, useRoomSets } from './groups-api.ts';
import { groupsMessages } from './groups-messages.ts';

export function GroupsScreen() {
  const t = groupsMessages.useT();
  const search = useSearch();
  const [q, setQ] = useState('');
  const [roomSet, setRoomSet] = useState(() => new URLSearchParams(search).get('roomSet') ?? '');
  const filters = { q: useDebounced(q.trim()), roomSet };
  const pages = useRoomPages(filters);
  const sets = useRoomSets();
  const filtered = Boolean(filters.q || filters.roomSet);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <GroupsTabs current="groups" />
      <div className="mb-4 flex flex-wrap gap-2">
        <Input
          type="search"
          placeholder={t('search')}
          aria-label={t('search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className="w-72"
          data-testid="groups-search"
        />
        <Select
          aria-label={t('roomSet')}
          value={roomSet}
          onChange={(e) => setRoomSet(e.target.value)}
          data-testid="groups-set-filter"
        >
          <option value="">{t('allSets')}</option>
          {roomSet && !sets.data?.some((s) => s.name === roomSet) && (
            <option value={roomSet}>{roomSet}</option>
          )}
          {sets.data?.map((s) => (
            <option key={s.id} value={s.name}>
              {s.name}
            </option>
          ))}
        </Select>
      </div>
      <ErrorNote error={pages.error} />
      <Card className="overflow-hidden">
        {pages.isPending ? (
          <div className="h-40 animate-pulse bg-slate-50" />
        ) : pages.items.length === 0 ? (
          filtered ? (
            <Empty title={t('emptyFiltered')} hint={t('emptyFilteredHint')} />
          ) : (
            <Empty title={t('empty')} hint={t('emptyHint')} />
          )
        ) : (
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-3">{t('topic')}</th>
                <th className="px-4 py-3">{t('members')}</th>
                <th className="px-4 py-3">{t('today')}</th>
                <th className="px-4 py-3">{t('roomSet')}</th>
                <th className="px-4 py-3">{t('status')}</th>
                <th className="px-4 py-3">{t('qr')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {pages.items.map((room) => (
                <GroupRow key={room.id} room={room} />
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <LoadMore pages={pages} label={t('loadMore')} />
    </>
  );
}

function GroupRow({ room }: { room: RoomItem }) {
  const t = groupsMessages.useT();
  const row = useRowLink(`/groups/${room.id}`);
  return (
    <tr {...row} data-testid="group-row">
      <td className="max-w-xs px-4 py-3">
        <Link
          href={`/groups/${room.id}`}
          className="block truncate font-medium text-slate-900 hover:underline"
        >
          {room.topic || t('unnamed')}
        </Link>
        {room.botAccountName && (
          <div className="truncate text-xs text-slate-500">{t('account', { name: room.botAccountName })}</div>
        )}
      </td>
      <td className="px-4 py-3">
        <CapacityBar count={room.memberCount} capacity={room.capacity} pending={room.pendingInvites} />
      </td>
      <td
        className="whitespace-nowrap px-4 py-3 tabular-nums"
        title={t('joinedLeftHint', { joined: room.joinedToday, left: room.leftToday })}
        data-testid="group-today"
      >
        <span className={room.joinedToday ? 'text-emerald-700' : 'text-slate-400'}>+{room.joinedToday}</span>
        <span className="text-slate-300"> / </span>
        <span className={room.leftToday ? 'text-red-600' : 'text-slate-400'}>−{room.leftToday}</span>
      </td>
      <td className="px-4 py-3 text-slate-700">
        {room.roomSet ?? <span className="text-slate-400">{t('noSet')}</span>}
      </td>
      <td className="px-4 py-3">
        <OpenBadge open={room.open} />
      </td>
      <td className="px-4 py-3">
        <QrBadge status={room.qrStatus ?? 'none'} expiresAt={room.qr?.expiresAt} />
      </td>
    </tr>
  );
}
