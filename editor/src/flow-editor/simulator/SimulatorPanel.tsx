// Simulator drawer: a sandbox contact talks to the PUBLISHED version of the flow through the real
// runtime; the canvas rings the node where that contact's run is now. It fills the drawer it is given.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { flowKeys, getFlow } from '../flow-api.ts';
import { latestVersion, useVersions } from '../stats/queries.ts';
import { Chat } from './Chat.tsx';
import { ClockControls } from './ClockControls.tsx';
import { ContactDetails } from './ContactDetails.tsx';
import { ContactPicker } from './ContactPicker.tsx';
import { FriendRequest } from './FriendRequest.tsx';
import { useT } from './messages.ts';
import { useContact, useSandboxContacts, useSimActions } from './sandboxApi.ts';
import { useRunHighlight } from './useRunHighlight.ts';

export function SimulatorPanel({ flowId }: { flowId: string }) {
  return <Simulator key={flowId} flowId={flowId} />;
}

function Simulator({ flowId }: { flowId: string }) {
  const t = useT();
  const versions = useVersions(flowId);
  const flow = useQuery({ queryKey: flowKeys.detail(flowId), queryFn: () => getFlow(flowId) });
  const published = latestVersion(versions.data);
  const contacts = useSandboxContacts().data ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const contactId = contacts.find((c) => c.id === picked)?.id ?? contacts[0]?.id ?? null;

  return (
    <section className="flex h-full min-h-0 w-full flex-1 flex-col bg-white" data-testid="simulator">
      <header className="border-b border-slate-200 px-4 py-3">
        <div className="flex items-center justify-between">
          <h2 className="font-semibold text-slate-800">{t('title')}</h2>
          {published !== null && (
            <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs text-emerald-700 ring-1 ring-emerald-200">
              {t('runsVersion', { version: published })}
            </span>
          )}
        </div>
        <p className="mt-1 text-xs text-slate-500">{t('publishedOnly')}</p>
        {versions.data && published === null && (
          <p className="mt-2 rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-800" role="status">
            {t('notPublished')}
          </p>
        )}
        {published !== null && flow.data?.status === 'paused' && (
          <p
            className="mt-2 rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-800"
            role="status"
            data-testid="sim-paused"
          >
            {t('paused')}
          </p>
        )}
      </header>
      <ContactPicker
        contacts={contacts}
        selectedId={contactId}
        onSelect={setPicked}
        onCreated={(contact) => setPicked(contact.id)}
      />
      {contactId && <Conversation key={contactId} contactId={contactId} flowId={flowId} />}
    </section>
  );
}

function Conversation({ contactId, flowId }: { contactId: string; flowId: string }) {
  const actions = useSimActions(contactId);
  const contact = useContact(contactId);
  useRunHighlight(contact.data, flowId);
  return (
    <>
      <FriendRequest action={actions.friendRequest} />
      <Chat contactId={contactId} send={actions.send} />
      <ClockControls action={actions.advance} />
      {contact.data && <ContactDetails contact={contact.data} flowId={flowId} />}
    </>
  );
}
