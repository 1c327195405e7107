// The contact adds the bot: a friend request with its hello text, as a new WeChat user would.
import { type FormEvent, useState } from 'react';
import { Button } from '../../app/ui.tsx';
import { useErrorText } from '../../error-text.ts';
import { useT } from './messages.ts';
import type { useSimActions } from './sandboxApi.ts';

export function FriendRequest({ action }: { action: ReturnType<typeof useSimActions>['friendRequest'] }) {
  const t = useT();
  const errorText = useErrorText();
  const [hello, setHello] = useState(() => t('helloDefault'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.mutate(hello);
  };
  return (
    <form className="space-y-1 border-b border-slate-200 px-4 py-2" onSubmit={submit}>
      <div className="flex items-center gap-2">
        <input
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-emerald-500 focus:outline-none"
          placeholder={t('hello')}
          aria-label={t('hello')}
          value={hello}
          maxLength={500}
          onChange={(e) => setHello(e.target.value)}
          data-testid="sim-hello"
        />
        <Button type="submit" size="compact" disabled={action.isPending} data-testid="sim-friend-request">
          {t('friendRequest')}
        </Button>
      </div>
      {action.error && (
        <p className="text-xs text-rose-600" role="alert">
          {errorText(action.error)}
        </p>
      )}
    </form>
  );
}
