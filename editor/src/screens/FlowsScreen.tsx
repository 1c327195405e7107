// The flows list: status, published version and the funnel's entered / goal counts at a glance;
// create, rename, duplicate, archive.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { z } from 'zod';
import type { flowDetail } from '../../../shared/api/flows.ts';
import { api } from '../api.ts';
import {
  Badge,
  Button,
  Card,
  Empty,
  ErrorNote,
  Input,
  PageHeader,
  relativeTime,
  useRowLink,
} from '../app/ui.tsx';
import { useLang } from '../i18n.ts';
import { type FlowItem, useFlowList } from '../queries.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { flowsMessages } from './flows-messages.ts';

type FlowDetail = z.infer<typeof flowDetail>;
const STATUS_TONE = { draft: 'slate', published: 'green', paused: 'amber' } as const;

export function FlowsScreen() {
  const t = flowsMessages.useT();
  const { lang } = useLang();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const flows = useFlowList();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['flows'] });
  const create = useMutation({
    mutationFn: (body: { name: string; graph?: unknown }) => api<FlowDetail>('POST', '/flows', body),
    onSuccess: (flow) => {
      refresh();
      navigate(`/flows/${flow.id}`);
    },
  });
  const act = useMutation({
    mutationFn: async ({
      flow,
      action,
    }: {
      flow: FlowItem;
      action: 'archive' | 'unarchive' | 'duplicate';
    }) => {
      if (action !== 'duplicate') return api('POST', `/flows/${flow.id}/${action}`);
      const full = await api<FlowDetail>('GET', `/flows/${flow.id}`);
      return api('POST', '/flows', { name: `${flow.name}${t('copySuffix')}`, graph: full.graph });
    },
    onSuccess: refresh,
  });

  const visible = (flows.data ?? []).filter((f) => f.archived === showArchived);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <label className="flex items-center gap-2 text-sm text-slate-600">
              <input
                type="checkbox"
                checked={showArchived}
                onChange={(e) => setShowArchived(e.target.checked)}
              />
              {t('showArchived')}
            </label>
            <Button variant="primary" data-testid="flow-create" onClick={() => setCreating(true)}>
              + {t('create')}
            </Button>
          </>
        }
      />
      {creating && (
        <CreateForm
          onCancel={() => setCreating(false)}
          onCreate={(name) => create.mutate({ name })}
          busy={create.isPending}
        />
      )}
      <ErrorNote error={flows.error ?? create.error ?? act.error} />
      <Card className="overflow-hidden">
        {flows.isPending ? (
          <div className="h-40 animate-pulse bg-slate-50" />
        ) : visible.length === 0 ? (
          <Empty
            title={t('emptyTitle')}
            hint={t('emptyHint')}
            action={
              <Button variant="primary" onClick={() => setCreating(true)}>
                + {t('create')}
              </Button>
            }
          />
        ) : (
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-3">{t('name')}</th>
                <th className="px-4 py-3">{t('status')}</th>
                <th className="px-4 py-3">{t('version')}</th>
                <th className="px-4 py-3 text-right">{t('entered')}</th>
                <th className="px-4 py-3 text-right">{t('goals')}</th>
                <th className="px-4 py-3">{t('updated')}</th>
                <th className="px-4 py-3" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {visible.map((flow) => (
                <FlowRow
                  key={flow.id}
                  flow={flow}
                  lang={lang}
                  onAction={(action) => act.mutate({ flow, action })}
                />
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}

function CreateForm(props: { onCancel: () => void; onCreate: (name: string) => void; busy: boolean }) {
  const t = flowsMessages.useT();
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) props.onCreate(name.trim());
  };
  return (
    <Card className="mb-4 p-4">
      <form onSubmit={submit} className="flex items-center gap-2">
        <Input
          autoFocus
          data-testid="flow-name"
          className="flex-1"
          placeholder={t('namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button
          variant="primary"
          type="submit"
          disabled={props.busy || !name.trim()}
          data-testid="flow-create-confirm"
        >
          {t('createConfirm')}
        </Button>
        <Button onClick={props.onCancel}>{t('cancel')}</Button>
      </form>
    </Card>
  );
}

function FlowRow(props: {
  flow: FlowItem;
  lang: string;
  onAction: (a: 'archive' | 'unarchive' | 'duplicate') => void;
}) {
  const { flow } = props;
  const t = flowsMessages.useT();
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const rowLink = useRowLink(`/flows/${flow.id}`);
  const rename = useMutation({
    mutationFn: (name: string) => api('PUT', `/flows/${flow.id}`, { name }),
    onSuccess: () => {
      setRenaming(null);
      queryClient.invalidateQueries({ queryKey: ['flows'] });
    },
  });
  return (
    <tr {...rowLink} data-testid="flow-row">
      <td className="px-4 py-3">
        {renaming === null ? (
          <Link href={`/flows/${flow.id}`} className="font-medium text-slate-900 hover:text-emerald-700">
            {flow.name}
          </Link>
        ) : (
          <form
            className="flex max-w-md items-center gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (renaming.trim()) rename.mutate(renaming.trim());
            }}
          >
            <Input
              autoFocus
              className="min-w-0 flex-1"
              value={renaming}
              onChange={(e) => setRenaming(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
            />
            <Button type="submit" variant="primary">
              {t('save')}
            </Button>
            <Button onClick={() => setRenaming(null)}>{t('cancel')}</Button>
          </form>
        )}
      </td>
      <td className="px-4 py-3">
        {flow.archived ? (
          <Badge tone="slate">{t('archived')}</Badge>
        ) : (
          <Badge tone={STATUS_TONE[flow.status]}>{t(flow.status)}</Badge>
        )}
      </td>
      <td className="px-4 py-3 text-slate-600">
        {flow.publishedVersion ? `v${flow.publishedVersion}` : '—'}
      </td>
      <td className="px-4 py-3 text-right tabular-nums">{flow.entered}</td>
      <td className="px-4 py-3 text-right tabular-nums">
        {flow.goals}
        {flow.entered > 0 && (
          <span className="ml-1 text-xs text-slate-400">
            {Math.round((100 * flow.goals) / flow.entered)}%
          </span>
        )}
      </td>
      <td className="whitespace-nowrap px-4 py-3 text-slate-500">
        {relativeTime(flow.updatedAt, props.lang)}
      </td>
      <td className="space-x-1 whitespace-nowrap px-4 py-3 text-right">
        {renaming === null && !confirming && (
          <Button onClick={() => setRenaming(flow.name)}>{t('rename')}</Button>
        )}
        {!confirming && <Button onClick={() => props.onAction('duplicate')}>{t('duplicate')}</Button>}
        {flow.archived ? (
          <Button onClick={() => props.onAction('unarchive')}>{t('unarchive')}</Button>
        ) : (
          <ConfirmButton
            label={t('archive')}
            question={t('archiveQuestion')}
            confirmTestId="flow-archive-confirm"
            onAsk={setConfirming}
            onConfirm={() => props.onAction('archive')}
          />
        )}
      </td>
    </tr>
  );
}
