// Choose one of the workspace's sandbox contacts, or create a new one (it is selected at once). The
// name field shows when there is no contact yet, or on "+".
import { type FormEvent, useState } from 'react';
import { Button, Select } from '../../app/ui.tsx';
import { useErrorText } from '../../error-text.ts';
import { statusText, useT } from './messages.ts';
import { type SimContact, useCreateContact } from './sandboxApi.ts';

const field =
  'min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-emerald-500 focus:outline-none';

export function ContactPicker(props: {
  contacts: SimContact[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onCreated: (contact: { id: string }) => void;
}) {
  const { contacts, selectedId, onSelect, onCreated } = props;
  const t = useT();
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [adding, setAdding] = useState(false);
  const create = useCreateContact();
  const showForm = adding || contacts.length === 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    create.mutate(name.trim(), {
      onSuccess: (contact) => {
        setName('');
        setAdding(false);
        onCreated(contact);
      },
    });
  };

  return (
    <section className="space-y-2 border-b border-slate-200 px-4 py-2">
      <div className="flex items-center gap-2">
        <Select
          size="compact"
          className="min-w-0 flex-1"
          aria-label={t('contact')}
          value={selectedId ?? ''}
          onChange={(e) => onSelect(e.target.value)}
          disabled={contacts.length === 0}
          data-testid="sim-contact-select"
        >
          {contacts.length === 0 && <option value="">{t('noContacts')}</option>}
          {contacts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} · {statusText(t, `friend_${c.friendStatus}`, c.friendStatus)}
            </option>
          ))}
        </Select>
        {contacts.length > 0 && (
          <Button
            size="icon"
            title={t('newContact')}
            aria-label={t('newContact')}
            aria-expanded={adding}
            onClick={() => setAdding(!adding)}
            data-testid="sim-contact-add"
          >
            +
          </Button>
        )}
      </div>
      {showForm && (
        <form className="flex items-center gap-2" onSubmit={submit}>
          <input
            className={field}
            placeholder={t('newContactName')}
            aria-label={t('newContactName')}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            data-testid="sim-contact-name"
          />
          <Button
            type="submit"
            variant="primary"
            size="compact"
            disabled={create.isPending || !name.trim()}
            data-testid="sim-create"
          >
            {t('create')}
          </Button>
        </form>
      )}
      {create.error && (
        <p className="text-xs text-rose-600" role="alert">
          {errorText(create.error)}
        </p>
      )}
    </section>
  );
}
