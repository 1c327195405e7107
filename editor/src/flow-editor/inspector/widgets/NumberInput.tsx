// `number` fields; an empty box removes the value (optional fields, or back to the default).
import { inputClass } from '../styles.ts';
import { hasError, type WidgetProps } from './types.ts';
import { useDraft } from './use-draft.ts';

const parse = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

export function NumberInput(props: WidgetProps) {
  const { id, value, errors, onChange, disabled } = props;
  const [draft, setDraft] = useDraft(value, (v) => (typeof v === 'number' ? String(v) : ''), parse);
  return (
    <input
      id={id}
      disabled={disabled}
      type="number"
      inputMode="decimal"
      className={inputClass}
      value={draft}
      aria-invalid={hasError(errors) || undefined}
      onChange={(event) => {
        setDraft(event.target.value);
        const next = parse(event.target.value);
        if (next === undefined || Number.isFinite(next)) onChange(next);
      }}
    />
  );
}
