// A new segment (`/campaigns/segments/new`): the builder, and "Save as segment" under a name.
import { useState } from 'react';
import { Link } from 'wouter';
import { type CampaignExclusions, DEFAULT_EXCLUSIONS } from '../../../shared/segments/rules.ts';
import { PageHeader } from '../app/ui.tsx';
import type { Rules } from './campaigns-api.ts';
import { campaignsMessages } from './campaigns-messages.ts';
import { ruleOfKind } from './campaigns-rules.ts';
import { SegmentBuilder } from './SegmentBuilder.tsx';
import { SaveSegment } from './SegmentSave.tsx';

export function SegmentScreen() {
  const t = campaignsMessages.useT();
  const [rules, setRules] = useState<Rules>({ match: 'all', rules: [ruleOfKind('contact.lastInboundAt')] });
  const [exclusions, setExclusions] = useState<CampaignExclusions>(DEFAULT_EXCLUSIONS);
  return (
    <>
      <Link href="/campaigns/segments" className="mb-3 inline-block text-sm text-emerald-700 hover:underline">
        {t('back')}
      </Link>
      <PageHeader title={t('newSegmentTitle')} actions={<SaveSegment rules={rules} />} />
      <SegmentBuilder
        rules={rules}
        onChange={setRules}
        exclusions={exclusions}
        onExclusions={setExclusions}
      />
    </>
  );
}
