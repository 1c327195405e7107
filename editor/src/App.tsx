// The shell: who is signed in, or the login form. The flow editor arrives with its own issue.
import { useEffect, useState } from 'react';
import type { SessionBody } from '../../shared/api/auth.ts';
import { loadSession, signOut } from './api.ts';
import { detectLang, type Lang, translate } from './i18n.ts';
import { LoginPage } from './LoginPage.tsx';

export function App() {
  const [lang, setLang] = useState<Lang>(detectLang);
  const [session, setSession] = useState<SessionBody | null | undefined>(undefined);
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);

  useEffect(() => {
    loadSession().then(setSession);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('wefunnel.lang', lang);
  }, [lang]);

  const langSwitch = (
    <button
      type="button"
      className="text-sm text-slate-500 hover:text-slate-900"
      onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
    >
      {lang === 'en' ? '中文' : 'English'}
    </button>
  );

  if (session === undefined) return null;
  if (!session) return <LoginPage t={t} langSwitch={langSwitch} onSignedIn={setSession} />;
  return (
    <div className="min-h-screen">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-6 py-3">
        <span className="font-semibold text-emerald-600">Wefunnel</span>
        <div className="flex items-center gap-4">
          {langSwitch}
          <button
            type="button"
            className="text-sm text-slate-600 hover:text-slate-900"
            onClick={() => signOut().then(() => setSession(null))}
          >
            {t('signOut')}
          </button>
        </div>
      </header>
      <main className="mx-auto max-w-2xl p-8 text-slate-700">
        <p>
          {t('signedInAs')} <strong data-testid="me-email">{session.user?.email}</strong>
        </p>
        <p>
          {t('workspace')}: {session.workspace.name} · {t('role')}: {session.role}
        </p>
        <p className="mt-6 text-slate-500">{t('comingSoon')}</p>
      </main>
    </div>
  );
}
