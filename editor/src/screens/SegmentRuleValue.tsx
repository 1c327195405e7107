// A segment rule's value, entered the way its field means it: duration chips (or a custom ISO
// duration), a date, a friend status, a grade, a room set, a flow, a campaign bucket, or text.
import { Button, Input, Select } from '../app/ui.tsx';
import { useFlowList } from '../queries.ts';
import { useRoomSets } from './campaigns-api.ts';
import {
  ACTIVITY_GRADES,
  durationDays,
  FRIEND_STATUSES,
  RULE_BUCKETS,
  type ValueInput,
} from './campaigns-rules.ts';
import { type SegmentKey, segmentMessages } from './campaigns-segment-messages.ts';

const CHIPS = ['P1D', 'P3D', 'P7D', 'P30D'] as const;

export function RuleValue(props: { input: ValueInput; value: string; onChange: (value: string) => void }) {
  const t = segmentMessages.useT();
  const { input, value, onChange } = props;
  if (input === 'none') return null;
  if (input === 'duration') return <DurationValue value={value} onChange={onChange} />;
  if (input === 'date')
    return (
      <Input
        type="date"
        aria-label={t('value')}
        value={value.slice(0, 10)}
        onChange={(e) => onChange(e.target.value)}
        className="w-40"
      />
    );
  if (input === 'roomSet') return <RoomSetValue value={value} onChange={onChange} />;
  if (input === 'flow') return <FlowValue value={value} onChange={onChange} />;
  const choices: Partial<Record<ValueInput, readonly string[]>> = {
    friendStatus: FRIEND_STATUSES,
    grade: ACTIVITY_GRADES,
    bucket: RULE_BUCKETS,
  };
  const options = choices[input];
  if (options)
    return (
      <Select
        aria-label={t('value')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="w-40"
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {t((input === 'bucket' ? `bucket_${option}` : option) as SegmentKey)}
          </option>
        ))}
      </Select>
    );
  return (
    <Input
      aria-label={t('value')}
      placeholder={t('value')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className="w-44"
    />
  );
}

/** P1D / P3D / P7D / P30D as chips; any other ISO duration typed under "Custom". */
function DurationValue(props: { value: string; onChange: (value: string) => void }) {
  const t = segmentMessages.useT();
  const custom = !(CHIPS as readonly string[]).includes(props.value);
  const label = (chip: string) => {
    const n = durationDays(chip) ?? 0;
    return n === 1 ? t('oneDay') : t('days', { n });
  };
  return (
    <div className="flex items-center gap-1">
      {CHIPS.map((chip) => (
        <Button
          key={chip}
          size="compact"
          variant={props.value === chip ? 'active' : 'secondary'}
          aria-pressed={props.value === chip}
          onClick={() => props.onChange(chip)}
        >
          {label(chip)}
        </Button>
      ))}
      <Input
        size="compact"
        aria-label={t('custom')}
        title={t('customHint')}
        placeholder={t('custom')}
        value={custom ? props.value : ''}
        onChange={(e) => props.onChange(e.target.value.toUpperCase())}
        className="w-20"
      />
    </div>
  );
}

function RoomSetValue(props: { value: string; onChange: (value: string) => void }) {
  const t = segmentMessages.useT();
  const sets = useRoomSets().data ?? [];
  if (sets.length === 0 && !props.value)
    return <span className="text-xs text-slate-500">{t('noRoomSets')}</span>;
  return (
    <Select
      aria-label={t('pickRoomSet')}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      className="w-44"
    >
      <option value="">{t('pickRoomSet')}</option>
      {sets.map((set) => (
        <option key={set.id} value={set.name}>
          {set.name}
        </option>
      ))}
    </Select>
  );
}

function FlowValue(props: { value: string; onChange: (value: string) => void }) {
  const t = segmentMessages.useT();
  const flows = (useFlowList().data ?? []).filter((f) => !f.archived);
  return (
    <Select
      aria-label={t('pickFlow')}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      className="w-48"
    >
      <option value="">{t('pickFlow')}</option>
      {flows.map((flow) => (
        <option key={flow.id} value={flow.id}>
          {flow.name}
        </option>
      ))}
    </Select>
  );
}
