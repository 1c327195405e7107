// The campaign wizard's form: its steps, its starting values, the draft body it saves (POST, then
// PATCH as the marketer goes), and a saved draft read back into the form.
import type { CampaignDetail } from '../../../shared/api/campaigns.ts';
import { type CampaignExclusions, DEFAULT_EXCLUSIONS, type Weekday } from '../../../shared/segments/rules.ts';
import type { Rules } from './campaigns-api.ts';
import { completeRules } from './campaigns-api.ts';
import { ruleOfKind } from './campaigns-rules.ts';

export const STEPS = ['flow', 'audience', 'when', 'replies', 'review'] as const;
export type Step = (typeof STEPS)[number];
export const REPLY_WINDOWS = ['P1D', 'P3D', 'P7D'] as const;

export type WizardForm = {
  name: string;
  flowId: string;
  audience: 'segment' | 'rules';
  segmentId: string;
  rules: Rules;
  exclusions: CampaignExclusions;
  when: 'now' | 'at' | 'monthly';
  /** A `datetime-local` value: the browser's local time. */
  at: string;
  sendTime: 'fixed' | 'best_hour';
  window: { from: string; to: string; days: Weekday[] };
  replyTo: 'flow' | 'inbox';
  replyWindow: string;
};

export function initialForm(segmentId?: string | null): WizardForm {
  return {
    name: '',
    flowId: '',
    audience: segmentId ? 'segment' : 'rules',
    segmentId: segmentId ?? '',
    rules: { match: 'all', rules: [ruleOfKind('contact.lastInboundAt')] },
    exclusions: DEFAULT_EXCLUSIONS,
    when: 'now',
    at: '',
    sendTime: 'best_hour',
    window: { from: '09:00', to: '21:00', days: [] },
    replyTo: 'flow',
    replyWindow: 'P3D',
  };
}

/** The draft's body, or null while the form cannot make one yet (no flow, no segment picked). */
export function draftBody(form: WizardForm): Record<string, unknown> | null {
  if (!form.flowId || !form.name.trim()) return null;
  if (form.audience === 'segment' && !form.segmentId) return null;
  const at = form.when !== 'now' && form.at ? new Date(form.at).toISOString() : undefined;
  if (form.when !== 'now' && !at) return null;
  return {
    name: form.name.trim(),
    flowId: form.flowId,
    ...(form.audience === 'segment' ? { segmentId: form.segmentId } : { rules: completeRules(form.rules) }),
    exclusions: form.exclusions,
    schedule: { ...(at ? { at } : {}), ...(form.when === 'monthly' ? { repeat: 'monthly' } : {}) },
    sendTime: form.sendTime,
    ...(form.sendTime === 'best_hour' ? { window: form.window } : {}),
    replyTo: form.replyTo,
    replyWindow: form.replyWindow,
  };
}

/** `2025-12-05T13:00:00Z` → `2025-12-05T21:00` in the browser's zone (a datetime-local value). */
const localInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A saved draft back in the form, to carry on with it. */
export function formOfDraft(draft: CampaignDetail): WizardForm {
  const base = initialForm(draft.segmentId);
  return {
    ...base,
    name: draft.name,
    flowId: draft.flowId,
    rules: draft.segmentId ? base.rules : (draft.rules as Rules),
    exclusions: draft.exclusions,
    when: draft.schedule.repeat === 'monthly' ? 'monthly' : draft.schedule.at ? 'at' : 'now',
    at: draft.schedule.at ? localInput(draft.schedule.at) : '',
    sendTime: draft.sendTime,
    window: draft.window ? { ...draft.window, days: draft.window.days } : base.window,
    replyTo: draft.replyTo,
    replyWindow: draft.replyWindow,
  };
}
