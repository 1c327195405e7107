// `stringList` fields (choices, keywords, tags): one input per item, Enter adds the next one.
import { useState } from 'react';
import { errorAt } from '../field-errors.ts';
import { listBounds } from '../field-values.ts';
import { useInspectorT } from '../messages.ts';
import { growInputClass } from '../styles.ts';
import { AddButton, ItemButtons, listEdit } from './ListControls.tsx';
import type { WidgetProps } from './types.ts';

export const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : String(item))) : [];

export function StringListInput(props: WidgetProps) {
  const { id, label, schema, value, errors, onChange, disabled } = props;
  const t = useInspectorT();
  const items = asStrings(value);
  const { min, max } = listBounds(schema);
  const [added, setAdded] = useState<number | null>(null);
  const add = () => {
    setAdded(items.length);
    onChange([...items, '']);
  };
  return (
    <div className="space-y-1.5">
      {items.map((item, index) => {
        const name = t('item', { label, n: index + 1 });
        const inputId = `${id}-${index}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: plain strings have no identity but their place
          <div key={index} className="flex items-center gap-1">
            <label htmlFor={inputId} className="sr-only">
              {name}
            </label>
            <input
              id={inputId}
              type="text"
              disabled={disabled}
              className={growInputClass}
              value={item}
              // biome-ignore lint/a11y/noAutofocus: the item the user just added is where they type next
              autoFocus={index === added}
              aria-invalid={errorAt(errors, index) || undefined}
              onChange={(event) => onChange(listEdit.set(items, index, event.target.value))}
              onKeyDown={(event) => {
                if (event.key !== 'Enter' || event.nativeEvent.isComposing || items.length >= max) return;
                event.preventDefault();
                add();
              }}
            />
            <ItemButtons
              item={name}
              index={index}
              count={items.length}
              canRemove={items.length > min}
              disabled={disabled}
              onRemove={() => onChange(listEdit.remove(items, index))}
            />
          </div>
        );
      })}
      <AddButton disabled={disabled || items.length >= max} onClick={add} />
    </div>
  );
}
