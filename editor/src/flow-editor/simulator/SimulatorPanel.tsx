// Simulator drawer: a sandbox contact talks, through the real runtime, to the published version of
// the flow or to a preview of its current draft; the canvas rings the node where that contact's run
// is now. It fills the drawer it is given, the chat taking whatever height the rest leaves. Two tabs
// show the contact's two sides of WeChat: the private chat with the bot, and the sandbox's groups.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Segmented } from '../../app/ui.tsx';
import { flowKeys, getFlow } from '../flow-api.ts';
import { latestVersion, useVersions } from '../stats/queries.ts';
import { Chat } from './Chat.tsx';
import { ClockControls } from './ClockControls.tsx';
import { ContactDetails } from './ContactDetails.tsx';
import { ContactPicker } from './ContactPicker.tsx';
import { FriendRequest } from './FriendRequest.tsx';
import { GroupTab } from './GroupTab.tsx';
import { useT } from './messages.ts';
import { type SimContact, useContact, useSandboxContacts, useSimActions } from './sandboxApi.ts';
import { TalksTo } from './TalksTo.tsx';
import { useRunHighlight } from './useRunHighlight.ts';

type Props = { flowId: string; saveNow: () => Promise<void> };
type Tab = 'chat' | 'group';

export function SimulatorPanel(props: Props) {
  return <Simulator key={props.flowId} {...props} />;
}

function Simulator({ flowId, saveNow }: Props) {
  const t = useT();
  const versions = useVersions(flowId);
  const flow = useQuery({ queryKey: flowKeys.detail(flowId), queryFn: () => getFlow(flowId) });
  const published = latestVersion(versions.data);
  const contacts = useSandboxContacts().data ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  // The tab and the group stay as they are when another contact is picked.
  const [tab, setTab] = useState<Tab>('chat');
  const [roomId, setRoomId] = useState<string | null>(null);
  const contact = contacts.find((c) => c.id === picked) ?? contacts[0] ?? null;
  const previewing = contact?.previewFlowId === flowId;

  return (
    <section className="flex h-full min-h-0 w-full flex-1 flex-col bg-white" data-testid="simulator">
      <header className="flex items-center justify-between border-b border-slate-200 px-4 py-2.5">
        <h2 className="font-semibold text-slate-800">{t('title')}</h2>
        {previewing ? (
          <span
            className="rounded-full bg-sky-50 px-2 py-0.5 text-xs text-sky-700 ring-1 ring-sky-200"
            data-testid="sim-runs"
          >
            {t('runsDraft')}
          </span>
        ) : (
          published !== null && (
            <span
              className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs text-emerald-700 ring-1 ring-emerald-200"
              data-testid="sim-runs"
            >
              {t('runsVersion', { version: published })}
            </span>
          )
        )}
      </header>
      <ContactPicker
        contacts={contacts}
        selectedId={contact?.id ?? null}
        onSelect={setPicked}
        onCreated={(created) => setPicked(created.id)}
      />
      {contact && (
        <Conversation
          key={contact.id}
          contact={contact}
          flowId={flowId}
          published={versions.data ? published : undefined}
          paused={flow.data?.status === 'paused'}
          saveNow={saveNow}
          tab={tab}
          onTab={setTab}
          roomId={roomId}
          onPickRoom={setRoomId}
        />
      )}
    </section>
  );
}

function Conversation(props: {
  contact: SimContact;
  flowId: string;
  /** The live version; null when there is none, undefined while that is not known yet. */
  published: number | null | undefined;
  paused: boolean;
  saveNow: () => Promise<void>;
  tab: Tab;
  onTab: (tab: Tab) => void;
  roomId: string | null;
  onPickRoom: (roomId: string) => void;
}) {
  const { contact, flowId, tab } = props;
  const t = useT();
  const actions = useSimActions(contact.id);
  const detail = useContact(contact.id);
  useRunHighlight(detail.data, flowId);
  return (
    <>
      <TalksTo
        contact={contact}
        flowId={flowId}
        published={props.published}
        paused={props.paused}
        reset={actions.reset}
        saveNow={props.saveNow}
      />
      <div className="border-b border-slate-200 px-4 py-1.5">
        <Segmented
          role="group"
          aria-label={t('tabs')}
          size="small"
          value={tab}
          onChange={props.onTab}
          options={[
            { value: 'chat', label: t('tabChat'), testId: 'sim-tab-chat' },
            { value: 'group', label: t('tabGroup'), testId: 'sim-tab-group' },
          ]}
        />
      </div>
      {tab === 'chat' ? (
        <>
          <FriendRequest action={actions.friendRequest} />
          <Chat contactId={contact.id} send={actions.send} />
        </>
      ) : (
        <GroupTab
          contact={contact}
          pickedRoomId={props.roomId}
          onPickRoom={props.onPickRoom}
          onShowChat={() => props.onTab('chat')}
        />
      )}
      <ClockControls action={actions.advance} />
      {detail.data && <ContactDetails contact={detail.data} flowId={flowId} />}
    </>
  );
}
