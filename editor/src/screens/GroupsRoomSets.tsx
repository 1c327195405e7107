// Room sets (群池) and their live codes (群活码): create a set with a capacity per group, see its
// groups, seats left and what needs attention, rename or delete it, give it a public address with
// tags, copy the link, and follow its scans and joins per day.
import { useState } from 'react';
import { Link } from 'wouter';
import type { RoomSetWarning } from '../../../shared/api/rooms.ts';
import { CopyButton } from '../app/CopyButton.tsx';
import { Badge, Button, Card, Empty, ErrorNote, Input, PageHeader } from '../app/ui.tsx';
import { useRoleAtLeast } from '../queries.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { LiveCodeStatsChart } from './GroupsLiveCodeStats.tsx';
import { GroupsTabs } from './GroupsParts.tsx';
import {
  type RoomSetItem,
  useClearLiveCode,
  useCreateRoomSet,
  useDeleteRoomSet,
  usePatchRoomSet,
  useRoomSets,
  useSetLiveCode,
} from './groups-api.ts';
import { groupsMessages } from './groups-messages.ts';

export function GroupsRoomSetsScreen() {
  const t = groupsMessages.useT();
  const sets = useRoomSets();
  const canEdit = useRoleAtLeast('marketer');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('setsSubtitle')} />
      <GroupsTabs current="sets" />
      {canEdit && <NewSetForm />}
      <ErrorNote error={sets.error} />
      {sets.isPending ? (
        <div className="h-40 animate-pulse rounded-xl bg-slate-100" />
      ) : sets.data?.length === 0 ? (
        <Card>
          <Empty title={t('setsEmpty')} hint={t('setsEmptyHint')} />
        </Card>
      ) : (
        <div className="space-y-4">
          {sets.data?.map((set) => (
            <div key={set.id} data-testid="room-set">
              <RoomSetCard set={set} canEdit={canEdit} />
            </div>
          ))}
        </div>
      )}
    </>
  );
}

const label = 'block text-xs font-medium text-slate-600';

function NewSetForm() {
  const t = groupsMessages.useT();
  const create = useCreateRoomSet();
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('450');
  return (
    <Card className="mb-4 p-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name: name.trim(), capacity: Number(capacity) }, { onSuccess: () => setName('') });
        }}
      >
        <label className={label}>
          {t('setName')}
          <Input
            className="mt-1 block w-64"
            value={name}
            placeholder={t('setNamePlaceholder')}
            onChange={(e) => setName(e.target.value)}
            data-testid="set-name"
          />
        </label>
        <label className={label}>
          {t('setCapacity')}
          <Input
            type="number"
            min={1}
            max={500}
            className="mt-1 block w-28"
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
            data-testid="set-capacity"
          />
        </label>
        <Button type="submit" variant="primary" disabled={!name.trim() || create.isPending}>
          + {t('newSet')}
        </Button>
      </form>
      <div className="mt-2">
        <ErrorNote error={create.error} />
      </div>
    </Card>
  );
}

const WARNING_TONE: Record<RoomSetWarning, 'amber' | 'red'> = {
  low_seats: 'amber',
  qr_expiring: 'amber',
  qr_expired: 'red',
  no_qr: 'amber',
};

