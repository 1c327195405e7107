// `select` fields, with the catalogue's localized options.
import { useLocalize } from '../../../i18n.ts';
import { inputClass } from '../styles.ts';
import { hasError, type WidgetProps } from './types.ts';

export function SelectInput(props: WidgetProps) {
  const { id, field, value, errors, onChange, disabled } = props;
  const localize = useLocalize();
  return (
    <select
      id={id}
      disabled={disabled}
      className={inputClass}
      value={typeof value === 'string' ? value : ''}
      aria-invalid={hasError(errors) || undefined}
      onChange={(event) => onChange(event.target.value)}
    >
      {field.options?.map((option) => (
        <option key={option.value} value={option.value}>
          {localize(option.label)}
        </option>
      ))}
    </select>
  );
}
