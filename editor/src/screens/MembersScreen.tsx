// Members (invite with a role, change role, remove) and API keys (the key is shown once).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { apiKeyCreated, apiKeySchema, Member } from '../../../shared/api/auth.ts';
import { ROLES } from '../../../shared/roles.ts';
import { api } from '../api.ts';
import { Button, Card, ErrorNote, Input, PageHeader } from '../app/ui.tsx';
import { membersMessages } from './members-messages.ts';

type ApiKey = z.infer<typeof apiKeySchema>;

function RoleSelect(props: { value: string; onChange: (role: string) => void }) {
  const t = membersMessages.useT();
  return (
    <select
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      className="rounded-lg border border-slate-300 px-2 py-1.5 text-sm"
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(r)}
        </option>
      ))}
    </select>
  );
}

export function MembersScreen() {
  const t = membersMessages.useT();
  const queryClient = useQueryClient();
  const members = useQuery({ queryKey: ['members'], queryFn: () => api<Member[]>('GET', '/members') });
  const [invite, setInvite] = useState({ email: '', password: '', role: 'marketer' });
  const change = useMutation({
    mutationFn: (op: { id: string; role?: string }) =>
      op.role ? api('PATCH', `/members/${op.id}`, { role: op.role }) : api('DELETE', `/members/${op.id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members'] }),
  });
  const add = useMutation({
    mutationFn: () => api('POST', '/members', invite),
    onSuccess: () => {
      setInvite({ email: '', password: '', role: 'marketer' });
      queryClient.invalidateQueries({ queryKey: ['members'] });
    },
  });
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card className="mb-6 overflow-hidden">
        <table className="w-full text-sm">
          <tbody className="divide-y divide-slate-100">
            {members.data?.map((m) => (
              <tr key={m.id}>
                <td className="px-4 py-3 font-medium text-slate-900">{m.name || m.email}</td>
                <td className="px-4 py-3 text-slate-500">{m.email}</td>
                <td className="px-4 py-3">
                  <RoleSelect value={m.role} onChange={(role) => change.mutate({ id: m.id, role })} />
                </td>
                <td className="px-4 py-3 text-right">
                  <Button tone="danger" onClick={() => change.mutate({ id: m.id })}>
                    {t('remove')}
                  </Button>
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
            value={invite.password}
            onChange={(e) => setInvite({ ...invite, password: e.target.value })}
            minLength={8}
            required
          />
          <RoleSelect value={invite.role} onChange={(role) => setInvite({ ...invite, role })} />
          <Button tone="primary" type="submit" disabled={add.isPending}>
            {t('invite')}
          </Button>
        </form>
      </Card>
      <ErrorNote error={members.error ?? change.error ?? add.error} />
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['api-keys'] }),
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
          <code className="select-all break-all font-mono">{create.data.key}</code>
          <Button onClick={() => navigator.clipboard?.writeText(create.data.key)}>{t('copy')}</Button>
        </div>
      )}
      <ul className="mb-3 divide-y divide-slate-100 text-sm">
        {keys.data?.map((k) => (
          <li key={k.id} className="flex items-center gap-3 py-2">
            <span className="font-medium">{k.name}</span>
            <code className="text-slate-500">{k.prefix}…</code>
            <span className="text-slate-500">{t(k.role)}</span>
            <Button tone="danger" className="ml-auto" onClick={() => revoke.mutate(k.id)}>
              {t('revoke')}
            </Button>
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
