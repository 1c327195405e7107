// The contact beside the conversation: who they are, their tags (editable by agents), attributes,
// the flows they are in (each linked to its canvas), and the handoff node waiting on this conversation.
import { type ReactNode, useState } from 'react';
import { Link } from 'wouter';
import { Badge, ErrorNote, Input } from '../app/ui.tsx';
import { statusText, useT as useSimT } from '../flow-editor/simulator/messages.ts';
import { useFlowList, useRoleAtLeast } from '../queries.ts';
import { type ConversationDetail, useContact, useConversation, usePatchTags } from './inbox-api.ts';
import { inboxMessages } from './inbox-messages.ts';

export function ContactPanel(props: { conversationId: string | null; contactId: string | undefined }) {
  if (props.conversationId) return <ConversationPanel id={props.conversationId} />;
  return props.contactId ? (
    <Panel key={props.contactId} contactId={props.contactId} handoffRun={null} />
  ) : null;
}

/** The open conversation's contact (the middle column reads the same conversation: one request). */
function ConversationPanel({ id }: { id: string }) {
  const c = useConversation(id).data;
  return c ? <Panel key={c.contact.id} contactId={c.contact.id} handoffRun={c.handoffRun} /> : null;
}

function Panel(props: { contactId: string; handoffRun: ConversationDetail['handoffRun'] }) {
  const t = inboxMessages.useT();
  const simT = useSimT();
  const contact = useContact(props.contactId);
  const flows = useFlowList();
  const flowName = (id: string) => flows.data?.find((f) => f.id === id)?.name ?? t('flow');
  const c = contact.data;
  if (!c)
    return (
      <div className="p-4">
        <ErrorNote error={contact.error} />
        {contact.isPending && <div className="h-32 animate-pulse rounded-lg bg-slate-100" />}
      </div>
    );
  const attributes = Object.entries(c.attributes);
  return (
    <div className="space-y-5 p-4 text-sm" data-testid="contact-panel">
      <div>
        <h3 className="truncate text-base font-semibold text-slate-900">{c.name || t('noName')}</h3>
        {c.alias && <p className="text-xs text-slate-500">{c.alias}</p>}
        <Link
          href={`/contacts/${c.id}`}
          className="mt-1 inline-block text-xs text-emerald-700 hover:underline"
        >
          {t('openContact')}
        </Link>
      </div>
      {props.handoffRun && (
        <div className="rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-800 ring-1 ring-amber-200">
          {t('handoffWaiting')}{' '}
          <Link href={`/flows/${props.handoffRun.flowId}`} className="font-medium underline">
            {flowName(props.handoffRun.flowId)}
          </Link>
        </div>
      )}
      <Section title={t('tags')}>
        <Tags contactId={c.id} tags={c.tags} />
      </Section>
      <Section title={t('attributes')}>
        {attributes.length === 0 ? (
          <p className="text-xs text-slate-400">{t('noAttributes')}</p>
        ) : (
          <dl className="space-y-1" data-testid="contact-attributes">
            {attributes.map(([key, value]) => (
              <div key={key} className="flex gap-2">
                <dt className="w-24 shrink-0 truncate font-mono text-xs text-slate-500" title={key}>
                  {key}
                </dt>
                <dd className="min-w-0 break-words text-slate-800">{String(value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </Section>
      <Section title={t('runs')}>
        {c.runs.length === 0 ? (
          <p className="text-xs text-slate-400">{t('noRuns')}</p>
        ) : (
          <ul className="space-y-1.5">
            {c.runs.map((r) => (
              <li
                key={`${r.flowId}-${r.version}-${r.status}`}
                className="flex flex-wrap items-center gap-1.5"
              >
                <Link
                  href={`/flows/${r.flowId}`}
                  className="font-medium text-emerald-700 hover:underline"
                  data-testid="contact-run"
                >
                  {flowName(r.flowId)}
                </Link>
                <Badge tone={r.status === 'failed' ? 'red' : r.status === 'completed' ? 'green' : 'slate'}>
                  {statusText(simT, `run_${r.status}`, r.status)}
                </Badge>
                {r.currentNodeId && (
                  <span className="text-xs text-slate-500">
                    {t('atNode')} <code>{r.currentNodeId}</code>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h4 className="mb-1.5 text-xs font-medium uppercase tracking-wide text-slate-500">{title}</h4>
      {children}
    </section>
  );
}

function Tags({ contactId, tags }: { contactId: string; tags: string[] }) {
  const t = inboxMessages.useT();
  const canEdit = useRoleAtLeast('agent');
  const patch = usePatchTags(contactId);
  const [draft, setDraft] = useState('');
  return (
    <div>
      <div className="flex flex-wrap items-center gap-1.5" data-testid="contact-tags">
        {tags.length === 0 && !canEdit && <span className="text-xs text-slate-400">{t('noTags')}</span>}
        {tags.map((tag) => (
          <span
            key={tag}
            className="inline-flex items-center gap-1 rounded-full bg-sky-50 px-2 py-0.5 text-xs text-sky-700"
          >
            {tag}
            {canEdit && (
              <button
                type="button"
                aria-label={t('removeTag', { tag })}
                onClick={() => patch.mutate(tags.filter((x) => x !== tag))}
              >
                ×
              </button>
            )}
          </span>
        ))}
        {canEdit && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const tag = draft.trim();
              if (tag && !tags.includes(tag)) patch.mutate([...tags, tag]);
              setDraft('');
            }}
          >
            <Input
              size="small"
              className="w-28"
              placeholder={t('newTag')}
              aria-label={t('newTag')}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          </form>
        )}
      </div>
      <ErrorNote error={patch.error} />
    </div>
  );
}
