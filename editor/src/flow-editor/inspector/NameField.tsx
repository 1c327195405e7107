// The card's own name, above its settings: optional, one line, at most NODE_LABEL_MAX characters.
import { NODE_LABEL_MAX } from '../../../../shared/flow/document.ts';
import { FieldShell } from './FieldShell.tsx';
import { useInspectorT } from './messages.ts';
import { inputClass } from './styles.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: a pasted newline or tab must not get in
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** What a typed or pasted name keeps: one line, within the limit (the schema trims it on save). */
export const cleanLabel = (text: string): string => text.replace(CONTROL, ' ').slice(0, NODE_LABEL_MAX);

export function NameField(props: {
  id: string;
  value: string;
  placeholder: string;
  disabled: boolean;
  onChange: (label: string) => void;
}) {
  const t = useInspectorT();
  return (
    <FieldShell
      fieldKey="label"
      id={props.id}
      label={t('name')}
      help={t('nameHelp')}
      errors={[]}
      group={false}
      inline={false}
    >
      <input
        id={props.id}
        className={inputClass}
        value={props.value}
        placeholder={props.placeholder}
        maxLength={NODE_LABEL_MAX}
        disabled={props.disabled}
        onChange={(e) => props.onChange(cleanLabel(e.target.value))}
      />
    </FieldShell>
  );
}
