// The editor's frame: top bar, palette on the left, canvas in the middle (stats bar above it in
// stats mode, version banner when viewing one), inspector or simulator on the right. The palette and
// the inspector fold away (remembered per browser); the simulator shows whenever it is open.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Canvas } from './Canvas.tsx';
import { type FlowDetail, flowKeys, setPaused } from './flow-api.ts';
import { InspectorPanel } from './InspectorPanel.tsx';
import { useT } from './messages.ts';
import { Palette } from './Palette.tsx';
import { PublishDialog } from './PublishDialog.tsx';
import { FoldTab, useFolded } from './panel-fold.tsx';
import { SimulatorPanel } from './simulator/SimulatorPanel.tsx';
import { FunnelPanel } from './stats/FunnelPanel.tsx';
import { StatsBar } from './stats/StatsBar.tsx';
import { useFlowStore, useFlowStoreApi } from './store.ts';
import { TopBar } from './TopBar.tsx';
import { useAutosave } from './use-autosave.ts';
import { useLiveLint, useWorkspaceLintContext } from './use-live-lint.ts';
import { useShortcuts } from './use-shortcuts.ts';
import { VersionBanner } from './VersionBanner.tsx';
import { VersionsDrawer } from './VersionsDrawer.tsx';

export function EditorLayout({ flow }: { flow: FlowDetail }) {
  const t = useT();
  const store = useFlowStoreApi();
  const queryClient = useQueryClient();
  const mode = useFlowStore((s) => s.mode);
  const { status, flush } = useAutosave(store);
  useLiveLint(store, useWorkspaceLintContext());
  useShortcuts(store);
  const [simOpen, setSimOpen] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [paletteFolded, foldPalette] = useFolded('palette');
  const [inspectorFolded, foldInspector] = useFolded('inspector');
  const pause = useMutation({
    mutationFn: () => setPaused(flow.id, flow.status !== 'paused'),
    onSuccess: (saved) => {
      queryClient.setQueryData(flowKeys.detail(flow.id), saved);
      return queryClient.invalidateQueries({ queryKey: flowKeys.all });
    },
  });

  return (
    <div className="flex h-dvh flex-col bg-slate-50 text-slate-900">
      <TopBar
        flow={flow}
        saveStatus={status}
        onRetrySave={() => flush().catch(() => {})}
        simOpen={simOpen}
        onToggleSim={() => setSimOpen(!simOpen)}
        onOpenVersions={() => setVersionsOpen(true)}
        onTogglePause={() => pause.mutate()}
        onPublish={() => setPublishing(true)}
      />
      <div className="relative flex min-h-0 flex-1">
        <Palette folded={paletteFolded} onFold={foldPalette} />
        <main className="flex min-w-0 flex-1 flex-col">
          <VersionBanner saveNow={flush} />
          {mode === 'stats' && <StatsBar flowId={flow.id} />}
          <div className="relative min-h-0 flex-1">
            <Canvas />
          </div>
          {mode === 'stats' && <FunnelPanel flowId={flow.id} />}
        </main>
        {simOpen ? (
          <aside className="flex w-[360px] shrink-0 flex-col overflow-y-auto border-l border-slate-200 bg-white">
            <SimulatorPanel flowId={flow.id} saveNow={flush} />
          </aside>
        ) : (
          <aside
            className={`relative flex shrink-0 flex-col border-l border-slate-200 bg-white ${
              inspectorFolded ? 'w-3' : 'w-[360px]'
            }`}
            data-testid="inspector-panel"
          >
            <FoldTab
              edge="left"
              folded={inspectorFolded}
              label={inspectorFolded ? t('unfoldInspector') : t('foldInspector')}
              onToggle={() => foldInspector(!inspectorFolded)}
              testId="inspector-fold"
            />
            {!inspectorFolded && (
              <div className="flex min-h-0 flex-1 flex-col overflow-y-auto">
                <InspectorPanel />
              </div>
            )}
          </aside>
        )}
        {versionsOpen && (
          <VersionsDrawer liveVersion={flow.publishedVersion} onClose={() => setVersionsOpen(false)} />
        )}
      </div>
      {publishing && <PublishDialog onClose={() => setPublishing(false)} saveNow={flush} />}
    </div>
  );
}
