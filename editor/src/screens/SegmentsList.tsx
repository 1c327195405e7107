// The saved segments: name, rules, and a count asked for on demand (a count reads many contacts).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { DEFAULT_EXCLUSIONS } from '../../../shared/segments/rules.ts';
import { api } from '../api.ts';
import { Button, Card, Empty, ErrorNote } from '../app/ui.tsx';
import { useWorkspaceTime } from '../app/workspace-time.ts';
import { useLang } from '../i18n.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { campaignKeys, type SegmentItem, useSegmentPreview, useSegments } from './campaigns-api.ts';
import { campaignsMessages } from './campaigns-messages.ts';

export function SegmentsList() {
  const t = campaignsMessages.useT();
  const [, navigate] = useLocation();
  const segments = useSegments();
  const items = segments.data ?? [];
  return (
    <>
      <ErrorNote error={segments.error} />
      <Card className="overflow-hidden">
        {segments.isPending ? (
          <div className="h-40 animate-pulse bg-slate-50" />
        ) : items.length === 0 ? (
          <Empty
            title={t('segmentsEmpty')}
            hint={t('segmentsEmptyHint')}
            action={
              <Button variant="primary" onClick={() => navigate('/campaigns/segments/new')}>
                {t('newSegment')}
              </Button>
            }
          />
        ) : (
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-3">{t('name')}</th>
                <th className="px-4 py-3">{t('rules')}</th>
                <th className="px-4 py-3">{t('created')}</th>
                <th className="px-4 py-3 text-right">{t('audience')}</th>
                <th className="px-4 py-3" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((segment) => (
                <SegmentRow key={segment.id} segment={segment} />
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}

function SegmentRow({ segment }: { segment: SegmentItem }) {
  const t = campaignsMessages.useT();
  const { lang } = useLang();
  const time = useWorkspaceTime();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [counting, setCounting] = useState(false);
  const preview = useSegmentPreview(counting ? segment.rules : null, DEFAULT_EXCLUSIONS);
  const remove = useMutation({
    mutationFn: () => api('DELETE', `/segments/${segment.id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.segments }),
  });
  return (
    <tr data-testid="segment-row">
      <td className="px-4 py-3 font-medium text-slate-900">{segment.name}</td>
      <td className="px-4 py-3 text-slate-500">{t('ruleCount', { n: segment.rules.rules.length })}</td>
      <td className="px-4 py-3 text-xs text-slate-500">{time.format(segment.createdAt)}</td>
      <td className="px-4 py-3 text-right tabular-nums" data-testid="segment-row-count">
        {preview.data ? (
          preview.data.count.toLocaleString(lang)
        ) : (
          <Button size="small" variant="ghost" disabled={counting} onClick={() => setCounting(true)}>
            {t('countNow')}
          </Button>
        )}
        <ErrorNote error={preview.error ?? remove.error} />
      </td>
      <td className="flex items-center justify-end gap-2 whitespace-nowrap px-4 py-3">
        <Button onClick={() => navigate(`/campaigns/new?segment=${segment.id}`)}>{t('newCampaign')}</Button>
        <ConfirmButton
          label={t('deleteSegment')}
          question={t('deleteSegmentAsk')}
          variant="danger"
          onConfirm={() => remove.mutate()}
        />
      </td>
    </tr>
  );
}
