// Pieces the leads table and the paste box share: who a lead is, its status badge, its attributes.
import type { ComponentProps } from 'react';
import type { LeadStatus } from '../../../shared/db/leads.ts';
import { Badge } from '../app/ui.tsx';
import { leadsMessages } from './leads-messages.ts';

// Every status (the type makes sure), in the order a lead goes through them. The list is not taken
// from shared/db: that module would bring drizzle's table builders into the editor's first load.
const TONES: Record<LeadStatus, ComponentProps<typeof Badge>['tone']> = {
  queued: 'slate',
  requested: 'blue',
  accepted: 'green',
  failed: 'red',
  not_found: 'amber',
};
export const STATUSES = Object.keys(TONES) as LeadStatus[];

/** 13800138000 → 138 0013 8000, as a Chinese mobile is read out; anything else as it is. */
export const phoneText = (phone: string) =>
  /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone;

/** The phone, else the WeChat ID, a lead is reached by. */
export function LeadTarget({ lead }: { lead: { phone?: string | null; weixin?: string | null } }) {
  const t = leadsMessages.useT();
  if (lead.phone)
    return <span className="font-mono tabular-nums text-slate-900">{phoneText(lead.phone)}</span>;
  if (lead.weixin)
    return (
      <span className="text-slate-900">
        <span className="mr-1 text-xs text-slate-400">{t('weixin')}</span>
        {lead.weixin}
      </span>
    );
  return <span className="text-slate-400">—</span>;
}

/** The status in the page's language; hovering explains what it means. */
export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  const t = leadsMessages.useT();
  return (
    <span title={t(`${status}Hint`)} data-testid="lead-status" data-status={status} className="cursor-help">
      <Badge tone={TONES[status]}>{t(status)}</Badge>
    </span>
  );
}

export function AttributeChips({ attributes }: { attributes?: Record<string, unknown> }) {
  const entries = Object.entries(attributes ?? {});
  if (entries.length === 0) return <span className="text-slate-300">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {entries.map(([key, value]) => (
        <span
          key={key}
          className="max-w-48 truncate rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600"
          title={`${key}: ${String(value)}`}
        >
          <span className="text-slate-400">{key}</span> {String(value)}
        </span>
      ))}
    </span>
  );
}
