// `text` and `textarea` fields: plain strings.
import { inputClass } from '../styles.ts';
import { hasError, type WidgetProps } from './types.ts';

export function TextInput(props: WidgetProps & { multiline?: boolean }) {
  const { id, value, errors, onChange, multiline, disabled } = props;
  const common = {
    id,
    disabled,
    value: typeof value === 'string' ? value : '',
    'aria-invalid': hasError(errors) || undefined,
    className: inputClass,
  };
  return multiline ? (
    <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
  ) : (
    <input {...common} type="text" onChange={(event) => onChange(event.target.value)} />
  );
}
