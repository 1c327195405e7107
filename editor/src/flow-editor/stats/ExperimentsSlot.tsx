// Where the experiments panel (split and send variants, its own component in ExperimentsPanel.tsx)
// goes in the funnel panel: loaded on first use when that file is part of the build, else a note.
import { type ComponentType, lazy, Suspense } from 'react';
import { useT } from './messages.ts';

export type ExperimentsPanelProps = {
  flowId: string;
  version: number;
  /** Select a card on the canvas and bring it into view. */
  onFocusNode: (nodeId: string) => void;
};

type PanelModule = { ExperimentsPanel: ComponentType<ExperimentsPanelProps> };
type Glob = (pattern: string) => Record<string, () => Promise<PanelModule>>;

// Vite resolves the glob at build time: an empty match when the file is not there yet.
const [load] = Object.values((import.meta as ImportMeta & { glob: Glob }).glob('./ExperimentsPanel.tsx'));
const Panel = load && lazy(() => load().then((m) => ({ default: m.ExperimentsPanel })));

export function ExperimentsSlot(props: ExperimentsPanelProps) {
  const t = useT();
  if (!Panel) return <p className="py-6 text-center text-xs text-slate-400">{t('experimentsSoon')}</p>;
  return (
    <Suspense fallback={<div className="h-48 animate-pulse rounded-lg bg-slate-50" />}>
      <Panel {...props} />
    </Suspense>
  );
}
