// The segment builder: match all / any, the rule rows, and beside them the live count, what each
// exclusion takes out, and 10 sample contacts — counted again ~300 ms after every change.
import type { CampaignExclusions } from '../../../shared/segments/rules.ts';
import { Button, Card, Segmented } from '../app/ui.tsx';
import { type Rules, useSegmentPreview } from './campaigns-api.ts';
import { ruleOfKind } from './campaigns-rules.ts';
import { segmentMessages } from './campaigns-segment-messages.ts';
import { SegmentCount, SegmentExclusions, SegmentSample } from './SegmentPreview.tsx';
import { SegmentRuleRow } from './SegmentRuleRow.tsx';

/** The rules only: the match switch and the rows. */
export function SegmentRulesEditor(props: { rules: Rules; onChange: (rules: Rules) => void }) {
  const t = segmentMessages.useT();
  const { rules, onChange } = props;
  const setRule = (i: number, rule: Rules['rules'][number]) =>
    onChange({ ...rules, rules: rules.rules.map((r, n) => (n === i ? rule : r)) });
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-2 text-sm text-slate-600">
        <span>{t('match')}</span>
        <Segmented
          aria-label={t('match')}
          value={rules.match}
          options={[
            { value: 'all', label: t('matchAll'), testId: 'match-all' },
            { value: 'any', label: t('matchAny'), testId: 'match-any' },
          ]}
          onChange={(match) => onChange({ ...rules, match })}
        />
      </div>
      {rules.rules.length === 0 && <p className="text-sm text-slate-500">{t('noRules')}</p>}
      {rules.rules.map((rule, i) => (
        <SegmentRuleRow
          // Rows have no ids of their own; a removed row shifts the rest, which re-render with their rule.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={i}
          index={i}
          rule={rule}
          onChange={(next) => setRule(i, next)}
          onRemove={() => onChange({ ...rules, rules: rules.rules.filter((_, n) => n !== i) })}
        />
      ))}
      <Button
        variant="ghost"
        data-testid="add-rule"
        onClick={() => onChange({ ...rules, rules: [...rules.rules, ruleOfKind('contact.lastInboundAt')] })}
      >
        {t('addRule')}
      </Button>
    </div>
  );
}

/** Rules on the left; count, exclusions and sample on the right. */
export function SegmentBuilder(props: {
  rules: Rules;
  onChange: (rules: Rules) => void;
  exclusions: CampaignExclusions;
  onExclusions: (exclusions: CampaignExclusions) => void;
}) {
  const preview = useSegmentPreview(props.rules, props.exclusions);
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <Card className="self-start p-4">
        <SegmentRulesEditor rules={props.rules} onChange={props.onChange} />
      </Card>
      <div className="space-y-4">
        <Card className="space-y-4 p-4">
          <SegmentCount preview={preview} rules={props.rules} />
          <SegmentExclusions preview={preview} exclusions={props.exclusions} onChange={props.onExclusions} />
        </Card>
        <Card className="p-4">
          <SegmentSample preview={preview} />
        </Card>
      </div>
    </div>
  );
}
