// The wizard's first two steps: the flow to send (a published flow starting with the Campaign
// trigger) with the campaign's name, and the audience (a saved segment or rules here) with the
// exclusions and what each takes out.
import { Link } from 'wouter';
import { Input, Segmented, Select } from '../app/ui.tsx';
import { type PreviewResult, useCampaignFlows, useSegments } from './campaigns-api.ts';
import { campaignsMessages } from './campaigns-messages.ts';
import type { WizardForm } from './campaigns-wizard.ts';
import { SegmentRulesEditor } from './SegmentBuilder.tsx';
import { SegmentExclusions, SegmentSample } from './SegmentPreview.tsx';

export type StepProps = { form: WizardForm; set: (patch: Partial<WizardForm>) => void };

export function FlowStep({ form, set }: StepProps) {
  const t = campaignsMessages.useT();
  const { flows, isPending } = useCampaignFlows();
  const picked = flows.find((f) => f.id === form.flowId);
  return (
    <div className="space-y-4">
      <label className="block text-sm font-medium text-slate-700">
        {t('campaignName')}
        <Input
          className="mt-1 block w-full max-w-md"
          value={form.name}
          onChange={(e) => set({ name: e.target.value })}
          data-testid="campaign-name"
        />
      </label>
      <div>
        <p className="mb-2 text-sm font-medium text-slate-700">{t('pickFlow')}</p>
        {!isPending && flows.length === 0 && (
          <p
            className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800"
            data-testid="no-campaign-flows"
          >
            {t('noFlows')}{' '}
            <Link href="/flows" className="font-medium underline">
              {t('openFlows')}
            </Link>
          </p>
        )}
        <div className="grid gap-2 sm:grid-cols-2">
          {flows.map((flow) => (
            <button
              key={flow.id}
              type="button"
              data-testid="campaign-flow"
              aria-pressed={flow.id === form.flowId}
              onClick={() => set({ flowId: flow.id, name: form.name || flow.name })}
              className={`rounded-lg p-3 text-left text-sm ring-1 ${
                flow.id === form.flowId
                  ? 'bg-emerald-50 ring-emerald-400'
                  : 'bg-white ring-slate-200 hover:ring-slate-300'
              }`}
            >
              <span className="font-medium text-slate-900">{flow.name}</span>
            </button>
          ))}
        </div>
        {picked && (
          <p className="mt-3 text-sm text-slate-500" data-testid="variants-note">
            {picked.variants > 0
              ? t('variantsNote', { variants: picked.variants, sends: picked.sends })
              : t('noVariants')}
          </p>
        )}
      </div>
    </div>
  );
}

export function AudienceStep(props: StepProps & { preview: PreviewResult }) {
  const t = campaignsMessages.useT();
  const { form, set } = props;
  const segments = useSegments().data ?? [];
  return (
    <div className="space-y-4">
      <Segmented
        aria-label={t('audience')}
        value={form.audience}
        options={[
          { value: 'segment', label: t('audienceSegment'), testId: 'audience-segment' },
          { value: 'rules', label: t('audienceRules'), testId: 'audience-rules' },
        ]}
        onChange={(audience) => set({ audience })}
      />
      {form.audience === 'segment' ? (
        segments.length === 0 ? (
          <p className="text-sm text-slate-500">{t('noSegments')}</p>
        ) : (
          <Select
            aria-label={t('pickSegment')}
            value={form.segmentId}
            onChange={(e) => set({ segmentId: e.target.value })}
            className="w-72"
          >
            <option value="">{t('pickSegment')}</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        )
      ) : (
        <SegmentRulesEditor rules={form.rules} onChange={(rules) => set({ rules })} />
      )}
      <div className="border-t border-slate-100 pt-4">
        <SegmentExclusions
          preview={props.preview}
          exclusions={form.exclusions}
          onChange={(exclusions) => set({ exclusions })}
        />
      </div>
      <div className="border-t border-slate-100 pt-4">
        <SegmentSample preview={props.preview} />
      </div>
    </div>
  );
}
