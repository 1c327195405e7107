// The signed-in member's profile: who they are, binding their own WeChat to the bot with a one-time
// code (so the bot answers their chat commands from the phone), and the commands with examples.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MeWechatBody, WechatCodeBody } from '../../../shared/api/me.ts';
import { api } from '../api.ts';
import { Badge, Button, Card, ErrorNote, PageHeader } from '../app/ui.tsx';
import { defineMessages, useLang } from '../i18n.ts';
import { useSession } from '../queries.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { membersMessages } from './members-messages.ts';

export const profileMessages = defineMessages({
  'zh-CN': {
    title: '个人资料',
    subtitle: '你的账号，以及在微信里向机器人查询数据。',
    name: '姓名',
    email: '邮箱',
    workspace: '工作区',
    role: '角色',
    bindTitle: '绑定我的微信',
    bindHint: '绑定后，用微信私聊机器人发送 #统计 等命令，直接看到实时数据；其他人发来的消息照常走流程。',
    getCode: '获取绑定验证码',
    newCode: '换一个验证码',
    instruction: '用你的微信把这 6 位验证码私聊发给工作区的机器人账号。',
    expiresIn: '{time} 后失效',
    expired: '验证码已过期，请重新获取。',
    bound: '已绑定微信：{name}',
    unbind: '解除绑定',
    unbindQuestion: '解除与该微信的绑定？',
    commandsTitle: '聊天命令',
    commandsHint: '绑定后私聊机器人发送（中英文命令都可以）：',
    example: '例如',
  },
  en: {
    title: 'Profile',
    subtitle: 'Your account, and asking the bot for numbers from WeChat.',
    name: 'Name',
    email: 'Email',
    workspace: 'Workspace',
    role: 'Role',
    bindTitle: 'Bind my WeChat',
    bindHint:
      'Once bound, send the bot commands like #stats in a private chat to see live numbers; everyone else’s messages go to the flows as usual.',
    getCode: 'Get a binding code',
    newCode: 'Get a new code',
    instruction: 'Send this 6-digit code to the bot account from your WeChat, in a private chat.',
    expiresIn: 'Expires in {time}',
    expired: 'The code expired: get a new one.',
    bound: 'WeChat bound: {name}',
    unbind: 'Unbind',
    unbindQuestion: 'Unbind this WeChat?',
    commandsTitle: 'Chat commands',
    commandsHint: 'Once bound, send the bot in private (Chinese or English names):',
    example: 'e.g.',
  },
});

/** What is left of a code's life as m:ss; never below 0:00. */
export function countdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Now, rendered again every second while `ticking` (read at render: a code just got is counted from now). */
function useNow(ticking: boolean): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return Date.now();
}

const wechatKey = ['me', 'wechat'] as const;

export function ProfileScreen() {
  const t = profileMessages.useT();
  const roleName = membersMessages.useT();
  const session = useSession().data;
  const user = session?.user;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="max-w-3xl space-y-6">
        {session && (
          <Card className="p-6">
            <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
              <dt className="text-slate-500">{t('name')}</dt>
              <dd className="text-slate-900">{user?.name || '—'}</dd>
              <dt className="text-slate-500">{t('email')}</dt>
              <dd className="text-slate-900">{user?.email ?? '—'}</dd>
              <dt className="text-slate-500">{t('workspace')}</dt>
              <dd className="text-slate-900">{session.workspace.name}</dd>
              <dt className="text-slate-500">{t('role')}</dt>
              <dd className="text-slate-900">{roleName(session.role)}</dd>
            </dl>
          </Card>
        )}
        <WechatBinding />
      </div>
    </>
  );
}

function WechatBinding() {
  const t = profileMessages.useT();
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const wechat = useQuery({
    queryKey: wechatKey,
    queryFn: () => api<MeWechatBody>('GET', '/me/wechat'),
    // While a code waits to be sent, look for the binding it makes.
    refetchInterval: (query) => (query.state.data?.code && !query.state.data.bound ? 3000 : false),
  });
  const data = wechat.data;
  const now = useNow(Boolean(data?.code));
  const getCode = useMutation({
    mutationFn: () => api<WechatCodeBody>('POST', '/me/wechat/code'),
    onSuccess: (code) =>
      queryClient.setQueryData<MeWechatBody>(wechatKey, (old) => old && { ...old, ...code }),
  });
  const unbind = useMutation({
    mutationFn: () => api('DELETE', '/me/wechat'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wechatKey }),
  });
  if (!data) return <ErrorNote error={wechat.error} />;
  const left = data.expiresAt ? Date.parse(data.expiresAt) - now : 0;
  const pending = Boolean(data.code) && left > 0;
  return (
    <>
      <Card className="space-y-4 p-6">
        <div>
          <h2 className="font-medium text-slate-900">{t('bindTitle')}</h2>
          <p className="mt-1 text-sm text-slate-500">{t('bindHint')}</p>
        </div>
        {data.bound && data.contact && (
          <div className="flex flex-wrap items-center gap-3">
            <Badge tone="green">{t('bound', { name: data.contact.name || '—' })}</Badge>
            <ConfirmButton
              label={t('unbind')}
              question={t('unbindQuestion')}
              variant="danger"
              disabled={unbind.isPending}
              onConfirm={() => unbind.mutate()}
            />
          </div>
        )}
        {!data.bound && pending && (
          <div className="space-y-2">
            <div
              data-testid="wechat-code"
              className="font-mono text-4xl font-semibold tracking-[0.3em] text-slate-900"
            >
              {data.code}
            </div>
            <p className="text-sm text-slate-700">{t('instruction')}</p>
            <p className="text-xs text-slate-500" data-testid="wechat-code-countdown">
              {t('expiresIn', { time: countdown(left) })}
            </p>
          </div>
        )}
        {!data.bound && data.code && !pending && <p className="text-sm text-amber-700">{t('expired')}</p>}
        {!data.bound && (
          <Button
            variant={pending ? 'secondary' : 'primary'}
            disabled={getCode.isPending}
            onClick={() => getCode.mutate()}
          >
            {pending ? t('newCode') : t('getCode')}
          </Button>
        )}
        <ErrorNote error={getCode.error ?? unbind.error} />
      </Card>
      <Card className="p-6">
        <h2 className="font-medium text-slate-900">{t('commandsTitle')}</h2>
        <p className="mt-1 mb-3 text-sm text-slate-500">{t('commandsHint')}</p>
        <ul className="divide-y divide-slate-100">
          {data.commands.map((command) => (
            <li key={command.names[0]} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm">
              <span className="font-mono font-medium text-slate-900">
                {command.names.map((name) => `#${name}`).join(' / ')}
              </span>
              <span className="text-slate-600">{command.describe[lang]}</span>
              <span className="text-xs text-slate-500">
                {t('example')}{' '}
                <code className="rounded bg-slate-100 px-1.5 py-0.5">{command.example[lang]}</code>
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
