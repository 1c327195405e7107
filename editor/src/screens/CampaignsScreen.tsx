// Campaigns (`/campaigns`, `/campaigns/segments`): the campaigns with their status, progress and
// results at a glance, and the saved segments, each counted on demand.
import { Link, useLocation } from 'wouter';
import { Badge, Button, Card, Empty, ErrorNote, PageHeader, Segmented, useRowLink } from '../app/ui.tsx';
import { useWorkspaceTime } from '../app/workspace-time.ts';
import { useLang } from '../i18n.ts';
import { type CampaignDetail, useCampaigns } from './campaigns-api.ts';
import { type CampaignsKey, campaignsMessages } from './campaigns-messages.ts';
import { SegmentsList } from './SegmentsList.tsx';

export const STATUS_TONE = {
  draft: 'slate',
  scheduled: 'blue',
  running: 'green',
  paused: 'amber',
  finished: 'slate',
  cancelled: 'red',
} as const;

export function CampaignsScreen({ tab = 'campaigns' }: { tab?: 'campaigns' | 'segments' }) {
  const t = campaignsMessages.useT();
  const [, navigate] = useLocation();
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <Button onClick={() => navigate('/campaigns/segments/new')} data-testid="new-segment">
              {t('newSegment')}
            </Button>
            <Button variant="primary" onClick={() => navigate('/campaigns/new')} data-testid="new-campaign">
              {t('newCampaign')}
            </Button>
          </>
        }
      />
      <div className="mb-4">
        <Segmented
          aria-label={t('title')}
          size="compact"
          value={tab}
          options={[
            { value: 'campaigns', label: t('tabCampaigns'), testId: 'tab-campaigns' },
            { value: 'segments', label: t('tabSegments'), testId: 'tab-segments' },
          ]}
          onChange={(next) => navigate(next === 'segments' ? '/campaigns/segments' : '/campaigns')}
        />
      </div>
      {tab === 'segments' ? <SegmentsList /> : <CampaignList />}
    </>
  );
}

function CampaignList() {
  const t = campaignsMessages.useT();
  const [, navigate] = useLocation();
  const campaigns = useCampaigns();
  const items = campaigns.data ?? [];
  return (
    <>
      <ErrorNote error={campaigns.error} />
      <Card className="overflow-hidden">
        {campaigns.isPending ? (
          <div className="h-40 animate-pulse bg-slate-50" />
        ) : items.length === 0 ? (
          <Empty
            title={t('empty')}
            hint={t('emptyHint')}
            action={
              <Button variant="primary" onClick={() => navigate('/campaigns/new')}>
                {t('newCampaign')}
              </Button>
            }
          />
        ) : (
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-3">{t('name')}</th>
                <th className="px-4 py-3">{t('status')}</th>
                <th className="px-4 py-3">{t('progress')}</th>
                <th className="px-4 py-3 text-right">{t('replied')}</th>
                <th className="px-4 py-3 text-right">{t('intent')}</th>
                <th className="px-4 py-3">{t('launched')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((c) => (
                <CampaignRow key={c.id} campaign={c} />
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}

function CampaignRow({ campaign: c }: { campaign: CampaignDetail }) {
  const t = campaignsMessages.useT();
  const { lang } = useLang();
  const time = useWorkspaceTime();
  const href = c.status === 'draft' ? `/campaigns/new?draft=${c.id}` : `/campaigns/${c.id}`;
  const rowLink = useRowLink(href);
  return (
    <tr {...rowLink} data-testid="campaign-row">
      <td className="px-4 py-3">
        <Link href={href} className="font-medium text-slate-900 hover:text-emerald-700">
          {c.name}
        </Link>
        <div className="text-xs text-slate-500">{c.flowName}</div>
      </td>
      <td className="px-4 py-3">
        <Badge tone={STATUS_TONE[c.status]}>{t(`status_${c.status}` as CampaignsKey)}</Badge>
      </td>
      <td className="w-56 px-4 py-3">
        <ProgressBar sent={c.counts.sent} audience={c.counts.audience} />
        <div className="mt-1 text-xs text-slate-500 tabular-nums">
          {c.counts.sent.toLocaleString(lang)} / {c.counts.audience.toLocaleString(lang)}
        </div>
      </td>
      <td className="px-4 py-3 text-right tabular-nums">{c.counts.replied.toLocaleString(lang)}</td>
      <td className="px-4 py-3 text-right font-medium text-emerald-700 tabular-nums">
        {c.counts.intent.toLocaleString(lang)}
      </td>
      <td className="px-4 py-3 text-xs text-slate-500">
        {c.launchedAt ? time.format(c.launchedAt) : '—'}
        {c.finishedAt && <div>→ {time.format(c.finishedAt)}</div>}
      </td>
    </tr>
  );
}

/** Sent of the audience as a bar; the list's and the campaign page's. */
export function ProgressBar(props: { sent: number; audience: number; large?: boolean }) {
  const pct = props.audience > 0 ? Math.min(100, (props.sent / props.audience) * 100) : 0;
  return (
    <div
      className={`w-full overflow-hidden rounded-full bg-slate-100 ${props.large ? 'h-3' : 'h-1.5'}`}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={props.audience}
      aria-valuenow={props.sent}
      data-testid="campaign-progress"
    >
      <div className="h-full rounded-full bg-emerald-500 transition-all" style={{ width: `${pct}%` }} />
    </div>
  );
}
