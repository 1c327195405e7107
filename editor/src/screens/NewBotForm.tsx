// Adds a bot account: the sandbox, a personal WeChat (wechat4u, QR login), WeCom through a
// puppet-service token, or any other Wechaty puppet package.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api.ts';
import { Button, Card, ErrorNote, Input } from '../app/ui.tsx';
import { botsMessages } from './bots-messages.ts';

const PUPPETS = ['sandbox', 'wechaty-puppet-wechat4u', 'wechaty-puppet-service', 'other'] as const;

export function NewBotForm({ onDone }: { onDone: () => void }) {
  const t = botsMessages.useT();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [puppet, setPuppet] = useState<(typeof PUPPETS)[number]>('wechaty-puppet-wechat4u');
  const [other, setOther] = useState('');
  const [token, setToken] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api('POST', '/bots', {
        name: name.trim(),
        puppet: puppet === 'other' ? other.trim() : puppet,
        ...(puppet === 'wechaty-puppet-service' ? { puppetOptions: { token } } : {}),
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['bots'] });
      onDone();
    },
  });
  return (
    <Card className="mb-6 p-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label className="text-xs font-medium text-slate-600">
          {t('name')}
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            className="mt-1 block w-48"
            required
          />
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t('puppet')}
          <select
            value={puppet}
            onChange={(e) => setPuppet(e.target.value as (typeof PUPPETS)[number])}
            className="mt-1 block rounded-lg border border-slate-300 px-3 py-1.5 text-sm"
          >
            {PUPPETS.map((p) => (
              <option key={p} value={p}>
                {p === 'other' ? t('other') : p}
              </option>
            ))}
          </select>
        </label>
        {puppet === 'other' && (
          <Input
            placeholder="wechaty-puppet-…"
            value={other}
            onChange={(e) => setOther(e.target.value)}
            className="w-64"
          />
        )}
        {puppet === 'wechaty-puppet-service' && (
          <Input
            placeholder={t('token')}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            className="w-64"
          />
        )}
        <Button tone="primary" type="submit" disabled={!name.trim() || create.isPending}>
          {t('create')}
        </Button>
      </form>
      <ErrorNote error={create.error} />
    </Card>
  );
}
