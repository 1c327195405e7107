// Website leads: the list with each lead's status (filter, cursor pages, refreshed while friend adds
// are on their way), the paste box, the sandbox's "accept" with the bot's replies, and how a website
// posts leads.

import { lazy, Suspense, useState } from 'react';
import { Link } from 'wouter';
import type { LeadStatus } from '../../../shared/db/leads.ts';
import { LoadMore } from '../app/lists.tsx';
import { Button, Card, Empty, ErrorNote, PageHeader, relativeTime, Select } from '../app/ui.tsx';
import { useLang } from '../i18n.ts';
import { useRoleAtLeast } from '../queries.ts';
import { AttributeChips, LeadStatusBadge, LeadTarget, phoneText, STATUSES } from './LeadsScreenParts.tsx';
import { LeadsWebsite } from './LeadsScreenWebsite.tsx';
import {
  type Lead,
  type LeadAccepted,
  useAcceptLead,
  useLeadPages,
  useSandboxAccountId,
} from './leads-api.ts';
import { leadsMessages } from './leads-messages.ts';

// The paste box checks rows with the server's zod schema: it loads when opened, not with the app.
const LeadsPaste = lazy(() => import('./LeadsScreenPaste.tsx').then((m) => ({ default: m.LeadsPaste })));

export function LeadsScreen() {
  const t = leadsMessages.useT();
  const canPaste = useRoleAtLeast('marketer');
  const [pasting, setPasting] = useState(false);
  const [status, setStatus] = useState<LeadStatus | ''>('');
  const pages = useLeadPages(status);
  const accept = useAcceptLead();
  const pasteButton = canPaste && (
    <Button variant="primary" onClick={() => setPasting(true)} data-testid="leads-paste-open">
      + {t('paste')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={!pasting && pasteButton} />
      {pasting && (
        <Suspense fallback={null}>
          <LeadsPaste onClose={() => setPasting(false)} />
        </Suspense>
      )}
      <ErrorNote error={accept.error} />
      {accept.data && accept.variables && (
        <AcceptedNote lead={accept.variables} accepted={accept.data} onClose={() => accept.reset()} />
      )}
      <div className="mb-4 flex items-center gap-2">
        <label className="flex items-center gap-2 text-sm text-slate-600">
          {t('filter')}
          <Select
            value={status}
            onChange={(e) => setStatus(e.target.value as LeadStatus | '')}
            data-testid="leads-filter"
          >
            <option value="">{t('allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(s)}
              </option>
            ))}
          </Select>
        </label>
      </div>
      <ErrorNote error={pages.error} />
      <Card className="overflow-hidden">
        {pages.isPending ? (
          <div className="h-40 animate-pulse bg-slate-50" />
        ) : pages.items.length === 0 ? (
          status ? (
            <Empty title={t('emptyFiltered')} hint={t('emptyFilteredHint')} />
          ) : (
            <Empty title={t('empty')} hint={t('emptyHint')} action={!pasting && pasteButton} />
          )
        ) : (
          <LeadsTable
            leads={pages.items}
            onAccept={(lead) => accept.mutate(lead)}
            accepting={accept.isPending ? accept.variables?.id : undefined}
          />
        )}
      </Card>
      <LoadMore pages={pages} label={t('loadMore')} />
      <LeadsWebsite />
    </>
  );
}

function LeadsTable(props: { leads: Lead[]; onAccept: (lead: Lead) => void; accepting?: string }) {
  const t = leadsMessages.useT();
  const { lang } = useLang();
  const sandboxId = useSandboxAccountId();
  const canAccept = useRoleAtLeast('agent');
  const th = 'px-4 py-3';
  return (
    <table className="w-full text-sm">
      <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
        <tr>
          <th className={th}>{t('target')}</th>
          <th className={th}>{t('name')}</th>
          <th className={th}>{t('details')}</th>
          <th className={th}>{t('status')}</th>
          <th className={th}>{t('created')}</th>
          <th className={th}>{t('contact')}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {props.leads.map((lead) => (
          <tr key={lead.id} data-testid="lead-row" data-status={lead.status}>
            <td className="px-4 py-3">
              <LeadTarget lead={lead} />
            </td>
            <td className="px-4 py-3 text-slate-900">
              {lead.name || <span className="text-slate-300">—</span>}
            </td>
            <td className="px-4 py-3">
              <AttributeChips attributes={lead.attributes} />
            </td>
            <td className="px-4 py-3">
              <LeadStatusBadge status={lead.status} />
            </td>
            <td
              className="whitespace-nowrap px-4 py-3 text-slate-500"
              title={new Date(lead.createdAt).toLocaleString(lang)}
            >
              {relativeTime(lead.createdAt, lang)}
            </td>
            <td className="px-4 py-3">
              <div className="flex flex-wrap items-center gap-2">
                {lead.contactId && (
                  <Link href={`/contacts/${lead.contactId}`} className="text-emerald-700 hover:underline">
                    {t('openContact')}
                  </Link>
                )}
                {canAccept && lead.status === 'requested' && lead.botAccountId === sandboxId && (
                  <Button
                    size="small"
                    title={t('acceptHint')}
                    disabled={props.accepting !== undefined}
                    onClick={() => props.onAccept(lead)}
                    data-testid="lead-accept"
                  >
                    {t('accept')}
                  </Button>
                )}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AcceptedNote(props: { lead: Lead; accepted: LeadAccepted; onClose: () => void }) {
  const t = leadsMessages.useT();
  const who = props.lead.name || (props.lead.phone ? phoneText(props.lead.phone) : (props.lead.weixin ?? ''));
  return (
    <Card className="mb-4 p-4">
      <div role="status" data-testid="lead-accepted" className="space-y-2 text-sm">
        <div className="flex items-start justify-between gap-2">
          <p className="font-medium text-slate-900">{t('acceptedBy', { who })}</p>
          <Button size="small" variant="ghost" onClick={props.onClose}>
            {t('done')}
          </Button>
        </div>
        {props.accepted.replies.length === 0 ? (
          <p className="text-slate-500">{t('noReplies')}</p>
        ) : (
          <>
            <p className="text-slate-500">{t('replies')}</p>
            <ul className="space-y-1">
              {props.accepted.replies.map((reply, i) => (
                <li
                  // Replies have no id of their own; their order is what they are.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  key={i}
                  data-testid="lead-reply"
                  className="w-fit max-w-prose rounded-2xl rounded-tl-sm bg-emerald-50 px-3 py-1.5 text-slate-800 ring-1 ring-emerald-100"
                >
                  {reply.text}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Card>
  );
}
