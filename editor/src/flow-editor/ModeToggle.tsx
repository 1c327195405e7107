// Edit / Stats switch: stats mode overlays the published version's counts on the canvas.
import { Segmented } from '../app/ui.tsx';
import { GLYPHS } from './icons.tsx';
import { useT } from './messages.ts';
import { useFlowStore } from './store.ts';

export function ModeToggle() {
  const t = useT();
  const mode = useFlowStore((s) => s.mode);
  const setMode = useFlowStore((s) => s.setMode);
  return (
    <Segmented
      value={mode}
      onChange={setMode}
      options={[
        { value: 'edit', label: t('modeEdit'), icon: GLYPHS.pencil, testId: 'mode-edit' },
        { value: 'stats', label: t('modeStats'), icon: GLYPHS.chart, testId: 'mode-stats' },
      ]}
    />
  );
}
