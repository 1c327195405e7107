// A select of existing items with a "+" button that opens a one-field create form (shown at once
// when there is nothing to pick). Shared by the contact picker and the group picker; the caller
// supplies the options, labels, test ids and what creating does.
import { type FormEvent, type ReactNode, useState } from 'react';
import { Button, Select } from '../../app/ui.tsx';
import { useT } from './messages.ts';

const field =
  'min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-emerald-500 focus:outline-none';

export function PickOrCreate(props: {
  /** The select's accessible name. */
  label: string;
  value: string;
  onPick: (id: string) => void;
  disabled: boolean;
  selectTestId: string;
  /** The select's `<option>`s. */
  options: ReactNode;
  /** Nothing to pick: the form shows and the "+" button does not. */
  empty: boolean;
  /** The "+" button's title and accessible name. */
  addLabel: string;
  addTestId: string;
  /** The name field's placeholder and accessible name. */
  nameLabel: string;
  nameTestId: string;
  submitTestId: string;
  /** A create is in flight (the submit button is disabled). */
  pending: boolean;
  /** Create an item named `name` (trimmed); call `created` once it exists, to clear and close the form. */
  onCreate: (name: string, created: () => void) => void;
  /** What follows the form (hints, errors), given whether the "+" form is open. */
  footer?: (adding: boolean) => ReactNode;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [adding, setAdding] = useState(false);
  const showForm = adding || props.empty;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    props.onCreate(name.trim(), () => {
      setName('');
      setAdding(false);
    });
  };

  return (
    <section className="space-y-2 border-b border-slate-200 px-4 py-2">
      <div className="flex items-center gap-2">
        <Select
          size="compact"
          className="min-w-0 flex-1"
          aria-label={props.label}
          value={props.value}
          onChange={(e) => props.onPick(e.target.value)}
          disabled={props.disabled}
          data-testid={props.selectTestId}
        >
          {props.options}
        </Select>
        {!props.empty && (
          <Button
            size="icon"
            title={props.addLabel}
            aria-label={props.addLabel}
            aria-expanded={adding}
            onClick={() => setAdding(!adding)}
            data-testid={props.addTestId}
          >
            +
          </Button>
        )}
      </div>
      {showForm && (
        <form className="flex items-center gap-2" onSubmit={submit}>
          <input
            className={field}
            placeholder={props.nameLabel}
            aria-label={props.nameLabel}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            data-testid={props.nameTestId}
          />
          <Button
            type="submit"
            variant="primary"
            size="compact"
            disabled={props.pending || !name.trim()}
            data-testid={props.submitTestId}
          >
            {t('create')}
          </Button>
        </form>
      )}
      {props.footer?.(adding)}
    </section>
  );
}