function RoomSetCard({ set, canEdit }: { set: RoomSetItem; canEdit: boolean }) {
  const t = groupsMessages.useT();
  const [editing, setEditing] = useState(false);
  return (
    <Card className="p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        {editing ? (
          <SetEditForm set={set} onDone={() => setEditing(false)} />
        ) : (
          <div>
            <h2 className="text-lg font-semibold text-slate-900" data-testid="room-set-name">
              {set.name}
            </h2>
            <p className="mt-0.5 text-sm text-slate-500">
              {[
                t('capacityEach', { n: set.capacity }),
                t('setRooms', { open: set.openRooms ?? set.rooms, rooms: set.rooms }),
                t('setMembers', { n: set.members ?? 0 }),
              ].join(' · ')}
            </p>
          </div>
        )}
        <div className="flex items-center gap-2">
          <span data-testid="room-set-seats">
            <Badge tone={set.warnings.includes('low_seats') ? 'amber' : 'green'}>
              {t('seatsLeft', { n: set.seatsLeft })}
            </Badge>
          </span>
          <Link
            href={`/groups?roomSet=${encodeURIComponent(set.name)}`}
            className="text-sm text-emerald-700 hover:underline"
          >
            {t('viewRooms')}
          </Link>
          {canEdit && !editing && (
            <Button size="small" variant="ghost" onClick={() => setEditing(true)}>
              {t('rename')}
            </Button>
          )}
          {canEdit && <DeleteSet name={set.name} />}
        </div>
      </div>
      {set.warnings.length > 0 && (
        <ul className="mt-3 space-y-1" data-testid="room-set-warnings">
          {set.warnings.map((w) => (
            <li key={w} className="flex items-center gap-2 text-sm" data-warning={w}>
              <Badge tone={WARNING_TONE[w]}>!</Badge>
              <span className={WARNING_TONE[w] === 'red' ? 'text-red-700' : 'text-amber-800'}>
                {t(`warn_${w}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <LiveCode set={set} canEdit={canEdit} />
    </Card>
  );
}

function SetEditForm({ set, onDone }: { set: RoomSetItem; onDone: () => void }) {
  const t = groupsMessages.useT();
  const patch = usePatchRoomSet(set.name);
  const [name, setName] = useState(set.name);
  const [capacity, setCapacity] = useState(String(set.capacity));
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        patch.mutate({ name: name.trim(), capacity: Number(capacity) }, { onSuccess: onDone });
      }}
    >
      <label className={label}>
        {t('setName')}
        <Input className="mt-1 block w-56" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className={label}>
        {t('setCapacity')}
        <Input
          type="number"
          min={1}
          max={500}
          className="mt-1 block w-24"
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
        />
      </label>
      <Button type="submit" variant="primary" disabled={patch.isPending || !name.trim()}>
        {t('save')}
      </Button>
      <Button onClick={onDone}>✕</Button>
      <div className="w-full">
        <ErrorNote error={patch.error} />
      </div>
    </form>
  );
}

function DeleteSet({ name }: { name: string }) {
  const t = groupsMessages.useT();
  const remove = useDeleteRoomSet(name);
  return (
    <ConfirmButton
      variant="danger"
      label={t('deleteSet')}
      question={t('deleteSetQuestion', { name })}
      onConfirm={() => remove.mutate(undefined)}
      disabled={remove.isPending}
    />
  );
}

const splitTags = (text: string) =>
  text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);

function LiveCode({ set, canEdit }: { set: RoomSetItem; canEdit: boolean }) {
  const t = groupsMessages.useT();
  const save = useSetLiveCode(set.name);
  const clear = useClearLiveCode(set.name);
  const [slug, setSlug] = useState(set.liveCode?.slug ?? '');
  const [tags, setTags] = useState(set.liveCode?.tags.join(', ') ?? '');
  const link = set.liveCode ? `${window.location.origin}${set.liveCode.url}` : null;
  return (
    <div className="mt-4 border-t border-slate-100 pt-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <h3 className="font-medium text-slate-900">{t('liveCode')}</h3>
          <p className="mt-0.5 text-sm text-slate-500">{t('liveCodeHint')}</p>
          {link && (
            <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
              <span className="text-slate-500">{t('publicLink')}</span>
              <code className="rounded bg-slate-100 px-2 py-0.5 text-slate-800" data-testid="live-code-link">
                {link}
              </code>
              <CopyButton text={link} label={t('copy')} copiedLabel={t('copied')} />
              <a href={link} target="_blank" rel="noreferrer" className="text-emerald-700 hover:underline">
                {t('openLink')}
              </a>
            </div>
          )}
          {canEdit && (
            <form
              className="mt-3 flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                save.mutate({ slug: slug.trim(), tags: splitTags(tags) });
              }}
            >
              <label className={label}>
                {t('slug')}
                <span className="mt-1 flex items-center gap-1">
                  <span className="text-sm text-slate-400">/j/</span>
                  <Input
                    size="small"
                    className="w-40"
                    value={slug}
                    placeholder={t('slugPlaceholder')}
                    onChange={(e) => setSlug(e.target.value.toLowerCase())}
                    data-testid="live-code-slug"
                  />
                </span>
              </label>
              <label className={label}>
                {t('tags')}
                <Input
                  size="small"
                  className="mt-1 block w-56"
                  value={tags}
                  onChange={(e) => setTags(e.target.value)}
                  data-testid="live-code-tags"
                />
              </label>
              <Button type="submit" size="small" variant="primary" disabled={!slug.trim() || save.isPending}>
                {t('saveLiveCode')}
              </Button>
              {set.liveCode && (
                <ConfirmButton
                  label={t('removeLiveCode')}
                  question={t('removeLiveCodeQuestion')}
                  onConfirm={() => clear.mutate(undefined, { onSuccess: () => setSlug('') })}
                />
              )}
            </form>
          )}
          <div className="mt-2">
            <ErrorNote error={save.error ?? clear.error} />
          </div>
        </div>
        {set.liveCode && <LiveCodeStatsChart name={set.name} />}
      </div>
    </div>
  );
}
