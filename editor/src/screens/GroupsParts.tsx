// Pieces the Groups screens share: the tabs between groups and room sets, a group's members against
// its capacity, its QR code state, open/closed, and a member's activity grade.

import { useLocation } from 'wouter';
import type { ActivityGrade, QrStatus } from '../../../shared/api/rooms.ts';
import { Badge, Segmented } from '../app/ui.tsx';
import { useLang } from '../i18n.ts';
import { groupsMessages } from './groups-messages.ts';

export function GroupsTabs({ current }: { current: 'groups' | 'sets' }) {
  const t = groupsMessages.useT();
  const [, navigate] = useLocation();
  return (
    <div className="mb-4">
      <Segmented
        size="compact"
        aria-label={t('title')}
        value={current}
        onChange={(tab) => navigate(tab === 'groups' ? '/groups' : '/groups/sets')}
        options={[
          { value: 'groups', label: t('tabGroups'), testId: 'groups-tab-groups' },
          { value: 'sets', label: t('tabSets'), testId: 'groups-tab-sets' },
        ]}
      />
    </div>
  );
}

/** Members of capacity as a bar: green, amber from 90 %, red when full; pending invites hatched after them. */
export function CapacityBar(props: { count: number; capacity: number; pending?: number; wide?: boolean }) {
  const t = groupsMessages.useT();
  const { count, capacity, pending = 0 } = props;
  const share = (n: number) => `${Math.min(100, (n / Math.max(1, capacity)) * 100)}%`;
  const used = count + pending;
  const tone = used >= capacity ? 'bg-red-500' : used >= capacity * 0.9 ? 'bg-amber-500' : 'bg-emerald-500';
  return (
    <div className={props.wide ? 'w-full' : 'w-40'} data-testid="capacity">
      <div className="flex items-baseline justify-between gap-2 text-xs">
        <span className="font-medium tabular-nums text-slate-800">
          {t('capacityOf', { count, capacity })}
        </span>
        {pending > 0 && <span className="text-slate-500">{t('pending', { count: pending })}</span>}
      </div>
      <div className="mt-1 flex h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
        <div className={tone} style={{ width: share(count) }} />
        {pending > 0 && <div className="bg-slate-300" style={{ width: share(pending) }} />}
      </div>
    </div>
  );
}

const QR_TONE = { none: 'slate', ok: 'green', expiring: 'amber', expired: 'red' } as const;

export function QrBadge(props: { status: QrStatus; expiresAt?: string }) {
  const t = groupsMessages.useT();
  const { lang } = useLang();
  const until = props.expiresAt
    ? t('qrUntil', {
        date: new Date(props.expiresAt).toLocaleString(lang, {
          month: 'short',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
        }),
      })
    : undefined;
  return (
    <span title={until} data-testid="qr-status" data-status={props.status}>
      <Badge tone={QR_TONE[props.status]}>{t(`qr_${props.status}`)}</Badge>
    </span>
  );
}

export function OpenBadge({ open }: { open: boolean }) {
  const t = groupsMessages.useT();
  return (
    <span title={t(open ? 'openHint' : 'closedHint')}>
      <Badge tone={open ? 'blue' : 'slate'}>{t(open ? 'open' : 'closed')}</Badge>
    </span>
  );
}

const GRADE_TONE = { active: 'green', normal: 'slate', lurker: 'amber' } as const;

export function GradeBadge({ grade }: { grade: ActivityGrade }) {
  const t = groupsMessages.useT();
  return (
    <span data-testid="grade" data-grade={grade}>
      <Badge tone={GRADE_TONE[grade]}>{t(grade)}</Badge>
    </span>
  );
}

/** A date (no time) in the page's language and the workspace's time zone: "3月5日" / "Mar 5". */
export const shortDate = (iso: string, lang: string, timeZone?: string) => {
  try {
    return new Date(iso).toLocaleDateString(lang, { month: 'short', day: 'numeric', timeZone });
  } catch {
    return new Date(iso).toLocaleDateString(lang, { month: 'short', day: 'numeric' });
  }
};
