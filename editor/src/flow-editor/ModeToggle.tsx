// Edit / Stats switch: stats mode overlays the published version's counts on the canvas.
import { GLYPHS, Icon } from './icons.tsx';
import { useT } from './messages.ts';
import type { EditorMode } from './store.ts';
import { useFlowStore } from './store.ts';

export function ModeToggle() {
  const t = useT();
  const mode = useFlowStore((s) => s.mode);
  const setMode = useFlowStore((s) => s.setMode);
  const option = (value: EditorMode, label: string, icon: string) => (
    <button
      type="button"
      data-testid={`mode-${value}`}
      aria-pressed={mode === value}
      onClick={() => setMode(value)}
      className={`inline-flex h-7 items-center gap-1.5 rounded-md px-3 text-sm font-medium transition ${
        mode === value ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-500 hover:text-slate-800'
      }`}
    >
      <Icon d={icon} className="size-4" />
      {label}
    </button>
  );
  return (
    <div className="inline-flex rounded-lg bg-slate-100 p-0.5">
      {option('edit', t('modeEdit'), GLYPHS.pencil)}
      {option('stats', t('modeStats'), GLYPHS.chart)}
    </div>
  );
}
