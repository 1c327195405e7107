// A group's lurkers: members silent for a while since they joined and since their last message, and
// their removal after a confirmation — queued through the outbox at the account's removal pace. The
// button says why not when the bot does not manage the group or the member may not remove people.
import { useState } from 'react';
import { Card, Empty, ErrorNote, relativeTime, Select } from '../app/ui.tsx';
import { useWorkspaceTime } from '../app/workspace-time.ts';
import { useLang } from '../i18n.ts';
import { useRoleAtLeast } from '../queries.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { shortDate } from './GroupsParts.tsx';
import { type RoomDetail, useCleanup, useLurkers } from './groups-api.ts';
import { groupsMessages } from './groups-messages.ts';

const SILENCES = [7, 14, 30, 60, 90];

export function GroupLurkers({ room }: { room: RoomDetail }) {
  const t = groupsMessages.useT();
  const { lang } = useLang();
  const { zone } = useWorkspaceTime();
  const [days, setDays] = useState(14);
  const lurkers = useLurkers(room.id, `P${days}D`);
  const cleanup = useCleanup(room.id);
  const canRemove = useRoleAtLeast('admin');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const items = lurkers.data?.items ?? [];
  const picked = items.filter((l) => chosen.has(l.contactId)).map((l) => l.contactId);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const why = !room.botIsAdmin ? t('removeNotManaged') : !canRemove ? t('removeNotAllowed') : null;
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm text-slate-600">
          {t('silentFor')}
          <Select
            size="small"
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
            data-testid="lurkers-days"
          >
            {SILENCES.map((n) => (
              <option key={n} value={n}>
                {t('silentDays', { n })}
              </option>
            ))}
          </Select>
        </label>
        <span className="text-sm text-slate-500">{t('lurkersHint', { n: days })}</span>
      </div>
      <ErrorNote error={lurkers.error} />
      <Card className="overflow-hidden">
        {lurkers.isPending ? (
          <div className="h-40 animate-pulse bg-slate-50" />
        ) : items.length === 0 ? (
          <Empty title={t('noLurkers')} hint={t('noLurkersHint')} />
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 bg-slate-50 px-4 py-2.5">
              <label className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={picked.length === items.length}
                  onChange={(e) => setChosen(new Set(e.target.checked ? items.map((l) => l.contactId) : []))}
                  data-testid="lurkers-all"
                />
                {t('selectAll')}
              </label>
              <span className="text-sm text-slate-500">{t('selected', { n: picked.length })}</span>
              <div className="ml-auto">
                <ConfirmButton
                  variant="danger"
                  label={t('remove', { n: picked.length })}
                  question={t('removeQuestion', { n: picked.length })}
                  disabled={picked.length === 0 || why !== null || cleanup.isPending}
                  confirmTestId="lurkers-remove-confirm"
                  onConfirm={() => cleanup.mutate(picked, { onSuccess: () => setChosen(new Set()) })}
                />
              </div>
            </div>
            {why && (
              <p
                className="border-b border-amber-100 bg-amber-50 px-4 py-2 text-sm text-amber-800"
                data-testid="lurkers-why-not"
              >
                {why}
              </p>
            )}
            <ul className="divide-y divide-slate-100">
              {items.map((l) => (
                <li
                  key={l.contactId}
                  className="flex items-center gap-3 px-4 py-2.5 text-sm"
                  data-testid="lurker-row"
                >
                  <input
                    type="checkbox"
                    aria-label={l.name}
                    checked={chosen.has(l.contactId)}
                    onChange={(e) => toggle(l.contactId, e.target.checked)}
                  />
                  <span className="min-w-0 flex-1 truncate font-medium text-slate-900">
                    {l.name || '—'}
                    {l.isAdmin && (
                      <span className="ml-2 text-xs font-normal text-emerald-700">★ {t('isAdminNote')}</span>
                    )}
                  </span>
                  <span className="w-32 text-slate-500">
                    {t('joined')} {shortDate(l.joinedAt, lang, zone)}
                  </span>
                  <span className="w-40 text-right text-slate-500">
                    {l.lastMessageAt ? relativeTime(l.lastMessageAt, lang, room.clockNow) : t('never')}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
      <ErrorNote error={cleanup.error} />
      {cleanup.data && (
        <p role="status" className="mt-3 text-sm text-emerald-700" data-testid="lurkers-queued">
          {cleanup.data.queued > 0 ? t('removeQueued', { n: cleanup.data.queued }) : t('removeQueuedNone')}
        </p>
      )}
    </div>
  );
}
