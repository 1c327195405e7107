// The frame around every page but the flow editor: sidebar navigation (the insights first, then the inbox with the
// unassigned conversations as its badge, live over the inbox stream), workspace, language, sign-out.
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import type { SessionBody } from '../../../shared/api/auth.ts';
import { signOut } from '../api.ts';
import { shellMessages } from '../i18n.ts';
import { useInboxCounts } from '../screens/inbox-api.ts';
import { useInboxStream } from '../screens/inbox-stream.ts';
import { membersMessages } from '../screens/members-messages.ts';
import { profileMessages } from '../screens/ProfileScreen.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { NAV_ICONS, NavIcon } from './nav-icons.tsx';
import { Button } from './ui.tsx';

const NAV = [
  'insights',
  'inbox',
  'kpis',
  'review',
  'flows',
  'contacts',
  'groups',
  'campaigns',
  'leads',
  'channels',
  'coupons',
  'bots',
  'members',
  'settings',
] as const;

export function Shell({ session, children }: { session: SessionBody; children: ReactNode }) {
  const t = shellMessages.useT();
  const roleName = membersMessages.useT();
  const profile = profileMessages.useT();
  const [location] = useLocation();
  const queryClient = useQueryClient();
  useInboxStream(session.user?.id, Boolean(session.user));
  // The inbox is three full-height columns: no page margins.
  const flush = location === '/inbox' || location.startsWith('/inbox/');
  return (
    <div className="flex min-h-dvh bg-slate-50 text-slate-800">
      <aside className="sticky top-0 flex h-dvh w-16 shrink-0 flex-col border-r border-slate-200 bg-white xl:w-56">
        <div className="flex h-14 shrink-0 items-center gap-2 px-4">
          <span className="grid h-8 w-8 place-items-center rounded-lg bg-emerald-600 font-bold text-white">
            W
          </span>
          <span className="hidden font-semibold text-slate-900 xl:block">Wefunnel</span>
        </div>
        <nav className="min-h-0 flex-1 space-y-1 overflow-y-auto px-2 py-2">
          {NAV.map((key) => {
            const active = location === `/${key}` || location.startsWith(`/${key}/`);
            return (
              <Link
                key={key}
                href={`/${key}`}
                data-testid={`nav-${key}`}
                title={t(key)}
                className={`flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium ${
                  active
                    ? 'bg-emerald-50 text-emerald-700'
                    : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'
                }`}
              >
                <span className="relative">
                  <NavIcon d={NAV_ICONS[key]} />
                  {key === 'inbox' && <InboxBadge enabled={Boolean(session.user)} />}
                </span>
                <span className="hidden xl:block">{t(key)}</span>
              </Link>
            );
          })}
        </nav>
        <div className="shrink-0 space-y-2 border-t border-slate-200 p-3">
          <Link
            href="/profile"
            data-testid="nav-profile"
            title={profile('title')}
            className={`flex items-center gap-3 rounded-lg px-3 py-2 text-xs text-slate-500 hover:bg-slate-100 xl:px-2 ${
              location === '/profile' ? 'bg-emerald-50' : ''
            }`}
          >
            <span className="xl:hidden">
              <NavIcon d={NAV_ICONS.members} />
            </span>
            <span className="hidden min-w-0 truncate xl:block">
              <span className="block font-medium text-slate-700">{session.workspace.name}</span>
              <span data-testid="me-email">{session.user?.email}</span> · {roleName(session.role)}
            </span>
          </Link>
          <div className="flex flex-col items-start gap-1 xl:flex-row xl:items-center xl:justify-between">
            <LangSwitch />
            <Button
              variant="ghost"
              onClick={() => signOut().then(() => queryClient.setQueryData(['session'], null))}
            >
              {t('signOut')}
            </Button>
          </div>
        </div>
      </aside>
      <main className={flush ? 'min-w-0 flex-1' : 'min-w-0 flex-1 px-6 py-6 xl:px-10'}>{children}</main>
    </div>
  );
}

/** Unassigned open conversations, from the inbox stream's counts. */
function InboxBadge({ enabled }: { enabled: boolean }) {
  const t = shellMessages.useT();
  const n = useInboxCounts(enabled).data?.unassigned ?? 0;
  if (!n) return null;
  return (
    <span
      className="absolute -top-1.5 -right-2 min-w-4 rounded-full bg-red-500 px-1 text-center text-[10px] font-semibold leading-4 text-white tabular-nums"
      title={t('inboxBadge', { n })}
      data-testid="inbox-badge"
    >
      {n > 99 ? '99+' : n}
    </span>
  );
}
