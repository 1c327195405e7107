// Choose one of the workspace's sandbox contacts, or create a new one (it is selected at once). The
// name field shows when there is no contact yet, or on "+".
import { useErrorText } from '../../error-text.ts';
import { statusText, useT } from './messages.ts';
import { PickOrCreate } from './PickOrCreate.tsx';
import { type SimContact, useCreateContact } from './sandboxApi.ts';

export function ContactPicker(props: {
  contacts: SimContact[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onCreated: (contact: { id: string }) => void;
}) {
  const { contacts, selectedId, onSelect, onCreated } = props;
  const t = useT();
  const errorText = useErrorText();
  const create = useCreateContact();

  return (
    <PickOrCreate
      label={t('contact')}
      value={selectedId ?? ''}
      onPick={onSelect}
      disabled={contacts.length === 0}
      selectTestId="sim-contact-select"
      options={
        <>
          {contacts.length === 0 && <option value="">{t('noContacts')}</option>}
          {contacts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} · {statusText(t, `friend_${c.friendStatus}`, c.friendStatus)}
            </option>
          ))}
        </>
      }
      empty={contacts.length === 0}
      addLabel={t('newContact')}
      addTestId="sim-contact-add"
      nameLabel={t('newContactName')}
      nameTestId="sim-contact-name"
      submitTestId="sim-create"
      pending={create.isPending}
      onCreate={(name, created) =>
        create.mutate(name, {
          onSuccess: (contact) => {
            created();
            onCreated(contact);
          },
        })
      }
      footer={() =>
        create.error && (
          <p className="text-xs text-rose-600" role="alert">
            {errorText(create.error)}
          </p>
        )
      }
    />
  );
}
