// The stream's health at a glance: a pulsing green dot when live, amber while (re)connecting.

import { useT } from './messages.ts';
import type { StreamState } from './useLiveStats.ts';

export function LiveDot({ state }: { state: Exclude<StreamState, 'idle'> }) {
  const t = useT();
  const live = state === 'live';
  return (
    <span
      className="inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap text-xs text-slate-500"
      data-testid="stats-live"
    >
      <span className="relative flex h-2 w-2">
        {live && (
          <span className="absolute h-full w-full animate-ping rounded-full bg-emerald-400 opacity-60" />
        )}
        <span className={`relative h-2 w-2 rounded-full ${live ? 'bg-emerald-500' : 'bg-amber-400'}`} />
      </span>
      {t(state)}
    </span>
  );
}
