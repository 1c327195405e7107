// The save indicator of the top bar; after a failed save, clicking it tries again.
import type { SaveStatus as Status } from './autosaver.ts';
import { useT } from './messages.ts';

const LOOK: Record<Status, { dot: string; text: string }> = {
  saved: { dot: 'bg-emerald-500', text: 'text-slate-500' },
  saving: { dot: 'bg-sky-500 animate-pulse', text: 'text-slate-500' },
  unsaved: { dot: 'bg-amber-400', text: 'text-slate-500' },
  error: { dot: 'bg-rose-500', text: 'text-rose-600 underline decoration-dotted' },
};

const KEYS = { saved: 'saved', saving: 'saving', unsaved: 'unsaved', error: 'saveError' } as const;

export function SaveStatus(props: { status: Status; onRetry: () => void }) {
  const t = useT();
  const look = LOOK[props.status];
  return (
    <button
      type="button"
      data-testid="save-status"
      data-status={props.status}
      disabled={props.status !== 'error'}
      onClick={props.onRetry}
      className={`inline-flex items-center gap-1.5 text-xs ${look.text}`}
    >
      <span className={`size-1.5 rounded-full ${look.dot}`} />
      {t(KEYS[props.status])}
    </button>
  );
}
