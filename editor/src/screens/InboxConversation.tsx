// The middle column: one conversation — header, transcript, reply box — read (marked read) when it
// opens and as the contact writes; or, while the bot has the contact, its transcript with "Take over".
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import type { z } from 'zod';
import type { messageSchema } from '../../../shared/api/contacts.ts';
import { api } from '../api.ts';
import { Button, ErrorNote } from '../app/ui.tsx';
import { useRoleAtLeast } from '../queries.ts';
import { ConversationHeader } from './InboxConversationHeader.tsx';
import { ReplyBox } from './InboxReply.tsx';
import { Timeline } from './InboxTimeline.tsx';
import {
  type ConversationDetail,
  type ConversationItem,
  type ConversationMessage,
  useConversation,
  useMarkRead,
  useTakeOver,
} from './inbox-api.ts';
import { inboxMessages } from './inbox-messages.ts';

export function ConversationView({ id }: { id: string }) {
  const detail = useConversation(id);
  if (!detail.data)
    return (
      <div className="p-6">
        <ErrorNote error={detail.error} />
        {detail.isPending && <div className="h-40 animate-pulse rounded-xl bg-slate-100" />}
      </div>
    );
  return <Conversation conversation={detail.data} />;
}

function Conversation({ conversation: c }: { conversation: ConversationDetail }) {
  const canAct = useRoleAtLeast('agent');
  const { mutate: markRead } = useMarkRead(c);
  const inbound = c.messages.filter((m) => m.direction === 'in').length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: opening it and each new message from the contact read it
  useEffect(() => {
    if (canAct) markRead();
  }, [c.id, inbound, canAct, markRead]);
  return (
    <>
      <ConversationHeader conversation={c} canAct={canAct} />
      <Timeline conversation={c} canReview={canAct} />
      {c.botPaused ? (
        <ReplyBox conversation={c} canReply={canAct} />
      ) : (
        <TakeOverBar contact={c.contact} canAct={canAct} />
      )}
    </>
  );
}

type ContactMessage = z.infer<typeof messageSchema>;

/** A contact's archived private messages as the timeline shows them (the bot's are its). */
const asConversationMessage = (m: ContactMessage): ConversationMessage => ({
  id: m.id,
  outboxId: null,
  direction: m.direction,
  author: m.direction === 'in' ? 'contact' : 'bot',
  authorName: null,
  text: m.text,
  kind: m.kind,
  media: m.media,
  at: m.at,
  flowId: m.flowId,
  nodeId: m.nodeId,
  delivery: null,
  review: null,
});

/** A contact the bot is talking with who never had a conversation: its chat so far, and Take over. */
export function BotContactView({ contact }: { contact: ConversationItem['contact'] }) {
  const t = inboxMessages.useT();
  const canAct = useRoleAtLeast('agent');
  const messages = useQuery({
    queryKey: ['contact', contact.id, 'messages'],
    queryFn: () => api<ContactMessage[]>('GET', `/contacts/${contact.id}/messages?limit=200`),
  });
  const ordered = [...(messages.data ?? [])].sort((a, b) => a.id - b.id).map(asConversationMessage);
  return (
    <>
      <header className="border-b border-slate-200 bg-white px-6 py-3">
        <h2 className="truncate text-base font-semibold text-slate-900">{contact.name || t('noName')}</h2>
        <p className="mt-0.5 text-xs text-sky-700">{t('botHas')}</p>
      </header>
      <ErrorNote error={messages.error} />
      <Timeline conversation={{ id: '', messages: ordered, notes: [], events: [] }} canReview={false} />
      <TakeOverBar contact={contact} canAct={canAct} />
    </>
  );
}

function TakeOverBar({ contact, canAct }: { contact: ConversationItem['contact']; canAct: boolean }) {
  const t = inboxMessages.useT();
  const [, navigate] = useLocation();
  const takeOver = useTakeOver(contact.id);
  return (
    <div className="border-t border-slate-200 bg-white px-6 py-3">
      <div className="flex items-center gap-3">
        <p className="flex-1 text-sm text-slate-600">
          {t(canAct ? 'botHandling' : 'botHandlingViewer', { name: contact.name || t('noName') })}
        </p>
        {canAct && (
          <Button
            variant="primary"
            disabled={takeOver.isPending}
            onClick={() =>
              takeOver.mutate(undefined, {
                onSuccess: (opened) => opened?.id && navigate(`/inbox/${opened.id}`),
              })
            }
            data-testid="conv-take-over"
          >
            {t('takeOver')}
          </Button>
        )}
      </div>
      <ErrorNote error={takeOver.error} />
    </div>
  );
}
