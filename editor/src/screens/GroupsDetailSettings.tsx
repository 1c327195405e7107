// A group's settings (its room set, own capacity, open or closed) and its QR code for the live code
// with the time WeChat expires it; marketers and up change them, everyone sees them.
import { useEffect, useRef, useState } from 'react';
import { Button, Card, ErrorNote, Input, Select } from '../app/ui.tsx';
import { useLang } from '../i18n.ts';
import { useRoleAtLeast } from '../queries.ts';
import { QrBadge } from './GroupsParts.tsx';
import { type RoomDetail, usePatchRoom, useRoomSets, useUploadQr } from './groups-api.ts';
import { groupsMessages } from './groups-messages.ts';

const DAY_MS = 86_400_000;
const label = 'block text-xs font-medium text-slate-600';

export function GroupSettings({ room }: { room: RoomDetail }) {
  const t = groupsMessages.useT();
  const canEdit = useRoleAtLeast('marketer');
  const sets = useRoomSets();
  const patch = usePatchRoom(room.id);
  const own = room.ownCapacity ?? null;
  const [form, setForm] = useState({
    roomSet: room.roomSet ?? '',
    capacity: own === null ? '' : String(own),
    open: room.open,
  });
  // The group read again (after a save, a change elsewhere): the form shows what is stored.
  useEffect(
    () =>
      setForm({ roomSet: room.roomSet ?? '', capacity: own === null ? '' : String(own), open: room.open }),
    [room.roomSet, own, room.open],
  );
  const chosenSetCapacity = sets.data?.find((s) => s.name === form.roomSet)?.capacity ?? 500;
  const capacity = form.capacity.trim() === '' ? null : Number(form.capacity);
  const save = () => patch.mutate({ roomSet: form.roomSet || null, capacity, open: form.open });
  return (
    <Card className="space-y-4 p-5">
      <h2 className="font-medium text-slate-900">{t('settings')}</h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className={label}>
          {t('roomSet')}
          <Select
            className="mt-1 block w-full"
            value={form.roomSet}
            disabled={!canEdit}
            onChange={(e) => setForm({ ...form, roomSet: e.target.value })}
            data-testid="group-set"
          >
            <option value="">{t('noSet')}</option>
            {sets.data?.map((s) => (
              <option key={s.id} value={s.name}>
                {s.name}
              </option>
            ))}
          </Select>
        </label>
        <label className={label}>
          {t('capacity')}
          <Input
            type="number"
            min={1}
            max={500}
            className="mt-1 block w-full"
            value={form.capacity}
            placeholder={t('capacityPlaceholder', { n: chosenSetCapacity })}
            disabled={!canEdit}
            onChange={(e) => setForm({ ...form, capacity: e.target.value })}
            data-testid="group-capacity"
          />
        </label>
      </div>
      <p className="text-xs text-slate-500">{t('capacityHint')}</p>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={form.open}
          disabled={!canEdit}
          onChange={(e) => setForm({ ...form, open: e.target.checked })}
          data-testid="group-open"
        />
        {t('openLabel')}
      </label>
      {canEdit && (
        <div className="flex items-center gap-3">
          <Button variant="primary" onClick={save} disabled={patch.isPending} data-testid="group-save">
            {t('save')}
          </Button>
          {patch.isSuccess && <span className="text-sm text-emerald-700">{t('saved')}</span>}
        </div>
      )}
      <ErrorNote error={patch.error} />
    </Card>
  );
}

/** `datetime-local` text for an instant, in the browser's zone. */
function localInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

export function GroupQr({ room }: { room: RoomDetail }) {
  const t = groupsMessages.useT();
  const { lang } = useLang();
  const canEdit = useRoleAtLeast('marketer');
  const upload = useUploadQr(room.id);
  const file = useRef<HTMLInputElement>(null);
  // WeChat's 7 days, counted on the group's account clock (a sandbox's runs ahead).
  const clock = room.clockNow ? Date.parse(room.clockNow) : Date.now();
  const [expires, setExpires] = useState(() => localInput(clock + 7 * DAY_MS));
  return (
    <Card className="p-5">
      <div className="flex items-start justify-between gap-3">
        <h2 className="font-medium text-slate-900">{t('qrTitle')}</h2>
        <QrBadge status={room.qrStatus ?? 'none'} expiresAt={room.qr?.expiresAt} />
      </div>
      <div className="mt-3 flex gap-4">
        {room.qr ? (
          <img
            src={room.qr.url}
            alt={t('qrAlt', { topic: room.topic })}
            className="size-28 shrink-0 rounded-lg object-contain ring-1 ring-slate-200"
            data-testid="group-qr-image"
          />
        ) : (
          <div className="grid size-28 shrink-0 place-items-center rounded-lg bg-slate-50 text-center text-xs text-slate-400 ring-1 ring-slate-200">
            {t('qr_none')}
          </div>
        )}
        <div className="min-w-0 space-y-2 text-sm">
          <p className="text-slate-600">
            {room.qr
              ? t('qrUntil', {
                  date: new Date(room.qr.expiresAt).toLocaleString(lang, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  }),
                })
              : t('qrMissing')}
          </p>
          <p className="text-xs text-slate-500">{t('qrHint')}</p>
          {canEdit && (
            <div className="flex flex-wrap items-end gap-2">
              <label className={label}>
                {t('qrExpiresAt')}
                <Input
                  type="datetime-local"
                  size="small"
                  className="mt-1 block"
                  value={expires}
                  onChange={(e) => setExpires(e.target.value)}
                  data-testid="group-qr-expires"
                />
              </label>
              <Button onClick={() => file.current?.click()} disabled={upload.isPending}>
                {room.qr ? t('qrReplace') : t('qrUpload')}
              </Button>
              <input
                ref={file}
                type="file"
                accept="image/png,image/jpeg,image/gif,image/webp"
                className="hidden"
                data-testid="group-qr-file"
                onChange={(e) => {
                  const chosen = e.target.files?.[0];
                  if (!chosen) return;
                  const at = new Date(expires);
                  upload.mutate({
                    file: chosen,
                    expiresAt: Number.isNaN(at.getTime()) ? undefined : at.toISOString(),
                  });
                  e.target.value = '';
                }}
              />
            </div>
          )}
        </div>
      </div>
      <div className="mt-3">
        <ErrorNote error={upload.error} />
      </div>
    </Card>
  );
}
