// The wizard's later steps: when it launches and at what hour each contact gets it, where replies
// go and how long they are waited for, and the review before launch.
import { WEEKDAYS } from '../../../shared/segments/rules.ts';
import { Button, Input, Segmented } from '../app/ui.tsx';
import type { StepProps } from './CampaignWizardSteps.tsx';
import { useCampaignFlows } from './campaigns-api.ts';
import { type CampaignsKey, campaignsMessages } from './campaigns-messages.ts';
import { durationDays } from './campaigns-rules.ts';
import { segmentMessages } from './campaigns-segment-messages.ts';
import { REPLY_WINDOWS } from './campaigns-wizard.ts';

const heading = 'mb-2 text-sm font-medium text-slate-700';

export function WhenStep({ form, set }: StepProps) {
  const t = campaignsMessages.useT();
  const toggleDay = (day: (typeof WEEKDAYS)[number]) => {
    const days = form.window.days.includes(day)
      ? form.window.days.filter((d) => d !== day)
      : WEEKDAYS.filter((d) => d === day || form.window.days.includes(d));
    set({ window: { ...form.window, days } });
  };
  return (
    <div className="space-y-6">
      <div>
        <Segmented
          aria-label={t('step_when')}
          value={form.when}
          options={(['now', 'at', 'monthly'] as const).map((v) => ({
            value: v,
            label: t(`when_${v}`),
            testId: `when-${v}`,
          }))}
          onChange={(when) => set({ when })}
        />
        {form.when !== 'now' && (
          <label className="mt-3 block text-sm text-slate-600">
            {t('startAt')}
            <Input
              type="datetime-local"
              className="ml-2"
              value={form.at}
              onChange={(e) => set({ at: e.target.value })}
              data-testid="start-at"
            />
          </label>
        )}
      </div>
      <div>
        <p className={heading}>{t('sendTime')}</p>
        <Segmented
          aria-label={t('sendTime')}
          value={form.sendTime}
          options={(['best_hour', 'fixed'] as const).map((v) => ({
            value: v,
            label: t(`sendTime_${v}`),
            testId: `sendtime-${v}`,
          }))}
          onChange={(sendTime) => set({ sendTime })}
        />
        {form.sendTime === 'best_hour' && (
          <div className="mt-3 space-y-3">
            <p className="text-sm text-slate-500">{t('bestHourHint')}</p>
            <div className="flex items-center gap-2 text-sm text-slate-600">
              {t('windowFrom')}
              <Input
                type="time"
                value={form.window.from}
                onChange={(e) => set({ window: { ...form.window, from: e.target.value } })}
                aria-label={t('windowFrom')}
              />
              {t('windowTo')}
              <Input
                type="time"
                value={form.window.to}
                onChange={(e) => set({ window: { ...form.window, to: e.target.value } })}
                aria-label={t('windowTo')}
              />
            </div>
            <div className="flex items-center gap-1 text-sm text-slate-600">
              <span className="mr-1">{t('windowDays')}</span>
              {WEEKDAYS.map((day) => (
                <Button
                  key={day}
                  size="compact"
                  variant={form.window.days.includes(day) ? 'active' : 'secondary'}
                  aria-pressed={form.window.days.includes(day)}
                  onClick={() => toggleDay(day)}
                >
                  {t(`day_${day}` as CampaignsKey)}
                </Button>
              ))}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

export function RepliesStep({ form, set }: StepProps) {
  const t = campaignsMessages.useT();
  const words = segmentMessages.useT();
  return (
    <div className="space-y-6">
      <div>
        <p className={heading}>{t('replyTo')}</p>
        <Segmented
          aria-label={t('replyTo')}
          value={form.replyTo}
          options={(['flow', 'inbox'] as const).map((v) => ({ value: v, label: t(`replyTo_${v}`) }))}
          onChange={(replyTo) => set({ replyTo })}
        />
      </div>
      <div>
        <p className={heading}>{t('replyWindow')}</p>
        <Segmented
          aria-label={t('replyWindow')}
          value={form.replyWindow}
          options={REPLY_WINDOWS.map((v) => ({
            value: v,
            label: words('days', { n: durationDays(v) ?? 0 }),
          }))}
          onChange={(replyWindow) => set({ replyWindow })}
        />
        <p className="mt-2 text-sm text-slate-500">{t('replyWindowHint')}</p>
      </div>
    </div>
  );
}

export function ReviewStep({ form, count }: StepProps & { count: number | undefined }) {
  const t = campaignsMessages.useT();
  const flow = useCampaignFlows().flows.find((f) => f.id === form.flowId);
  return (
    <div className="space-y-2 text-sm text-slate-700">
      <p className="font-medium text-slate-900">{form.name}</p>
      <p>{t('summaryFlow', { name: flow?.name ?? '—' })}</p>
      <p>{t('summaryAudience', { n: count ?? '—' })}</p>
      <p>
        {t(`when_${form.when}`)}
        {form.when !== 'now' && form.at && ` · ${form.at.replace('T', ' ')}`} ·{' '}
        {t(`sendTime_${form.sendTime}`)}
        {form.sendTime === 'best_hour' && ` (${form.window.from}–${form.window.to})`}
      </p>
      <p>
        {t('replyTo')}: {t(`replyTo_${form.replyTo}`)}
      </p>
      <p className="pt-2 text-slate-500">{t('review')}</p>
    </div>
  );
}
