// The campaign wizard (`/campaigns/new`, `?segment=<id>` to start from a segment, `?draft=<id>` to
// carry on with a draft): Flow → Audience → When → Replies → Review, with the count and the
// estimate always in view on the right; the draft is saved as the marketer goes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api } from '../api.ts';
import { Button, Card, ErrorNote, PageHeader } from '../app/ui.tsx';
import { CampaignSide } from './CampaignEstimate.tsx';
import { AudienceStep, FlowStep } from './CampaignWizardSteps.tsx';
import { RepliesStep, ReviewStep, WhenStep } from './CampaignWizardTiming.tsx';
import { campaignKeys, useCampaign, useSegmentPreview, useSegments } from './campaigns-api.ts';
import { useCampaignDraft } from './campaigns-draft.ts';
import { campaignsMessages } from './campaigns-messages.ts';
import {
  draftBody,
  formOfDraft,
  initialForm,
  STEPS,
  type Step,
  type WizardForm,
} from './campaigns-wizard.ts';

export function CampaignWizard() {
  const t = campaignsMessages.useT();
  const params = new URLSearchParams(useSearch());
  const draftId = params.get('draft');
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<WizardForm>(() => initialForm(params.get('segment')));
  const [step, setStep] = useState<Step>('flow');
  const set = (patch: Partial<WizardForm>) => setForm((f) => ({ ...f, ...patch }));
  useLoadDraft(draftId, setForm);

  const segment = useSegments().data?.find((s) => s.id === form.segmentId);
  const audience = form.audience === 'segment' ? (segment?.rules ?? null) : form.rules;
  const preview = useSegmentPreview(audience, form.exclusions);
  const draft = useCampaignDraft(draftBody(form), draftId);
  const launch = useMutation({
    mutationFn: async () => {
      const id = await draft.flush();
      await api('POST', `/campaigns/${id}/launch`);
      return id;
    },
    onSuccess: (id) => {
      queryClient.invalidateQueries({ queryKey: campaignKeys.list });
      navigate(`/campaigns/${id}`);
    },
  });
  const at = STEPS.indexOf(step);
  const stepProps = { form, set };
  return (
    <>
      <Link href="/campaigns" className="mb-3 inline-block text-sm text-emerald-700 hover:underline">
        {t('back')}
      </Link>
      <PageHeader title={form.name || t('wizardTitle')} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <ol className="flex flex-wrap gap-1" aria-label={t('wizardTitle')}>
            {STEPS.map((s, i) => (
              <li key={s}>
                <Button
                  size="compact"
                  variant={s === step ? 'active' : 'ghost'}
                  aria-current={s === step ? 'step' : undefined}
                  data-testid={`step-${s}`}
                  onClick={() => setStep(s)}
                >
                  <span className="tabular-nums text-slate-400">{i + 1}</span> {t(`step_${s}`)}
                </Button>
              </li>
            ))}
          </ol>
          <Card className="p-5">
            {step === 'flow' && <FlowStep {...stepProps} />}
            {step === 'audience' && <AudienceStep {...stepProps} preview={preview} />}
            {step === 'when' && <WhenStep {...stepProps} />}
            {step === 'replies' && <RepliesStep {...stepProps} />}
            {step === 'review' && <ReviewStep {...stepProps} count={preview.data?.count} />}
          </Card>
          <div className="flex justify-between">
            <Button disabled={at === 0} onClick={() => setStep(STEPS[at - 1] ?? step)}>
              {t('prev')}
            </Button>
            {at < STEPS.length - 1 && (
              <Button
                variant="primary"
                data-testid="wizard-next"
                onClick={() => setStep(STEPS[at + 1] ?? step)}
              >
                {t('next')}
              </Button>
            )}
          </div>
          <ErrorNote error={launch.error} />
        </div>
        <CampaignSide
          preview={preview}
          rules={form.audience === 'rules' ? form.rules : null}
          estimate={draft.estimate}
          draftError={draft.error}
          saving={draft.saving}
          startsAt={form.when !== 'now' && form.at ? new Date(form.at).toISOString() : null}
          launching={launch.isPending}
          onLaunch={() => launch.mutate()}
        />
      </div>
    </>
  );
}

/** A draft opened from the list fills the form once it loads. */
function useLoadDraft(draftId: string | null, setForm: (form: WizardForm) => void) {
  const loaded = useCampaign(draftId ?? '', false);
  const data = draftId ? loaded.data : undefined;
  const [filled, setFilled] = useState(false);
  useEffect(() => {
    if (data && !filled) {
      setForm(formOfDraft(data));
      setFilled(true);
    }
  }, [data, filled, setForm]);
}
