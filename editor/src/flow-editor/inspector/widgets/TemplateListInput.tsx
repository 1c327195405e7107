// `templateList` fields (send's variants): template boxes to add, remove and reorder.
import { useState } from 'react';
import { errorAt } from '../field-errors.ts';
import { listBounds } from '../field-values.ts';
import { useInspectorT } from '../messages.ts';
import { AddButton, ItemButtons, listEdit } from './ListControls.tsx';
import { asStrings } from './StringListInput.tsx';
import { TemplateInput } from './TemplateInput.tsx';
import type { WidgetProps } from './types.ts';

export function TemplateListInput(props: WidgetProps) {
  const { id, label, schema, value, errors, onChange, vocabulary, disabled } = props;
  const t = useInspectorT();
  const items = asStrings(value);
  const { min, max } = listBounds(schema);
  const [added, setAdded] = useState<number | null>(null);
  return (
    <div className="space-y-2">
      {items.map((item, index) => {
        const name = t('item', { label, n: index + 1 });
        const inputId = `${id}-${index}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: plain strings have no identity but their place
          <div key={index} className="flex items-start gap-1">
            <div className="min-w-0 flex-1">
              <label htmlFor={inputId} className="sr-only">
                {name}
              </label>
              <TemplateInput
                id={inputId}
                value={item}
                variables={vocabulary.variables}
                invalid={errorAt(errors, index)}
                autoFocus={index === added}
                disabled={disabled}
                onChange={(text) => onChange(listEdit.set(items, index, text))}
              />
            </div>
            <ItemButtons
              item={name}
              index={index}
              count={items.length}
              canRemove={items.length > min}
              disabled={disabled}
              onRemove={() => onChange(listEdit.remove(items, index))}
              onMove={(to) => onChange(listEdit.move(items, index, to))}
            />
          </div>
        );
      })}
      <AddButton
        disabled={disabled || items.length >= max}
        onClick={() => {
          setAdded(items.length);
          onChange([...items, '']);
        }}
      />
    </div>
  );
}
