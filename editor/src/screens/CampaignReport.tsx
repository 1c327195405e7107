// The end report: every member in one of five buckets, as cards with count and share of the audience;
// a bucket opens its contacts (reply, when, "open in inbox"), and can be saved as a segment or
// enrolled in a follow-up campaign.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../api.ts';
import { ContactRow } from '../app/contact-row.tsx';
import { PagedTable } from '../app/lists.tsx';
import { Button, Card, ErrorNote } from '../app/ui.tsx';
import { useLang } from '../i18n.ts';
import { CsvDownload } from './ContactsExport.tsx';
import {
  type CampaignContact,
  type CampaignDetail,
  campaignKeys,
  REPORT_BUCKETS,
  type ReportBucket,
  saveBucketSegment,
} from './campaigns-api.ts';
import { campaignsMessages } from './campaigns-messages.ts';

/** A bucket's colour when it holds anyone (an empty one is grey: a red 0 alarms for nothing). */
const TONE: Record<ReportBucket, string> = {
  deletedUs: 'text-red-700',
  simpleReply: 'text-slate-900',
  intent: 'text-emerald-700',
  otherReply: 'text-sky-700',
  noReply: 'text-slate-500',
};

export function CampaignReport({ campaign }: { campaign: CampaignDetail }) {
  const t = campaignsMessages.useT();
  const { lang } = useLang();
  const [open, setOpen] = useState<ReportBucket | null>(null);
  if (campaign.status === 'draft') return null;
  const { audience } = campaign.counts;
  const share = (n: number) =>
    new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(
      audience ? n / audience : 0,
    );
  return (
    <section>
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-slate-900">{t('report')}</h2>
        <CsvDownload path={`/campaigns/${campaign.id}/contacts.csv`} />
      </div>
      <p className="mb-3 text-sm text-slate-500">{t('reportHint')}</p>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        {REPORT_BUCKETS.map((bucket) => (
          <button
            key={bucket}
            type="button"
            data-testid={`bucket-${bucket}`}
            aria-pressed={open === bucket}
            onClick={() => setOpen(open === bucket ? null : bucket)}
            className={`rounded-xl bg-white p-4 text-left shadow-sm ring-1 ${
              open === bucket ? 'ring-2 ring-emerald-500' : 'ring-slate-200 hover:ring-slate-300'
            }`}
          >
            <div className="text-xs font-medium text-slate-500">{t(`bucket_${bucket}`)}</div>
            <div
              className={`mt-1 text-2xl font-semibold tabular-nums ${
                campaign.counts[bucket] > 0 ? TONE[bucket] : 'text-slate-400'
              }`}
              data-testid="bucket-count"
            >
              {campaign.counts[bucket].toLocaleString(lang)}
            </div>
            <div className="text-xs text-slate-400">
              {t('share', { pct: share(campaign.counts[bucket]) })}
            </div>
          </button>
        ))}
      </div>
      {open && <BucketContacts key={open} campaign={campaign} bucket={open} />}
    </section>
  );
}

type ContactPage = { items: CampaignContact[]; nextCursor: string | null };

function BucketContacts({ campaign, bucket }: { campaign: CampaignDetail; bucket: ReportBucket }) {
  const t = campaignsMessages.useT();
  const pages = useInfiniteQuery({
    queryKey: ['campaigns', campaign.id, 'contacts', bucket],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ bucket, limit: '50' });
      if (pageParam) params.set('cursor', pageParam);
      return api<ContactPage>('GET', `/campaigns/${campaign.id}/contacts?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card className="mt-4 overflow-hidden">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <h3 className="font-medium text-slate-900">{t(`bucket_${bucket}`)}</h3>
        <BucketActions campaign={campaign} bucket={bucket} empty={!pages.isPending && items.length === 0} />
      </div>
      <ErrorNote error={pages.error} />
      <PagedTable
        testId="bucket-contacts"
        headers={[t('contact'), t('reply'), t('repliedAt'), '']}
        empty={t('noContacts')}
        count={items.length}
        pending={pages.isPending}
        pages={pages}
        loadMore={t('loadMore')}
      >
        {items.map((c) => (
          <ContactRow
            key={c.id}
            testId="bucket-contact"
            contact={c}
            text={c.reply}
            at={c.repliedAt}
            openInbox={t('openInbox')}
            noConversation={<span className="text-xs text-slate-400">{t('noConversation')}</span>}
          />
        ))}
      </PagedTable>
    </Card>
  );
}

/** Save the bucket as a segment; or save it and start a follow-up campaign to it. */
/** `empty`: nobody is in the bucket — nothing to save or follow up (the buttons are off). */
function BucketActions({
  campaign,
  bucket,
  empty,
}: {
  campaign: CampaignDetail;
  bucket: ReportBucket;
  empty: boolean;
}) {
  const t = campaignsMessages.useT();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (_then: 'stay' | 'enroll') =>
      saveBucketSegment(
        campaign.id,
        bucket,
        t('bucketSegmentName', { campaign: campaign.name, bucket: t(`bucket_${bucket}`) }).slice(0, 100),
      ),
    onSuccess: (segment, then) => {
      queryClient.invalidateQueries({ queryKey: campaignKeys.segments });
      if (then === 'enroll') navigate(`/campaigns/new?segment=${segment.id}`);
    },
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {save.data && save.variables === 'stay' && (
        <span className="text-xs text-emerald-700" role="status">
          {t('segmentSaved', { name: save.data.name })}
        </span>
      )}
      <Button
        size="compact"
        disabled={save.isPending || empty}
        onClick={() => save.mutate('stay')}
        data-testid="bucket-save"
      >
        {t('saveSegment')}
      </Button>
      <Button
        size="compact"
        variant="primary"
        disabled={save.isPending || empty}
        onClick={() => save.mutate('enroll')}
        data-testid="bucket-enroll"
      >
        {t('enroll')}
      </Button>
      <ErrorNote error={save.error} />
    </div>
  );
}
