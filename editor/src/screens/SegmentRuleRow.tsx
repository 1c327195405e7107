// One rule of the segment builder: the field (grouped as the marketer thinks of contacts), the key
// of a family field (attribute, goal, campaign), the comparison the field takes, and its value.
import { IconButton, Input, Select } from '../app/ui.tsx';
import { GLYPHS } from '../flow-editor/icons.tsx';
import { useCampaigns, useSegmentNames } from './campaigns-api.ts';
import {
  type EditableRule,
  FIELD_GROUPS,
  type FieldKind,
  joinField,
  OPS_BY_KIND,
  type RuleOp,
  ruleOfKind,
  splitField,
  valueInput,
} from './campaigns-rules.ts';
import { type SegmentKey, segmentMessages } from './campaigns-segment-messages.ts';
import { RuleValue } from './SegmentRuleValue.tsx';

export function SegmentRuleRow(props: {
  rule: EditableRule;
  onChange: (rule: EditableRule) => void;
  onRemove: () => void;
  /** The row's place, for test ids and labels. */
  index: number;
}) {
  const t = segmentMessages.useT();
  const { rule, onChange } = props;
  const { kind, key } = splitField(rule.field);
  const setOp = (op: RuleOp) => {
    const before = valueInput(kind, rule.op);
    const next: EditableRule = { ...rule, op };
    // A value typed for one kind of input means nothing to another (a date to a duration).
    if (valueInput(kind, op) !== before) return onChange({ ...ruleOfKind(kind, key), op, value: undefined });
    if (valueInput(kind, op) === 'none') delete next.value;
    onChange(next);
  };
  return (
    <div className="flex items-start gap-2" data-testid={`rule-${props.index}`}>
      <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
        <Select
          aria-label={t('field')}
          value={kind}
          onChange={(e) => onChange(ruleOfKind(e.target.value as FieldKind))}
          className="w-56"
        >
          {FIELD_GROUPS.map(([group, kinds]) => (
            <optgroup key={group} label={t(`group_${group}` as SegmentKey)}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`field_${k}` as SegmentKey)}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
        <FieldKey
          kind={kind}
          index={props.index}
          value={key}
          onChange={(k) => onChange({ ...rule, field: joinField(kind, k) })}
        />
        <Select
          aria-label={t('op')}
          value={rule.op}
          onChange={(e) => setOp(e.target.value as RuleOp)}
          className="w-36"
        >
          {OPS_BY_KIND[kind].map((op) => (
            <option key={op} value={op}>
              {t(`op_${op}` as SegmentKey)}
            </option>
          ))}
        </Select>
        <RuleValue
          input={valueInput(kind, rule.op)}
          value={rule.value === undefined ? '' : String(rule.value)}
          onChange={(value) => onChange({ ...rule, value })}
        />
      </div>
      <IconButton icon={GLYPHS.trash} title={t('removeRule')} onClick={props.onRemove} />
    </div>
  );
}

/** The name after a family's prefix: an attribute's or a goal's, typed or picked from those known; a campaign, picked. */
function FieldKey(props: { kind: FieldKind; value: string; onChange: (key: string) => void; index: number }) {
  const t = segmentMessages.useT();
  const campaigns = useCampaigns();
  const names = useSegmentNames();
  if (props.kind === 'campaign.*')
    return (
      <Select
        aria-label={t('pickCampaign')}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className="w-48"
      >
        <option value="">{t('pickCampaign')}</option>
        {(campaigns.data ?? [])
          .filter((c) => c.status !== 'draft')
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
      </Select>
    );
  if (props.kind !== 'attributes.*' && props.kind !== 'goal.*') return null;
  const goal = props.kind === 'goal.*';
  const label = t(goal ? 'goalName' : 'attributeKey');
  const known = (goal ? names.data?.goals : names.data?.attributes) ?? [];
  const list = `rule-${props.index}-names`;
  return (
    <>
      <Input
        aria-label={label}
        placeholder={label}
        value={props.value}
        list={list}
        autoComplete="off"
        onChange={(e) => props.onChange(e.target.value)}
        className="w-36"
      />
      <datalist id={list} data-testid={list}>
        {known.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
