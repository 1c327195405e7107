// Adds a bot account: the sandbox, a personal WeChat (wechat4u, QR login), WeCom through a
// puppet-service token, or any other Wechaty puppet package. The picker shows what each account type
// is; the API still gets the puppet's package name.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api.ts';
import { Button, Card, ErrorNote, Input, Select } from '../app/ui.tsx';
import { botsMessages } from './bots-messages.ts';

const PUPPETS = ['sandbox', 'wechaty-puppet-wechat4u', 'wechaty-puppet-service', 'other'] as const;
type Puppet = (typeof PUPPETS)[number];
const PUPPET_NAME = {
  sandbox: 'puppetSandbox',
  'wechaty-puppet-wechat4u': 'puppetWechat4u',
  'wechaty-puppet-service': 'puppetService',
  other: 'other',
} as const;

/** "个人微信（网页协议，wechat4u）" for a known puppet package; null for any other package. */
export function usePuppetName(): (puppet: string) => string | null {
  const t = botsMessages.useT();
  return (puppet) => (puppet in PUPPET_NAME && puppet !== 'other' ? t(PUPPET_NAME[puppet as Puppet]) : null);
}

export function NewBotForm({ onDone }: { onDone: () => void }) {
  const t = botsMessages.useT();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [puppet, setPuppet] = useState<Puppet>('wechaty-puppet-wechat4u');
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
          <Select value={puppet} onChange={(e) => setPuppet(e.target.value as Puppet)} className="mt-1 block">
            {PUPPETS.map((p) => (
              <option key={p} value={p} title={p === 'other' ? undefined : p}>
                {t(PUPPET_NAME[p])}
              </option>
            ))}
          </Select>
        </label>
        {puppet === 'other' && (
          <label className="text-xs font-medium text-slate-600">
            {t('packageName')}
            <Input
              placeholder="wechaty-puppet-…"
              value={other}
              onChange={(e) => setOther(e.target.value)}
              className="mt-1 block w-64"
              required
            />
          </label>
        )}
        {puppet === 'wechaty-puppet-service' && (
          <label className="text-xs font-medium text-slate-600">
            {t('token')}
            <Input
              value={token}
              onChange={(e) => setToken(e.target.value)}
              className="mt-1 block w-64"
              autoComplete="off"
            />
          </label>
        )}
        <Button variant="primary" type="submit" disabled={!name.trim() || create.isPending}>
          {t('create')}
        </Button>
        <Button onClick={onDone}>{t('cancel')}</Button>
      </form>
      {puppet !== 'sandbox' && puppet !== 'other' && (
        <p className="mt-2 text-xs text-slate-500" data-testid="puppet-package">
          {t('package', { name: puppet })}
        </p>
      )}
      <ErrorNote error={create.error} />
    </Card>
  );
}
