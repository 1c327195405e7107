// The editor's top bar: back to the flows, the flow's name and state, history and layout tools,
// the Edit/Stats switch, and the simulator, versions, pause and publish actions.
import { useReactFlow } from '@xyflow/react';
import { Link } from 'wouter';
import { Button, IconButton } from '../app/ui.tsx';
import type { SaveStatus as Status } from './autosaver.ts';
import type { FlowDetail } from './flow-api.ts';
import { GLYPHS, Icon } from './icons.tsx';
import { ModeToggle } from './ModeToggle.tsx';
import { useT } from './messages.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { canRedo, canUndo, editable } from './selectors.ts';
import { useFlowStore } from './store.ts';
import { FIT } from './use-canvas-view.ts';

type Props = {
  flow: FlowDetail;
  saveStatus: Status;
  onRetrySave: () => void;
  simOpen: boolean;
  onToggleSim: () => void;
  onOpenVersions: () => void;
  onTogglePause: () => void;
  onPublish: () => void;
};

function FlowState({ flow }: { flow: FlowDetail }) {
  const t = useT();
  const version = flow.publishedVersion ?? 0;
  const [label, look] =
    flow.status === 'published'
      ? [t('statusPublished', { version }), 'bg-emerald-50 text-emerald-700 ring-emerald-200']
      : flow.status === 'paused'
        ? [t('statusPaused', { version }), 'bg-amber-50 text-amber-700 ring-amber-200']
        : [t('statusDraft'), 'bg-slate-100 text-slate-600 ring-slate-200'];
  return (
    <span
      className={`shrink-0 rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 ${look}`}
      data-testid="flow-status"
    >
      {label}
    </span>
  );
}

export function TopBar(props: Props) {
  const t = useT();
  const flow = useReactFlow();
  const name = useFlowStore((s) => s.name);
  const setName = useFlowStore((s) => s.setName);
  const readOnly = useFlowStore((s) => s.readOnly);
  const undoable = useFlowStore(canUndo);
  const redoable = useFlowStore(canRedo);
  const layoutable = useFlowStore(editable);
  const undo = useFlowStore((s) => s.undo);
  const redo = useFlowStore((s) => s.redo);
  const autoLayout = useFlowStore((s) => s.autoLayout);
  const live = props.flow.status !== 'draft';

  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3">
      <Link
        href="/flows"
        className="flex size-8 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-900"
        title={t('back')}
        aria-label={t('back')}
      >
        <Icon d={GLYPHS.back} className="size-5" />
      </Link>
      <div className="flex min-w-0 flex-1 items-center gap-2.5">
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          readOnly={readOnly}
          aria-label={t('flowName')}
          data-testid="flow-name"
          className="min-w-0 max-w-72 flex-1 truncate rounded-md border border-transparent px-1.5 py-1 text-[15px] font-semibold text-slate-900 hover:border-slate-200 focus:border-emerald-500 focus:outline-none focus:ring-2 focus:ring-emerald-500/20"
        />
        <FlowState flow={props.flow} />
        <SaveStatus status={props.saveStatus} onRetry={props.onRetrySave} />
      </div>
      <div className="flex items-center gap-0.5">
        <IconButton
          icon={GLYPHS.undo}
          title={t('undo')}
          disabled={!undoable}
          onClick={undo}
          data-testid="undo"
        />
        <IconButton
          icon={GLYPHS.redo}
          title={t('redo')}
          disabled={!redoable}
          onClick={redo}
          data-testid="redo"
        />
        <IconButton
          icon={GLYPHS.layout}
          title={t('autoLayout')}
          disabled={!layoutable}
          data-testid="auto-layout"
          onClick={() => {
            autoLayout();
            requestAnimationFrame(() => flow.fitView({ ...FIT, duration: 300 }));
          }}
        />
      </div>
      <div className="mx-1 h-6 w-px bg-slate-200" />
      <ModeToggle />
      <div className="mx-1 h-6 w-px bg-slate-200" />
      <div className="flex items-center gap-2">
        <Button
          variant={props.simOpen ? 'active' : 'secondary'}
          icon={GLYPHS.play}
          onClick={props.onToggleSim}
          aria-pressed={props.simOpen}
          data-testid="sim-open"
        >
          {t('simulator')}
        </Button>
        <Button icon={GLYPHS.history} onClick={props.onOpenVersions} data-testid="versions-open">
          {t('versions')}
        </Button>
        {live && (
          <Button
            icon={props.flow.status === 'paused' ? GLYPHS.play : GLYPHS.pause}
            onClick={props.onTogglePause}
            data-testid="pause-toggle"
          >
            {props.flow.status === 'paused' ? t('resume') : t('pause')}
          </Button>
        )}
        <Button
          variant="primary"
          icon={GLYPHS.rocket}
          onClick={props.onPublish}
          disabled={readOnly}
          data-testid="publish"
        >
          {t('publish')}
        </Button>
      </div>
    </header>
  );
}
