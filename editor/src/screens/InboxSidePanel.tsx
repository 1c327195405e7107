// The contact beside the conversation: who they are, their tags and attributes (editable by agents),
// the flows they are in (each linked to the node it stands at on the canvas), the groups they are in,
// the goals they reached, the coupons they got, and the handoff node waiting on this conversation.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ATTRIBUTE_KEY } from '../../../shared/flow/variables.ts';
import { api } from '../api.ts';
import { Badge, Button, ErrorNote, Input, relativeTime } from '../app/ui.tsx';
import { useWorkspaceTime } from '../app/workspace-time.ts';
import { statusText, useT as useSimT } from '../flow-editor/simulator/messages.ts';
import { useLang } from '../i18n.ts';
import { useFlowList, useRoleAtLeast } from '../queries.ts';
import {
  type Contact,
  type ConversationDetail,
  inboxKeys,
  useContact,
  useConversation,
  usePatchTags,
} from './inbox-api.ts';
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
  // Until the flow list arrives a run's flow reads "…", not the word "Flow"; a flow since deleted reads "Flow".
  const flowName = (id: string) =>
    flows.data ? (flows.data.find((f) => f.id === id)?.name ?? t('flow')) : '…';
  const c = contact.data;
  if (!c)
    return (
      <div className="p-4">
        <ErrorNote error={contact.error} />
        {contact.isPending && <div className="h-32 animate-pulse rounded-lg bg-slate-100" />}
      </div>
    );
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
        <Attributes contactId={c.id} attributes={c.attributes} />
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
                  href={
                    r.currentNodeId
                      ? `/flows/${r.flowId}?node=${encodeURIComponent(r.currentNodeId)}`
                      : `/flows/${r.flowId}`
                  }
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
                    {t('atNode')} <code>{r.currentNodeLabel ?? r.currentNodeId}</code>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('groups')}>
        {c.groups.length === 0 ? (
          <p className="text-xs text-slate-400">{t('noGroups')}</p>
        ) : (
          <ul className="space-y-1" data-testid="contact-groups">
            {c.groups.map((g) => (
              <li key={g.roomId} className="flex items-baseline gap-2">
                <Link
                  href={`/groups/${g.roomId}`}
                  className="min-w-0 truncate font-medium text-emerald-700 hover:underline"
                >
                  {g.topic || t('noTopic')}
                </Link>
                <When at={g.joinedAt} now={c.clockNow} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('goals')}>
        {c.goals.length === 0 ? (
          <p className="text-xs text-slate-400">{t('noGoals')}</p>
        ) : (
          <ul className="space-y-1" data-testid="contact-goals">
            {c.goals.map((g) => (
              <li key={`${g.flowId}-${g.name}-${g.at}`} className="flex items-baseline gap-2">
                <span className="min-w-0 truncate text-slate-800" title={flowName(g.flowId)}>
                  {g.name}
                </span>
                <When at={g.at} now={c.clockNow} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('coupons')}>
        {c.coupons.length === 0 ? (
          <p className="text-xs text-slate-400">{t('noCoupons')}</p>
        ) : (
          <ul className="space-y-1" data-testid="contact-coupons">
            {c.coupons.map((k) => (
              <li key={`${k.pool}-${k.code}`} className="flex flex-wrap items-baseline gap-2">
                <code className="text-slate-800">{k.code}</code>
                <span className="text-xs text-slate-500">{k.pool}</span>
                <When at={k.at} now={c.clockNow} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

/** "3 days ago" on the contact's clock, the full time in the workspace's zone on hover. */
function When({ at, now }: { at: string | null; now: string }) {
  const { lang } = useLang();
  const time = useWorkspaceTime();
  if (!at) return null;
  return (
    <span className="ml-auto shrink-0 text-xs text-slate-400" title={time.format(at)}>
      {relativeTime(at, lang, now)}
    </span>
  );
}

type AttributeValue = string | number | boolean | null;

/** The server merges attributes: a key set to a value changes it, set to null removes it. */
function usePatchAttributes(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (attributes: Record<string, AttributeValue>) =>
      api<Contact>('PATCH', `/contacts/${contactId}`, { attributes }),
    onSuccess: (next) => client.setQueryData(inboxKeys.contact(contactId), next),
  });
}

/** The typed text as the kind of value it replaces (a number stays a number, true/false a boolean). */
function asValueLike(text: string, before: unknown): AttributeValue {
  const trimmed = text.trim();
  if (typeof before === 'number' && trimmed !== '' && Number.isFinite(Number(trimmed)))
    return Number(trimmed);
  if (typeof before === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  return text;
}

function Attributes({ contactId, attributes }: { contactId: string; attributes: Record<string, unknown> }) {
  const t = inboxMessages.useT();
  const canEdit = useRoleAtLeast('agent');
  const patch = usePatchAttributes(contactId);
  const [editing, setEditing] = useState<string | null>(null);
  /** The key whose field is open, read by the field's blur (which may come as it closes). */
  const open = useRef<string | null>(null);
  const edit = (k: string | null) => {
    open.current = k;
    setEditing(k);
  };
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [badKey, setBadKey] = useState(false);
  const entries = Object.entries(attributes);
  const save = (k: string, text: string) => {
    if (open.current !== k) return;
    edit(null);
    const next = asValueLike(text, attributes[k]);
    if (next !== attributes[k]) patch.mutate({ [k]: next });
  };
  return (
    <div className="space-y-2">
      {entries.length === 0 && <p className="text-xs text-slate-400">{t('noAttributes')}</p>}
      {entries.length > 0 && (
        <dl className="space-y-1" data-testid="contact-attributes">
          {entries.map(([k, v]) => (
            <div key={k} className="flex items-center gap-2">
              <dt className="w-24 shrink-0 truncate font-mono text-xs text-slate-500" title={k}>
                {k}
              </dt>
              <dd className="min-w-0 flex-1 break-words text-slate-800">
                {!canEdit ? (
                  String(v)
                ) : editing === k ? (
                  <Input
                    size="small"
                    className="w-full"
                    aria-label={t('editAttribute', { key: k })}
                    defaultValue={String(v ?? '')}
                    maxLength={2000}
                    autoFocus
                    // Enter saves through the blur (once); Escape drops the edit.
                    onBlur={(e) => save(k, e.currentTarget.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') e.currentTarget.blur();
                      if (e.key === 'Escape') edit(null);
                    }}
                  />
                ) : (
                  <button
                    type="button"
                    className="w-full rounded px-1 -mx-1 text-left hover:bg-slate-100"
                    title={t('editAttribute', { key: k })}
                    data-testid={`attribute-${k}`}
                    onClick={() => edit(k)}
                  >
                    {String(v) || <span className="text-slate-400">—</span>}
                  </button>
                )}
              </dd>
              {canEdit && (
                <button
                  type="button"
                  className="shrink-0 text-slate-400 hover:text-red-600"
                  aria-label={t('removeAttribute', { key: k })}
                  onClick={() => patch.mutate({ [k]: null })}
                >
                  ×
                </button>
              )}
            </div>
          ))}
        </dl>
      )}
      {canEdit && (
        <form
          className="flex gap-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            const k = key.trim();
            if (!k) return;
            if (!ATTRIBUTE_KEY.test(k)) {
              setBadKey(true);
              return;
            }
            patch.mutate({ [k]: value });
            setKey('');
            setValue('');
            setBadKey(false);
          }}
        >
          <Input
            size="small"
            className="w-24 font-mono"
            placeholder={t('attributeKey')}
            aria-label={t('attributeKey')}
            aria-invalid={badKey}
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              setBadKey(false);
            }}
          />
          <Input
            size="small"
            className="min-w-0 flex-1"
            placeholder={t('attributeValue')}
            aria-label={t('attributeValue')}
            maxLength={2000}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <Button type="submit" size="small" variant="secondary">
            {t('add')}
          </Button>
        </form>
      )}
      {badKey && <p className="text-xs text-red-600">{t('badAttributeKey')}</p>}
      <ErrorNote error={patch.error} />
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
