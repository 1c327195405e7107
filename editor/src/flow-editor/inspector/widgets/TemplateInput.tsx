// A template text box: typing `{{` opens the variables of the flow; arrows pick, Enter or Tab
// insert `{{name}}`, Escape closes, a click inserts too.
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { inputClass } from '../styles.ts';
import {
  filterVariables,
  insertVariable,
  type OpenPlaceholder,
  openPlaceholder,
} from './template-suggest.ts';
import { VariablePopup } from './VariablePopup.tsx';

export function TemplateInput(props: {
  id: string;
  value: string;
  variables: readonly string[];
  invalid?: boolean;
  autoFocus?: boolean;
  disabled: boolean;
  onChange: (text: string) => void;
}) {
  const { id, value, variables, invalid, autoFocus, disabled, onChange } = props;
  const box = useRef<HTMLTextAreaElement>(null);
  const caretAfterInsert = useRef<number | null>(null);
  const [open, setOpen] = useState<OpenPlaceholder | null>(null);
  const [active, setActive] = useState(0);
  const matches = open ? filterVariables(variables, open.query) : [];
  const listId = `${id}-variables`;

  useLayoutEffect(() => {
    if (caretAfterInsert.current === null || box.current?.value !== value) return;
    box.current.setSelectionRange(caretAfterInsert.current, caretAfterInsert.current);
    caretAfterInsert.current = null;
  }, [value]);

  const track = (text: string, caret: number) => {
    setOpen(openPlaceholder(text, caret));
    setActive(0);
  };

  const insert = (name: string) => {
    const caret = box.current?.selectionStart ?? value.length;
    if (!open) return;
    const next = insertVariable(value, caret, open, name);
    caretAfterInsert.current = next.caret;
    setOpen(null);
    onChange(next.text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open || event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(null);
      return;
    }
    if (matches.length === 0) return;
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step) {
      event.preventDefault();
      setActive((active + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      insert(matches[active] ?? matches[0]!);
    }
  };

  return (
    <div className="relative">
      <textarea
        ref={box}
        id={id}
        rows={3}
        value={value}
        disabled={disabled}
        // biome-ignore lint/a11y/noAutofocus: the item the user just added is where they type next
        autoFocus={autoFocus}
        className={`${inputClass} resize-y`}
        aria-invalid={invalid || undefined}
        aria-autocomplete="list"
        aria-controls={open && matches.length > 0 ? listId : undefined}
        aria-activedescendant={open && matches.length > 0 ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          track(event.target.value, event.target.selectionStart);
        }}
        // Moving the caret keeps the list only while it stays inside the placeholder being typed.
        onSelect={(event) => open && track(event.currentTarget.value, event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(null)}
      />
      {open && (
        <VariablePopup id={listId} matches={matches} active={active} onPick={insert} onHover={setActive} />
      )}
    </div>
  );
}
