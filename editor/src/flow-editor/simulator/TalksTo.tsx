// What the selected test contact talks to: the published version, or (without publishing) a preview
// of this flow's current draft that never counts in Stats. Choosing, and "start over", reset the
// contact; the draft is saved first, since the server previews the saved draft.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { Button, Segmented } from '../../app/ui.tsx';
import { useErrorText } from '../../error-text.ts';
import { useFlowStore, useFlowStoreApi } from '../store.ts';
import { useT } from './messages.ts';
import { notePreview, previewBase } from './preview-base.ts';
import type { SimContact, useSimActions } from './sandboxApi.ts';

type Props = {
  contact: SimContact;
  flowId: string;
  /** The live version; null when there is none, undefined while that is not known yet. */
  published: number | null | undefined;
  paused: boolean;
  reset: ReturnType<typeof useSimActions>['reset'];
  saveNow: () => Promise<void>;
};

const note = 'rounded-md px-2 py-1.5 text-xs';
/** A note that ends in a button. */
const noteWithAction = `${note} flex flex-wrap items-center gap-x-2 gap-y-1`;

/** How many errors a refused preview reported (the server's count, else the canvas's). */
const errorCount = (error: ApiError, local: number): number => {
  const errors = (error.raw as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? errors.length : local;
};

export function TalksTo({ contact, flowId, published, paused, reset, saveNow }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const store = useFlowStoreApi();
  const document = useFlowStore((s) => s.lint.document);
  const localErrors = useFlowStore((s) => s.lint.errors.length);
  const firstError = useFlowStore((s) => s.lint.errors.find((issue) => issue.nodeId)?.nodeId ?? null);
  const selectNode = useFlowStore((s) => s.selectNode);
  const [asking, setAsking] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const previewing = contact.previewFlowId === flowId;
  const elsewhere = contact.previewFlowId !== null && !previewing;
  const base = previewBase(store, contact.id);
  const changed = previewing && base !== undefined && base !== document;

  const start = async (previewFlowId: string | null) => {
    setSaveError(null);
    if (previewFlowId !== null) {
      try {
        await saveNow();
      } catch (error) {
        setSaveError(error);
        return;
      }
    }
    reset.mutate(
      { previewFlowId },
      { onSuccess: (result) => result.previewFlowId === flowId && notePreview(store, contact.id) },
    );
  };
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    setAsking(false);
    void start(contact.previewFlowId);
  };

  const invalid = reset.error instanceof ApiError && reset.error.code === 'invalid_flow' ? reset.error : null;
  const busy = reset.isPending;
  return (
    <section className="space-y-1.5 border-b border-slate-200 px-4 py-2" data-testid="sim-talks-to">
      <div className="flex items-center gap-2">
        <Segmented
          role="radiogroup"
          aria-label={t('talksTo')}
          size="small"
          value={previewing ? 'draft' : elsewhere ? null : 'published'}
          onChange={(choice) => void start(choice === 'draft' ? flowId : null)}
          disabled={busy}
          options={[
            {
              value: 'published',
              label: published != null ? `${t('choosePublished')} v${published}` : t('choosePublished'),
              testId: 'sim-talk-published',
            },
            { value: 'draft', label: t('chooseDraft'), testId: 'sim-talk-draft' },
          ]}
        />
        <Button
          variant="ghost"
          size="small"
          className="ml-auto"
          disabled={busy}
          onClick={() => setAsking(true)}
          data-testid="sim-restart"
        >
          {busy ? t('restarting') : `↺ ${t('restart')}`}
        </Button>
      </div>
      {asking && (
        <form
          className="flex flex-wrap items-center gap-2 rounded-md bg-slate-50 px-2 py-1.5 text-xs text-slate-700 ring-1 ring-slate-200"
          aria-label={t('restartQuestion', { name: contact.name })}
          onSubmit={confirm}
          onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
        >
          <span className="min-w-0 flex-1">{t('restartQuestion', { name: contact.name })}</span>
          <Button type="submit" variant="danger" size="small" data-testid="sim-restart-confirm">
            {t('restart')}
          </Button>
          <Button variant="ghost" size="small" onClick={() => setAsking(false)}>
            {t('cancel')}
          </Button>
        </form>
      )}
      <p className="text-xs text-slate-500">
        {elsewhere ? t('otherFlowDraft') : previewing ? t('draftHint') : t('publishedHint')}{' '}
        <span className="text-slate-400">{t('switchStartsOver')}</span>
      </p>
      {!previewing && published === null && !invalid && (
        <p className={`${note} bg-amber-50 text-amber-800`} role="status" data-testid="sim-not-published">
          {t('notPublished')}
        </p>
      )}
      {!previewing && published != null && paused && (
        <p className={`${note} bg-amber-50 text-amber-800`} role="status" data-testid="sim-paused">
          {t('paused')}
        </p>
      )}
      {changed && !busy && (
        <p
          className={`${noteWithAction} bg-sky-50 text-sky-800`}
          role="status"
          data-testid="sim-draft-changed"
        >
          {t('draftChanged')}
          <Button size="small" onClick={() => void start(flowId)} data-testid="sim-restart-latest">
            {t('restartLatest')}
          </Button>
        </p>
      )}
      {invalid ? (
        <p
          className={`${noteWithAction} bg-rose-50 text-rose-700`}
          role="alert"
          data-testid="sim-draft-invalid"
        >
          {t('draftInvalid', { count: errorCount(invalid, localErrors) })}
          {firstError && (
            <Button size="small" onClick={() => selectNode(firstError)}>
              {t('showFirstError')}
            </Button>
          )}
        </p>
      ) : reset.error || saveError ? (
        <p className={`${note} bg-rose-50 text-rose-700`} role="alert">
          {errorText(reset.error ?? saveError)}
        </p>
      ) : null}
    </section>
  );
}
