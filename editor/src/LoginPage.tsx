// Email + password sign-in; errors from the API are shown in the page's language.
import { type FormEvent, useState } from 'react';
import type { SessionBody } from '../../shared/api/auth.ts';
import { signIn } from './api.ts';
import { LangSwitch } from './app/LangSwitch.tsx';
import { Button } from './app/ui.tsx';
import { useErrorText } from './error-text.ts';
import { shellMessages } from './i18n.ts';

export function LoginPage({ onSignedIn }: { onSignedIn: (session: SessionBody) => void }) {
  const t = shellMessages.useT();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(String(form.get('email')), String(form.get('password'))));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const input =
    'mt-1 w-full rounded-md border border-slate-300 px-3 py-2 focus:border-emerald-500 focus:outline-none';
  return (
    <div className="flex min-h-screen items-center justify-center p-4">
      <form
        onSubmit={submit}
        className="w-full max-w-sm rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200"
      >
        <div className="mb-6 flex items-start justify-between">
          <div>
            <h1 className="text-2xl font-semibold text-emerald-600">Wefunnel</h1>
            <p className="mt-1 text-sm text-slate-500">{t('tagline')}</p>
          </div>
          <LangSwitch />
        </div>
        <label className="block text-sm text-slate-700">
          {t('email')}
          <input name="email" type="text" autoComplete="username" required className={input} />
        </label>
        <label className="mt-4 block text-sm text-slate-700">
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" required className={input} />
        </label>
        {error && (
          <p role="alert" className="mt-4 text-sm text-red-600">
            {error}
          </p>
        )}
        <Button type="submit" variant="primary" disabled={busy} className="mt-6 w-full">
          {t('signIn')}
        </Button>
      </form>
    </div>
  );
}
