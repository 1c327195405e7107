// Shown while a published version is on the canvas: it is read-only; go back or make it the draft.

import { Button } from '../app/ui.tsx';
import { GLYPHS, Icon } from './icons.tsx';
import { useT } from './messages.ts';
import { useFlowStore } from './store.ts';

export function VersionBanner(props: { saveNow: () => Promise<void> }) {
  const t = useT();
  const version = useFlowStore((s) => s.viewingVersion);
  const backToDraft = useFlowStore((s) => s.backToDraft);
  const restoreAsDraft = useFlowStore((s) => s.restoreAsDraft);
  // Stats mode shows a version too; its bar says which, and leaving the mode goes back to the draft.
  const stats = useFlowStore((s) => s.mode === 'stats');
  if (version === null || stats) return null;
  return (
    <div
      className="flex items-center gap-3 border-b border-amber-200 bg-amber-50 px-4 py-2"
      data-testid="version-banner"
    >
      <Icon d={GLYPHS.eye} className="size-4 text-amber-600" />
      <p className="flex-1 text-sm font-medium text-amber-800">{t('viewingVersion', { version })}</p>
      <Button onClick={backToDraft} data-testid="back-to-draft">
        {t('backToDraft')}
      </Button>
      <Button
        variant="primary"
        data-testid="restore-draft"
        onClick={() => {
          restoreAsDraft();
          props.saveNow().catch(() => {});
        }}
      >
        {t('restoreAsDraft')}
      </Button>
    </div>
  );
}
