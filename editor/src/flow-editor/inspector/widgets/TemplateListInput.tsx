// `templateList` fields (send's variants): template boxes to add, remove and reorder.
import { StringItems } from './StringListInput.tsx';
import { TemplateInput } from './TemplateInput.tsx';
import type { WidgetProps } from './types.ts';

export function TemplateListInput(props: WidgetProps) {
  return (
    <StringItems
      {...props}
      reorder
      className="space-y-2"
      rowClassName="flex items-start gap-1"
      input={(slot) => (
        <div className="min-w-0 flex-1">
          <TemplateInput
            id={slot.inputId}
            value={slot.item}
            variables={props.vocabulary.variables}
            invalid={slot.invalid}
            autoFocus={slot.autoFocus}
            disabled={props.disabled}
            onChange={slot.set}
          />
        </div>
      )}
    />
  );
}
