// Publishing: the lint summary first (errors block, warnings inform), then the draft is saved and
// published as a new version, whose number the dialog shows.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Issue } from '../../../shared/flow/issues.ts';
import { Button } from '../app/ui.tsx';
import { issueText, lintTitle } from '../catalogue/issue-text.ts';
import { useErrorText } from '../error-text.ts';
import { useLang } from '../i18n.ts';
import { flowKeys, publishFlow } from './flow-api.ts';
import { GLYPHS, Icon } from './icons.tsx';
import { issueKey } from './lint-copy.ts';
import { Modal } from './Modal.tsx';
import { useT } from './messages.ts';
import { useFlowStore } from './store.ts';

function IssueList(props: { issues: Issue[]; tone: 'error' | 'warning' }) {
  const { lang } = useLang();
  return (
    <ul className="mt-2 space-y-1">
      {props.issues.map((issue) => (
        <li key={issueKey(issue)} className="flex gap-2 text-xs text-slate-600">
          <Icon
            d={props.tone === 'error' ? GLYPHS.error : GLYPHS.alert}
            className={`mt-0.5 size-3.5 shrink-0 ${props.tone === 'error' ? 'text-rose-500' : 'text-amber-500'}`}
          />
          <span>
            <span className="font-medium text-slate-800">{lintTitle(issue.code, lang)}</span>
            <span className="block text-slate-500">{issueText(issue, lang)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function PublishDialog(props: { onClose: () => void; saveNow: () => Promise<void> }) {
  const t = useT();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const flowId = useFlowStore((s) => s.flowId);
  const errors = useFlowStore((s) => s.lint.errors);
  const warnings = useFlowStore((s) => s.lint.warnings);
  const publish = useMutation({
    mutationFn: async () => {
      await props.saveNow();
      return publishFlow(flowId);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: flowKeys.all }),
  });
  const blocked = errors.length > 0;

  const footer = publish.isSuccess ? (
    <Button variant="primary" onClick={props.onClose}>
      {t('close')}
    </Button>
  ) : (
    <>
      <Button onClick={props.onClose}>{t('cancel')}</Button>
      <Button
        variant="primary"
        icon={GLYPHS.rocket}
        disabled={blocked || publish.isPending}
        onClick={() => publish.mutate()}
        data-testid="publish-confirm"
      >
        {publish.isPending ? t('publishing') : t('publishConfirm')}
      </Button>
    </>
  );

  return (
    <Modal title={t('publishTitle')} onClose={props.onClose} footer={footer} testId="publish-dialog">
      {publish.isSuccess ? (
        <div className="flex flex-col items-center gap-2 py-4 text-center" data-testid="publish-done">
          <span className="flex size-12 items-center justify-center rounded-full bg-emerald-50 text-emerald-600">
            <Icon d={GLYPHS.check} className="size-6" />
          </span>
          <p className="text-lg font-semibold text-slate-900">
            {t('publishDone', { version: publish.data.version })}
          </p>
        </div>
      ) : (
        <div className="space-y-3 text-sm">
          <p className="text-slate-600">{t('publishIntro')}</p>
          {blocked ? (
            <div className="rounded-lg bg-rose-50 p-3 ring-1 ring-rose-100" data-testid="publish-blocked">
              <p className="font-medium text-rose-700">{t('publishBlocked', { count: errors.length })}</p>
              <IssueList issues={errors} tone="error" />
            </div>
          ) : (
            <p className="flex items-center gap-2 rounded-lg bg-emerald-50 p-3 font-medium text-emerald-700 ring-1 ring-emerald-100">
              <Icon d={GLYPHS.check} className="size-4" />
              {t('publishReady')}
            </p>
          )}
          {warnings.length > 0 && (
            <div className="rounded-lg bg-amber-50 p-3 ring-1 ring-amber-100">
              <p className="font-medium text-amber-700">{t('publishWarnings', { count: warnings.length })}</p>
              <IssueList issues={warnings} tone="warning" />
            </div>
          )}
          {publish.isError && (
            <p className="rounded-lg bg-rose-50 p-3 text-rose-700" role="alert">
              {t('publishFailed', { message: errorText(publish.error) })}
            </p>
          )}
        </div>
      )}
    </Modal>
  );
}
