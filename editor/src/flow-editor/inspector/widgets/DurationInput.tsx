// `duration` fields: an amount and a unit, stored as ISO-8601 ('PT30M', 'PT2H', 'P3D'). A nullable
// duration left empty stores null (no timeout); a required one left empty is removed, and flagged.

import { Select } from '../../../app/ui.tsx';
import { acceptsNull } from '../field-values.ts';
import { useInspectorT } from '../messages.ts';
import { growInputClass } from '../styles.ts';
import {
  DURATION_UNITS,
  type DurationParts,
  type DurationUnit,
  joinDuration,
  splitDuration,
} from './duration-units.ts';
import { hasError, type WidgetProps } from './types.ts';
import { useDraft } from './use-draft.ts';

export function DurationInput(props: WidgetProps) {
  const { id, label, schema, value, errors, onChange, disabled } = props;
  const t = useInspectorT();
  const nullable = acceptsNull(schema);
  const empty = nullable ? null : undefined;
  const [draft, setDraft] = useDraft(
    value,
    (v) => splitDuration(v),
    (d) => joinDuration(d) ?? empty,
  );
  const edit = (next: DurationParts) => {
    setDraft(next);
    const iso = joinDuration(next);
    if (iso !== null || next.amount.trim() === '') onChange(iso ?? empty);
  };
  return (
    <div className="flex gap-2">
      <input
        id={id}
        disabled={disabled}
        type="number"
        min={0}
        inputMode="numeric"
        className={growInputClass}
        value={draft.amount}
        placeholder={nullable ? t('noTimeout') : undefined}
        aria-invalid={hasError(errors) || undefined}
        onChange={(event) => edit({ ...draft, amount: event.target.value })}
      />
      <Select
        aria-label={t('unit', { label })}
        size="compact"
        disabled={disabled}
        className="w-28 shrink-0"
        value={draft.unit}
        onChange={(event) => edit({ ...draft, unit: event.target.value as DurationUnit })}
      >
        {(Object.keys(DURATION_UNITS) as DurationUnit[]).map((unit) => (
          <option key={unit} value={unit}>
            {t(unit)}
          </option>
        ))}
      </Select>
    </div>
  );
}
