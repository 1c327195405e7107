// `template` fields: one template text box.
import { TemplateInput } from './TemplateInput.tsx';
import { hasError, type WidgetProps } from './types.ts';

export function TemplateField(props: WidgetProps) {
  const { id, value, errors, onChange, vocabulary, disabled } = props;
  return (
    <TemplateInput
      id={id}
      value={typeof value === 'string' ? value : ''}
      variables={vocabulary.variables}
      invalid={hasError(errors)}
      disabled={disabled}
      onChange={onChange}
    />
  );
}
