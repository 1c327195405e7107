// The funnel panel's range picker: today, 7 or 30 days, or two dates of one's own, with what is
// wrong with those dates said beside them.
import { Input, Segmented } from '../../app/ui.tsx';
import { MAX_DAYS } from '../../screens/KpisRange.tsx';
import { useT } from './messages.ts';
import { RANGE_PRESETS, type StatsRangeState } from './range.ts';

export function StatsRange({ state }: { state: StatsRangeState }) {
  const t = useT();
  const { custom, setCustom } = state;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Segmented
        aria-label={t('range')}
        size="small"
        value={state.preset}
        onChange={state.choose}
        options={RANGE_PRESETS.map((p) => ({
          value: p,
          label: t(`range_${p}`),
          testId: `funnel-range-${p}`,
        }))}
      />
      {state.preset === 'custom' &&
        (['from', 'to'] as const).map((end) => (
          <Input
            key={end}
            type="date"
            size="small"
            aria-label={t(end)}
            value={custom[end]}
            max={state.today}
            onChange={(e) => setCustom({ ...custom, [end]: e.target.value })}
            data-testid={`funnel-${end}`}
          />
        ))}
      {state.problem && (
        <span className="text-xs text-rose-600" role="alert" data-testid="funnel-range-problem">
          {t(`problem_${state.problem}`, { max: MAX_DAYS })}
        </span>
      )}
    </div>
  );
}
