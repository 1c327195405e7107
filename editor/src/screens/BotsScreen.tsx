// Bot accounts: status (polled while starting or scanning), messages not confirmed as delivered, the
// login QR code, start/stop, limits.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { z } from 'zod';
import type { BotLimits } from '../../../shared/api/bot-limits.ts';
import type { botSchema } from '../../../shared/api/bots.ts';
import { api } from '../api.ts';
import { Badge, Button, Card, ErrorNote, Input, PageHeader } from '../app/ui.tsx';
import { botsMessages } from './bots-messages.ts';
import { NewBotForm, usePuppetName } from './NewBotForm.tsx';
import { undeliveredMessages } from './undelivered-messages.ts';

type Bot = z.infer<typeof botSchema>;
const TONE = {
  stopped: 'slate',
  starting: 'amber',
  scanning: 'amber',
  online: 'green',
  error: 'red',
} as const;

export function BotsScreen() {
  const t = botsMessages.useT();
  const [adding, setAdding] = useState(false);
  const bots = useQuery({
    queryKey: ['bots'],
    queryFn: () => api<Bot[]>('GET', '/bots'),
    refetchInterval: (q) =>
      q.state.data?.some((b) => b.status === 'starting' || b.status === 'scanning') ? 2000 : 10_000,
  });
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button variant="primary" onClick={() => setAdding(true)}>
            + {t('add')}
          </Button>
        }
      />
      {adding && <NewBotForm onDone={() => setAdding(false)} />}
      <ErrorNote error={bots.error} />
      <div className="space-y-4">
        {bots.data?.map((bot) => (
          <BotCard key={bot.id} bot={bot} />
        ))}
      </div>
    </>
  );
}

function BotCard({ bot }: { bot: Bot }) {
  const t = botsMessages.useT();
  const puppetName = usePuppetName();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['bots'] });
  const power = useMutation({
    mutationFn: (action: 'start' | 'stop') => api('POST', `/bots/${bot.id}/${action}`),
    onSuccess: refresh,
  });
  const running = bot.desired === 'running';
  return (
    <Card className="p-5">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-medium text-slate-900">{bot.name}</h2>
        <Badge tone={TONE[bot.status]}>{t(bot.status)}</Badge>
        <span className="text-sm text-slate-500" title={bot.puppet}>
          {puppetName(bot.puppet) ?? <code className="text-xs">{bot.puppet}</code>}
        </span>
        {bot.self?.name && (
          <span className="text-sm text-slate-500">{t('loggedInAs', { name: bot.self.name })}</span>
        )}
        <Undelivered counts={bot.undelivered} />
        <Button
          className="ml-auto"
          onClick={() => power.mutate(running ? 'stop' : 'start')}
          disabled={power.isPending}
        >
          {running ? t('stop') : t('start')}
        </Button>
      </div>
      {bot.error && <p className="mt-2 text-sm text-red-600">{bot.error}</p>}
      <UndeliveredHint counts={bot.undelivered} />
      <ErrorNote error={power.error} />
      <div className="mt-4 flex flex-wrap gap-8">
        {bot.status === 'scanning' && bot.qrcode && <LoginQr payload={bot.qrcode} />}
        <LimitsForm bot={bot} />
      </div>
    </Card>
  );
}

/** "2 unknown · 1 failed": messages that need a person, who handles them in the contact's transcript. */
function Undelivered({ counts }: { counts: Bot['undelivered'] | undefined }) {
  const t = undeliveredMessages.useT();
  if (!needsPerson(counts)) return null;
  const parts = [
    counts.unknown > 0 && t('unknownCount', { count: counts.unknown }),
    counts.failed > 0 && t('failedCount', { count: counts.failed }),
  ].filter(Boolean);
  return (
    <Link
      href="/contacts"
      title={t('countsHint')}
      data-testid="bot-undelivered"
      className="rounded-full hover:ring-2 hover:ring-amber-300"
    >
      <Badge tone={counts.unknown > 0 ? 'amber' : 'red'}>⚠ {parts.join(' · ')}</Badge>
    </Link>
  );
}

const needsPerson = (counts: Bot['undelivered'] | undefined): counts is Bot['undelivered'] =>
  Boolean(counts && counts.unknown + counts.failed > 0);

function UndeliveredHint({ counts }: { counts: Bot['undelivered'] | undefined }) {
  const t = undeliveredMessages.useT();
  if (!needsPerson(counts)) return null;
  return <p className="mt-2 text-sm text-amber-800">{t('countsHint')}</p>;
}

function LoginQr({ payload }: { payload: string }) {
  const t = botsMessages.useT();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toDataURL(payload, { width: 200, margin: 1 }).then(setSrc, () => setSrc(null));
  }, [payload]);
  return (
    <div className="text-center">
      {src && <img src={src} alt={t('scan')} className="h-48 w-48 rounded-lg ring-1 ring-slate-200" />}
      <p className="mt-2 text-sm text-slate-600">{t('scan')}</p>
    </div>
  );
}

const FIELDS = ['messagesPerMinute', 'messagesPerDay', 'acceptsPerHour', 'acceptsPerDay'] as const;

function LimitsForm({ bot }: { bot: Bot }) {
  const t = botsMessages.useT();
  const queryClient = useQueryClient();
  const [limits, setLimits] = useState<BotLimits>(bot.limits);
  const save = useMutation({
    mutationFn: () => api('PATCH', `/bots/${bot.id}`, { limits }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['bots'] }),
  });
  const num = (label: string, value: number, set: (n: number) => void) => (
    <label key={label} className="text-xs font-medium text-slate-600">
      {label}
      <Input
        type="number"
        min={0}
        value={value}
        onChange={(e) => set(Number(e.target.value))}
        className="mt-1 block w-36"
      />
    </label>
  );
  return (
    <form
      className="flex-1"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h3 className="mb-2 text-sm font-medium text-slate-700">{t('limits')}</h3>
      <div className="flex flex-wrap gap-3">
        {FIELDS.map((key) => num(t(key), limits[key], (n) => setLimits({ ...limits, [key]: n })))}
        {num(t('jitterMin'), limits.jitterMs[0], (n) =>
          setLimits({ ...limits, jitterMs: [n, limits.jitterMs[1]] }),
        )}
        {num(t('jitterMax'), limits.jitterMs[1], (n) =>
          setLimits({ ...limits, jitterMs: [limits.jitterMs[0], n] }),
        )}
      </div>
      <div className="mt-3 flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {t('save')}
        </Button>
        {save.isSuccess && <span className="text-sm text-emerald-700">{t('saved')}</span>}
      </div>
      <ErrorNote error={save.error} />
    </form>
  );
}
