// `select` fields, with the catalogue's localized options.
import { Select } from '../../../app/ui.tsx';
import { useLocalize } from '../../../i18n.ts';
import { hasError, type WidgetProps } from './types.ts';

export function SelectInput(props: WidgetProps) {
  const { id, field, value, errors, onChange, disabled } = props;
  const localize = useLocalize();
  return (
    <Select
      id={id}
      size="compact"
      disabled={disabled}
      className="block w-full"
      value={typeof value === 'string' ? value : ''}
      aria-invalid={hasError(errors) || undefined}
      onChange={(event) => onChange(event.target.value)}
    >
      {field.options?.map((option) => (
        <option key={option.value} value={option.value}>
          {localize(option.label)}
        </option>
      ))}
    </Select>
  );
}
