// `attribute` fields: an attribute key, suggesting the keys other nodes of the flow write.
import { ATTRIBUTE_KEY } from '../../../../../shared/flow/variables.ts';
import { inputClass } from '../styles.ts';
import { hasError, type WidgetProps } from './types.ts';

export function AttributeInput(props: WidgetProps) {
  const { id, value, errors, onChange, vocabulary, disabled } = props;
  const text = typeof value === 'string' ? value : '';
  return (
    <>
      <input
        id={id}
        disabled={disabled}
        type="text"
        list={`${id}-keys`}
        autoComplete="off"
        spellCheck={false}
        className={`${inputClass} font-mono`}
        value={text}
        aria-invalid={!ATTRIBUTE_KEY.test(text) || hasError(errors) || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={`${id}-keys`}>
        {vocabulary.attributes.map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
    </>
  );
}
