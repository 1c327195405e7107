// A group's members ranked by what they said in the grading window, with their grade (thresholds from
// Settings), join date and way in, last message and the regional-admin flag — filtered by grade,
// flag, name, and whether they left.

import { useState } from 'react';
import { Link } from 'wouter';
import { LoadMore } from '../app/lists.tsx';
import { Button, Card, Empty, ErrorNote, Input, relativeTime, Segmented, Select } from '../app/ui.tsx';
import { useWorkspaceTime } from '../app/workspace-time.ts';
import { useLang } from '../i18n.ts';
import { useRoleAtLeast } from '../queries.ts';
import { GradeBadge, shortDate } from './GroupsParts.tsx';
import {
  type MemberFilters,
  type MemberSort,
  type RoomDetail,
  type RoomMember,
  useDebounced,
  useRoomMembers,
  useSetMemberAdmin,
} from './groups-api.ts';
import { groupsMessages } from './groups-messages.ts';

const SORTS: MemberSort[] = ['messages30d', 'joinedAt', 'lastMessageAt'];

export function GroupMembers({ room }: { room: RoomDetail }) {
  const t = groupsMessages.useT();
  const [filters, setFilters] = useState<MemberFilters>({
    grade: '',
    admin: false,
    left: false,
    q: '',
    sort: 'messages30d',
  });
  const q = useDebounced(filters.q.trim());
  const members = useRoomMembers(room.id, { ...filters, q });
  const grading = room.grading ?? { days: 30, active: 20, lurker: 0 };
  const set = (patch: Partial<MemberFilters>) => setFilters({ ...filters, ...patch });
  return (
    <div>
      <p className="mb-3 text-sm text-slate-500" data-testid="group-grading">
        {t('grading', grading)}{' '}
        <Link href="/settings" className="text-emerald-700 hover:underline">
          {t('gradingLink')}
        </Link>
      </p>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <Segmented
          aria-label={t('grade')}
          value={filters.grade || 'all'}
          onChange={(grade) => set({ grade: grade === 'all' ? '' : grade })}
          options={[
            { value: 'all', label: t('allGrades') },
            { value: 'active', label: t('active'), testId: 'grade-filter-active' },
            { value: 'normal', label: t('normal') },
            { value: 'lurker', label: t('lurker'), testId: 'grade-filter-lurker' },
          ]}
        />
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={filters.admin}
            onChange={(e) => set({ admin: e.target.checked })}
            data-testid="members-admins"
          />
          {t('adminsOnly')}
        </label>
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" checked={filters.left} onChange={(e) => set({ left: e.target.checked })} />
          {t('includeLeft')}
        </label>
        <Input
          type="search"
          size="small"
          placeholder={t('searchMember')}
          aria-label={t('searchMember')}
          value={filters.q}
          onChange={(e) => set({ q: e.target.value })}
          className="w-44"
        />
        <label className="ml-auto flex items-center gap-2 text-sm text-slate-600">
          {t('sort')}
          <Select
            size="small"
            value={filters.sort}
            onChange={(e) => set({ sort: e.target.value as MemberSort })}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort_${s}`)}
              </option>
            ))}
          </Select>
        </label>
      </div>
      <ErrorNote error={members.error} />
      <Card className="overflow-hidden">
        {members.isPending ? (
          <div className="h-40 animate-pulse bg-slate-50" />
        ) : members.items.length === 0 ? (
          <Empty title={t('noMembers')} hint={t('noMembersHint')} />
        ) : (
          <MembersTable
            room={room}
            members={members.items}
            days={grading.days}
            ranked={filters.sort === 'messages30d'}
          />
        )}
      </Card>
      <div className="mt-2 text-xs text-slate-500" data-testid="members-total">
        {t('membersTotal', { total: members.total })}
      </div>
      <LoadMore pages={members} label={t('loadMore')} />
    </div>
  );
}

function MembersTable(props: { room: RoomDetail; members: RoomMember[]; days: number; ranked: boolean }) {
  const t = groupsMessages.useT();
  const { lang } = useLang();
  const { zone } = useWorkspaceTime();
  const canEdit = useRoleAtLeast('marketer');
  const setAdmin = useSetMemberAdmin(props.room.id);
  const th = 'px-3 py-2.5';
  return (
    <>
      <ErrorNote error={setAdmin.error} />
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            {props.ranked && <th className={`${th} w-10`}>{t('rank')}</th>}
            <th className={th}>{t('name')}</th>
            <th className={th}>{t('grade')}</th>
            <th className={`${th} text-right`}>{t('messages', { days: props.days })}</th>
            <th className={th}>{t('joined')}</th>
            <th className={th}>{t('lastMessage')}</th>
            <th className={th}>{t('admin')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {props.members.map((m, i) => (
            <tr key={m.contactId} data-testid="member-row" className={m.leftAt ? 'text-slate-400' : ''}>
              {props.ranked && <td className="px-3 py-2.5 tabular-nums text-slate-400">{i + 1}</td>}
              <td className="max-w-[14rem] px-3 py-2.5">
                <Link
                  href={`/contacts/${m.contactId}`}
                  className="truncate font-medium text-slate-900 hover:underline"
                >
                  {m.name || '—'}
                </Link>
                {m.leftAt && <span className="ml-2 text-xs text-slate-400">{t('leftAt')}</span>}
              </td>
              <td className="px-3 py-2.5">
                <GradeBadge grade={m.grade} />
              </td>
              <td
                className="px-3 py-2.5 text-right font-medium tabular-nums text-slate-900"
                data-testid="member-messages"
              >
                {m.messages30d}
              </td>
              <td className="whitespace-nowrap px-3 py-2.5 text-slate-600">
                <div>{shortDate(m.joinedAt, lang, zone)}</div>
                <div className="text-xs text-slate-400">
                  {m.inviter ? t('invitedBy', { name: m.inviter.name }) : t(`via_${viaKey(m.via)}`)}
                </div>
              </td>
              <td
                className="whitespace-nowrap px-3 py-2.5 text-slate-600"
                title={m.lastMessageAt ? new Date(m.lastMessageAt).toLocaleString(lang) : undefined}
              >
                {m.lastMessageAt ? relativeTime(m.lastMessageAt, lang, props.room.clockNow) : t('never')}
              </td>
              <td className="px-3 py-2.5">
                {canEdit ? (
                  <Button
                    size="small"
                    variant={m.isAdmin ? 'active' : 'ghost'}
                    aria-pressed={m.isAdmin}
                    title={t(m.isAdmin ? 'removeAdmin' : 'makeAdmin')}
                    disabled={setAdmin.isPending}
                    onClick={() => setAdmin.mutate({ contactId: m.contactId, isAdmin: !m.isAdmin })}
                    data-testid="member-admin"
                  >
                    {m.isAdmin ? `★ ${t('admin')}` : '☆'}
                  </Button>
                ) : (
                  m.isAdmin && <span className="text-xs font-medium text-emerald-700">★ {t('admin')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const VIAS = ['invite', 'qr', 'live_code', 'sync', 'other'] as const;
const viaKey = (via: string): (typeof VIAS)[number] =>
  (VIAS as readonly string[]).includes(via) ? (via as (typeof VIAS)[number]) : 'other';
