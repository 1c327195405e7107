// Under the canvas in stats mode: the funnel of the shown version over a range of days, and the
// experiments of its split and send cards, as tabs; it folds to its header (remembered per browser).
import { useState } from 'react';
import { CsvDownload } from '../../screens/ContactsExport.tsx';
import { GLYPHS, Icon } from '../icons.tsx';
import { useFolded } from '../panel-fold.tsx';
import { useFlowStore } from '../store.ts';
import { ExperimentsSlot } from './ExperimentsSlot.tsx';
import { FunnelTab } from './FunnelTab.tsx';
import { useT } from './messages.ts';

const TABS = ['funnel', 'experiments'] as const;
type Tab = (typeof TABS)[number];

export function FunnelPanel({ flowId }: { flowId: string }) {
  const t = useT();
  const version = useFlowStore((s) => s.viewingVersion);
  const selectNode = useFlowStore((s) => s.selectNode);
  const [folded, fold] = useFolded('funnel');
  const [tab, setTab] = useState<Tab>('funnel');
  if (version === null) return null;
  return (
    <section className="shrink-0 border-t border-slate-200 bg-white" data-testid="funnel-panel">
      <div className="flex items-center gap-1 px-3 pt-1.5" role="tablist">
        <button
          type="button"
          className="mr-1 flex size-6 items-center justify-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-900"
          onClick={() => fold(!folded)}
          aria-expanded={!folded}
          aria-label={folded ? t('showPanel') : t('hidePanel')}
          title={folded ? t('showPanel') : t('hidePanel')}
          data-testid="funnel-fold"
        >
          <Icon d={folded ? GLYPHS.back : GLYPHS.forward} className="size-3.5 rotate-90" />
        </button>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => {
              setTab(name);
              fold(false);
            }}
            className={`border-b-2 px-2.5 py-1 text-xs font-medium ${
              tab === name && !folded
                ? 'border-emerald-500 text-slate-900'
                : 'border-transparent text-slate-500 hover:text-slate-800'
            }`}
            data-testid={`funnel-tab-${name}`}
          >
            {t(name)}
          </button>
        ))}
        <span className="ml-auto pb-1">
          <CsvDownload path={`/flows/${flowId}/stats.csv?version=${version}`} />
        </span>
      </div>
      {!folded && (
        <div className="max-h-[36vh] overflow-y-auto px-4 pt-2 pb-3" role="tabpanel">
          {tab === 'funnel' ? (
            <FunnelTab flowId={flowId} version={version} />
          ) : (
            <ExperimentsSlot flowId={flowId} version={version} onFocusNode={selectNode} />
          )}
        </div>
      )}
    </section>
  );
}
