// Members (invite with a role, change role, remove) and API keys (the key is shown once).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { apiKeyCreated, apiKeySchema, Member } from '../../../shared/api/auth.ts';
import { ROLES } from '../../../shared/roles.ts';
import { api } from '../api.ts';
import { Button, Card, ErrorNote, Input, PageHeader, Select } from '../app/ui.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { membersMessages } from './members-messages.ts';

type ApiKey = z.infer<typeof apiKeySchema>;

function RoleSelect(props: { value: string; onChange: (role: string) => void }) {
  const t = membersMessages.useT();
  return (
    <Select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(r)}
        </option>
      ))}
    </Select>
  );
}

export function MembersScreen() {
  const t = membersMessages.useT();
  const queryClient = useQueryClient();
  const members = useQuery({ queryKey: ['members'], queryFn: () => api<Member[]>('GET', '/members') });
  const [invite, setInvite] = useState({ email: '', password: '', role: 'marketer' });
  const change = useMutation({
    mutationFn: (op: { id: string; role?: string; agent?: boolean }) =>
      op.role !== undefined || op.agent !== undefined
        ? api('PATCH', `/members/${op.id}`, { role: op.role, agent: op.agent })
        : api('DELETE', `/members/${op.id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members'] }),
  });
  const add = useMutation({
    mutationFn: () => api('POST', '/members', invite),
    onSuccess: () => {
      setInvite({ email: '', password: '', role: 'marketer' });
      queryClient.invalidateQueries({ queryKey: ['members'] });
    },
  });
  const error = members.error ?? change.error ?? add.error;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card className="mb-6 overflow-hidden">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-3">{t('member')}</th>
              <th className="px-4 py-3">{t('role')}</th>
              <th className="px-4 py-3" title={t('takesConversationsHelp')}>
                {t('takesConversations')}
              </th>
              <th className="px-4 py-3 text-right">{t('actions')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.data?.map((m) => (
              <tr key={m.id} data-testid="member-row">
                <td className="px-4 py-3">
                  <div className="font-medium text-slate-900">{m.name || m.email}</div>
                  {m.name && m.name !== m.email && <div className="text-slate-500">{m.email}</div>}
                </td>
                <td className="px-4 py-3">
                  <RoleSelect value={m.role} onChange={(role) => change.mutate({ id: m.id, role })} />
                </td>
                <td className="px-4 py-3">
                  <label className="inline-flex items-center gap-2 text-slate-600">
                    <input
                      type="checkbox"
                      checked={m.agent}
                      data-testid="member-agent"
                      onChange={(e) => change.mutate({ id: m.id, agent: e.target.checked })}
                    />
                    {m.agent && m.online && <span className="text-xs text-emerald-700">{t('online')}</span>}
                  </label>
                </td>
                <td className="px-4 py-3 text-right">
                  <ConfirmButton
                    variant="danger"
                    label={t('remove')}
                    question={t('removeQuestion')}
                    onConfirm={() => change.mutate({ id: m.id })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form
          className="flex flex-wrap items-center gap-2 border-t border-slate-200 bg-slate-50 p-4"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Input
            type="email"
            placeholder={t('email')}
            value={invite.email}
            onChange={(e) => setInvite({ ...invite, email: e.target.value })}
            required
          />
          <Input
            type="password"
            placeholder={t('password')}
            className="w-64"
            value={invite.password}
            onChange={(e) => setInvite({ ...invite, password: e.target.value })}
            minLength={8}
            required
          />
          <RoleSelect value={invite.role} onChange={(role) => setInvite({ ...invite, role })} />
          <Button variant="primary" type="submit" disabled={add.isPending}>
            {t('invite')}
          </Button>
        </form>
        {error && (
          <div className="border-t border-slate-200 p-4">
            <ErrorNote error={error} />
          </div>
        )}
      </Card>
      <ApiKeys />
    </>
  );
}

function ApiKeys() {
  const t = membersMessages.useT();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => api<ApiKey[]>('GET', '/api-keys') });
  const [draft, setDraft] = useState({ name: '', role: 'marketer' });
  const create = useMutation({
    mutationFn: () => api<z.infer<typeof apiKeyCreated>>('POST', '/api-keys', draft),
    onSuccess: () => {
      setDraft((d) => ({ ...d, name: '' }));
      queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api('DELETE', `/api-keys/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  return (
    <Card className="p-4">
      <h2 className="font-medium text-slate-900">{t('apiKeys')}</h2>
      <p className="mb-3 text-sm text-slate-500">{t('apiKeysHint')}</p>
      {create.data && (
        <div className="mb-3 flex items-center gap-2 rounded-lg bg-emerald-50 p-3 text-sm">
          <span>{t('shownOnce')}</span>
          <CopyKey key={create.data.key} value={create.data.key} />
        </div>
      )}
      <ul className="mb-3 divide-y divide-slate-100 text-sm">
        {keys.data?.map((k) => (
          <li key={k.id} className="flex items-center gap-3 py-2">
            <span className="font-medium">{k.name}</span>
            <code className="text-slate-500">{k.prefix}…</code>
            <span className="text-slate-500">{t(k.role)}</span>
            <span className="ml-auto">
              <ConfirmButton
                variant="danger"
                label={t('revoke')}
                question={t('revokeQuestion')}
                onConfirm={() => revoke.mutate(k.id)}
              />
            </span>
          </li>
        ))}
      </ul>
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Input
          placeholder={t('keyName')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          required
        />
        <RoleSelect value={draft.role} onChange={(role) => setDraft({ ...draft, role })} />
        <Button type="submit">{t('createKey')}</Button>
      </form>
      <ErrorNote error={keys.error ?? create.error ?? revoke.error} />
    </Card>
  );
}

/** The new key and its Copy button: "Copied" for two seconds, or, without a clipboard, the key selected. */
function CopyKey({ value }: { value: string }) {
  const t = membersMessages.useT();
  const code = useRef<HTMLElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'selected'>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      const selection = window.getSelection();
      if (code.current && selection) selection.selectAllChildren(code.current);
      setState('selected');
    }
  };
  return (
    <>
      <code ref={code} className="select-all break-all font-mono" data-testid="api-key">
        {value}
      </code>
      <Button onClick={copy}>
        {state === 'copied' && <span aria-hidden="true">✓</span>}
        {state === 'copied' ? t('copied') : t('copy')}
      </Button>
      <span aria-live="polite" className="text-slate-600">
        {state === 'selected' && t('copyManually')}
      </span>
    </>
  );
}
