// One campaign (`/campaigns/:id`): progress and counts live over its stream, pause / resume /
// cancel, and the end report's five buckets, each opening its contacts.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api } from '../api.ts';
import { Badge, Button, Card, Empty, ErrorNote, PageHeader } from '../app/ui.tsx';
import { useWorkspaceTime } from '../app/workspace-time.ts';
import { useLang } from '../i18n.ts';
import { CampaignReport } from './CampaignReport.tsx';
import { ProgressBar, STATUS_TONE } from './CampaignsScreen.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { type CampaignDetail, campaignKeys, useCampaign } from './campaigns-api.ts';
import { type CampaignsKey, campaignsMessages } from './campaigns-messages.ts';
import { useCampaignStream } from './campaigns-stream.ts';

const COUNTS = ['audienceCount', 'scheduled', 'sent', 'failed', 'replied', 'deletedUs'] as const;

export function CampaignScreen({ id }: { id: string }) {
  const t = campaignsMessages.useT();
  const cached = useCampaign(id);
  const stream = useCampaignStream(id, cached.data?.status);
  // Without the stream, the counts still move: read them again every 5 s.
  const polled = useCampaign(id, stream === 'down' ? 5_000 : false);
  const campaign = polled.data ?? cached.data;
  if (cached.isPending) return <div className="h-40 animate-pulse rounded-xl bg-slate-100" />;
  if (!campaign)
    return (
      <>
        <ErrorNote error={cached.error} />
        <Empty title={t('notFound')} />
      </>
    );
  return (
    <>
      <Link href="/campaigns" className="mb-3 inline-block text-sm text-emerald-700 hover:underline">
        {t('back')}
      </Link>
      <PageHeader
        title={campaign.name}
        subtitle={campaign.flowName}
        actions={<Controls campaign={campaign} />}
      />
      <Progress campaign={campaign} live={stream} />
      <CampaignReport campaign={campaign} />
    </>
  );
}

function Controls({ campaign }: { campaign: CampaignDetail }) {
  const t = campaignsMessages.useT();
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: (action: 'pause' | 'resume' | 'cancel') => api('POST', `/campaigns/${campaign.id}/${action}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: campaignKeys.list }),
  });
  const { status } = campaign;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <Badge tone={STATUS_TONE[status]}>{t(`status_${status}` as CampaignsKey)}</Badge>
        {(status === 'running' || status === 'scheduled') && (
          <Button data-testid="campaign-pause" disabled={act.isPending} onClick={() => act.mutate('pause')}>
            {t('pause')}
          </Button>
        )}
        {status === 'paused' && (
          <Button data-testid="campaign-resume" disabled={act.isPending} onClick={() => act.mutate('resume')}>
            {t('resume')}
          </Button>
        )}
        {(status === 'running' || status === 'scheduled' || status === 'paused') && (
          <ConfirmButton
            label={t('cancel')}
            question={t('cancelAsk')}
            variant="danger"
            confirmTestId="campaign-cancel"
            onConfirm={() => act.mutate('cancel')}
          />
        )}
      </div>
      <ErrorNote error={act.error} />
    </div>
  );
}

function Progress({ campaign, live }: { campaign: CampaignDetail; live: string }) {
  const t = campaignsMessages.useT();
  const { lang } = useLang();
  const time = useWorkspaceTime();
  const c = campaign.counts;
  const values: Record<(typeof COUNTS)[number], number> = { ...c, audienceCount: c.audience };
  return (
    <Card className="mb-6 space-y-4 p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-slate-800" data-testid="campaign-sent-of">
          {t('sentOf', { sent: c.sent.toLocaleString(lang), audience: c.audience.toLocaleString(lang) })}
        </span>
        <span className="text-xs text-slate-500">
          {campaign.launchedAt && `${t('launched')} ${time.format(campaign.launchedAt)}`}
          {campaign.finishedAt && ` · ${t('finished')} ${time.format(campaign.finishedAt)}`}
          {live !== 'off' && (
            <span className={`ml-2 ${live === 'live' ? 'text-emerald-600' : 'text-slate-400'}`}>
              ● {t(live === 'live' ? 'live' : 'polling')}
            </span>
          )}
        </span>
      </div>
      <ProgressBar sent={c.sent} audience={c.audience} large />
      <dl className="grid grid-cols-3 gap-3 sm:grid-cols-6">
        {COUNTS.map((key) => (
          <div key={key} className="rounded-lg bg-slate-50 px-3 py-2" data-testid={`count-${key}`}>
            <dt className="text-xs text-slate-500">{t(key)}</dt>
            <dd
              className={`text-lg font-semibold tabular-nums ${
                (key === 'failed' || key === 'deletedUs') && values[key] > 0
                  ? 'text-red-700'
                  : 'text-slate-900'
              }`}
            >
              {values[key].toLocaleString(lang)}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
