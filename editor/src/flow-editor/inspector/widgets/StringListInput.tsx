// `stringList` fields (choices, keywords, tags): one input per item, Enter adds the next one. The
// list itself (labels, remove/move buttons, Add, focus on the new item) is `StringItems`, which the
// template list shares.
import { type ReactNode, useState } from 'react';
import { errorAt } from '../field-errors.ts';
import { listBounds } from '../field-values.ts';
import { useInspectorT } from '../messages.ts';
import { growInputClass } from '../styles.ts';
import { AddButton, ItemButtons, listEdit } from './ListControls.tsx';
import type { WidgetProps } from './types.ts';

export const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : String(item))) : [];

/** What one item's input gets from the list. */
export interface ItemSlot {
  inputId: string;
  item: string;
  autoFocus: boolean;
  invalid: boolean;
  set: (text: string) => void;
  /** Adds an item after the last one, if the list may grow. */
  add: () => void;
}

/** A list of strings: a labelled input per item (`input` draws it), remove (and move) buttons, Add. */
export function StringItems(
  props: WidgetProps & {
    reorder?: boolean;
    className: string;
    rowClassName: string;
    input: (slot: ItemSlot) => ReactNode;
  },
) {
  const { id, label, schema, value, errors, onChange, disabled } = props;
  const t = useInspectorT();
  const items = asStrings(value);
  const { min, max } = listBounds(schema);
  const [added, setAdded] = useState<number | null>(null);
  const add = () => {
    if (items.length >= max) return;
    setAdded(items.length);
    onChange([...items, '']);
  };
  return (
    <div className={props.className}>
      {items.map((item, index) => {
        const name = t('item', { label, n: index + 1 });
        const inputId = `${id}-${index}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: plain strings have no identity but their place
          <div key={index} className={props.rowClassName}>
            <label htmlFor={inputId} className="sr-only">
              {name}
            </label>
            {props.input({
              inputId,
              item,
              autoFocus: index === added,
              invalid: errorAt(errors, index),
              set: (text) => onChange(listEdit.set(items, index, text)),
              add,
            })}
            <ItemButtons
              item={name}
              index={index}
              count={items.length}
              canRemove={items.length > min}
              disabled={disabled}
              onRemove={() => onChange(listEdit.remove(items, index))}
              onMove={props.reorder ? (to) => onChange(listEdit.move(items, index, to)) : undefined}
            />
          </div>
        );
      })}
      <AddButton disabled={disabled || items.length >= max} onClick={add} />
    </div>
  );
}

export function StringListInput(props: WidgetProps) {
  return (
    <StringItems
      {...props}
      className="space-y-1.5"
      rowClassName="flex items-center gap-1"
      input={(slot) => (
        <input
          id={slot.inputId}
          type="text"
          disabled={props.disabled}
          className={growInputClass}
          value={slot.item}
          // biome-ignore lint/a11y/noAutofocus: the item the user just added is where they type next
          autoFocus={slot.autoFocus}
          aria-invalid={slot.invalid || undefined}
          onChange={(event) => slot.set(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
            event.preventDefault();
            slot.add();
          }}
        />
      )}
    />
  );
}
