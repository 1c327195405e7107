// One contact: attributes and tags (editable), handoff, runs, and the transcript as chat bubbles
// seen from our side (what the bot and operator sent is green, on the right, as on the phone; images
// and cards as themselves), with the messages not confirmed as delivered at its end.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { z } from 'zod';
import type { contactDetail, messageSchema } from '../../../shared/api/contacts.ts';
import { api } from '../api.ts';
import { useMessageText } from '../app/message-kinds.ts';
import { Badge, Button, Card, ErrorNote, Input, PageHeader } from '../app/ui.tsx';
import { useWorkspaceTime } from '../app/workspace-time.ts';
import { hasCard, MediaCard } from '../flow-editor/simulator/MediaCard.tsx';
import { statusText, useT as useSimT } from '../flow-editor/simulator/messages.ts';
import { useFlowList } from '../queries.ts';
import { contactsMessages, friendKey } from './contacts-messages.ts';
import { UndeliveredMessages, UndeliveredSummary } from './Undelivered.tsx';

type Contact = z.infer<typeof contactDetail>;
/** A message; `kind` says what a media message was (its text is then empty), `media` its image or card. */
type Message = z.infer<typeof messageSchema>;
type Patch = { tags?: string[]; attributes?: Record<string, string | null>; handoff?: boolean };

export function ContactDetailScreen({ id }: { id: string }) {
  const t = contactsMessages.useT();
  const queryClient = useQueryClient();
  const contact = useQuery({
    queryKey: ['contact', id],
    queryFn: () => api<Contact>('GET', `/contacts/${id}`),
  });
  const messages = useQuery({
    queryKey: ['contact', id, 'messages'],
    queryFn: () => api<Message[]>('GET', `/contacts/${id}/messages?limit=200`),
  });
  const patch = useMutation({
    mutationFn: (body: Patch) => api<Contact>('PATCH', `/contacts/${id}`, body),
    onSuccess: (next) => queryClient.setQueryData(['contact', id], next),
  });
  const flows = useFlowList();
  const flowNames = new Map(flows.data?.map((flow) => [flow.id, flow.name]));
  const simT = useSimT();
  const c = contact.data;
  return (
    <>
      <Link href="/contacts" className="text-sm text-slate-500 hover:text-slate-900">
        {t('back')}
      </Link>
      <ErrorNote error={contact.error ?? patch.error} />
      {c && (
        <>
          <PageHeader
            title={c.name || '—'}
            subtitle={[
              c.alias,
              t(friendKey(c.friendStatus)),
              c.channel && t('channel', { name: c.channel.name }),
            ]
              .filter(Boolean)
              .join(' · ')}
          />
          {c.handoff && (
            <div className="mb-4 flex items-center justify-between rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-800 ring-1 ring-amber-200">
              {t('handoff')}
              <Button onClick={() => patch.mutate({ handoff: false })}>{t('handBack')}</Button>
            </div>
          )}
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
            <div className="space-y-6">
              <Tags tags={c.tags} onChange={(tags) => patch.mutate({ tags })} />
              <Attributes attributes={c.attributes} onChange={(attributes) => patch.mutate({ attributes })} />
              <Card className="p-4">
                <h2 className="mb-3 font-medium text-slate-900">{t('runs')}</h2>
                {c.runs.length === 0 && <p className="text-sm text-slate-500">{t('noRuns')}</p>}
                <ul className="space-y-2 text-sm">
                  {c.runs.map((r) => (
                    <li
                      key={`${r.flowId}-${r.version}-${r.status}-${r.currentNodeId}`}
                      className="flex flex-wrap items-center gap-2"
                    >
                      <Link
                        href={`/flows/${r.flowId}`}
                        className="font-medium text-emerald-700 hover:underline"
                      >
                        {flowNames.get(r.flowId) ?? t('version')}
                      </Link>
                      <span className="text-xs text-slate-400">v{r.version}</span>
                      <Badge
                        tone={r.status === 'completed' ? 'green' : r.status === 'failed' ? 'red' : 'slate'}
                      >
                        {statusText(simT, `run_${r.status}`, r.status)}
                      </Badge>
                      {r.currentNodeId && (
                        <span className="text-slate-500">
                          {t('at')}: <code className="text-xs">{r.currentNodeLabel ?? r.currentNodeId}</code>
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </Card>
            </div>
            <Transcript contactId={id} messages={messages.data ?? []} />
          </div>
        </>
      )}
    </>
  );
}

function Tags({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const t = contactsMessages.useT();
  const [draft, setDraft] = useState('');
  return (
    <Card className="p-4">
      <h2 className="mb-3 font-medium text-slate-900">{t('tags')}</h2>
      <div className="flex flex-wrap items-center gap-2">
        {tags.map((tag) => (
          <span
            key={tag}
            className="inline-flex items-center gap-1 rounded-full bg-sky-50 px-2 py-0.5 text-xs text-sky-700"
          >
            {tag}
            <button
              type="button"
              aria-label={`${t('remove')} ${tag}`}
              onClick={() => onChange(tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </span>
        ))}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim()) onChange([...tags, draft.trim()]);
            setDraft('');
          }}
        >
          <Input
            size="small"
            placeholder={t('newTag')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            className="w-32"
          />
        </form>
      </div>
    </Card>
  );
}

function Attributes(props: {
  attributes: Record<string, unknown>;
  onChange: (a: Record<string, string | null>) => void;
}) {
  const t = contactsMessages.useT();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  return (
    <Card className="p-4">
      <h2 className="mb-3 font-medium text-slate-900">{t('attributes')}</h2>
      <table className="w-full text-sm">
        <tbody className="divide-y divide-slate-100">
          {Object.entries(props.attributes).map(([k, v]) => (
            <tr key={k}>
              <td className="w-1/3 py-1.5 pr-4 font-mono text-xs text-slate-500">{k}</td>
              <td className="py-1.5">{String(v)}</td>
              <td className="py-1.5 text-right">
                <Button variant="ghost" size="small" onClick={() => props.onChange({ [k]: null })}>
                  {t('remove')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="mt-3 flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (key.trim()) props.onChange({ [key.trim()]: value });
          setKey('');
          setValue('');
        }}
      >
        <Input placeholder={t('key')} value={key} onChange={(e) => setKey(e.target.value)} className="w-32" />
        <Input
          placeholder={t('value')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="flex-1"
        />
        <Button type="submit">{t('add')}</Button>
      </form>
    </Card>
  );
}

function Transcript({ contactId, messages }: { contactId: string; messages: Message[] }) {
  const t = contactsMessages.useT();
  const text = useMessageText();
  const time = useWorkspaceTime();
  const ordered = [...messages].sort((a, b) => a.id - b.id);
  return (
    <Card className="flex max-h-[70vh] flex-col overflow-hidden">
      <h2 className="border-b border-slate-200 px-4 py-3 font-medium text-slate-900">{t('transcript')}</h2>
      <UndeliveredSummary contactId={contactId} />
      <div className="flex-1 space-y-2 overflow-y-auto bg-[#ededed] p-4">
        {ordered.length === 0 && <p className="text-center text-sm text-slate-500">{t('noMessages')}</p>}
        {ordered.map((m) => {
          // An image or card shows as itself, below the text it came with (two messages on WeChat).
          const card = hasCard(m.media) ? m.media : null;
          return (
            <div
              key={m.id}
              className={`flex flex-col gap-1.5 ${m.direction === 'out' ? 'items-end' : 'items-start'}`}
              title={time.format(m.at)}
            >
              {(m.text || !card) && (
                <div
                  className={`max-w-[75%] whitespace-pre-wrap break-words rounded-lg px-3 py-2 text-sm shadow-sm ${
                    m.direction === 'out' ? 'bg-[#95ec69]' : 'bg-white'
                  }`}
                >
                  {text(m)}
                </div>
              )}
              {card && <MediaCard media={card} />}
            </div>
          );
        })}
        <UndeliveredMessages contactId={contactId} side="right" />
      </div>
    </Card>
  );
}
