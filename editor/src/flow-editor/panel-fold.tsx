// The editor's side panels (palette, inspector) fold away to give the canvas room; each remembers
// its state in this browser. The tab sits on the panel's edge with the canvas.
import { useState } from 'react';
import { GLYPHS, Icon } from './icons.tsx';

export type FoldablePanel = 'palette' | 'inspector' | 'funnel';

const storageKey = (panel: FoldablePanel) => `wefunnel.editor.${panel}`;

function readFolded(panel: FoldablePanel): boolean {
  try {
    return localStorage.getItem(storageKey(panel)) === 'folded';
  } catch {
    return false;
  }
}

export function useFolded(panel: FoldablePanel): [boolean, (folded: boolean) => void] {
  const [folded, setFolded] = useState(() => readFolded(panel));
  const set = (next: boolean) => {
    setFolded(next);
    try {
      localStorage.setItem(storageKey(panel), next ? 'folded' : 'open');
    } catch {
      // Private mode without storage: the panel still folds, just not across reloads.
    }
  };
  return [folded, set];
}

/** The round tab on a panel's canvas-side edge: `edge` is which side of the panel that is. */
export function FoldTab(props: {
  edge: 'left' | 'right';
  folded: boolean;
  label: string;
  onToggle: () => void;
  testId: string;
}) {
  const { edge, folded, label, onToggle, testId } = props;
  // A chevron pointing where the panel will go: away into its side when folding, back out when not.
  const pointsLeft = edge === 'right' ? !folded : folded;
  return (
    <button
      type="button"
      onClick={onToggle}
      title={label}
      aria-label={label}
      aria-expanded={!folded}
      data-testid={testId}
      className={`absolute top-1/2 z-10 flex h-10 w-5 -translate-y-1/2 items-center justify-center rounded-full border border-slate-200 bg-white text-slate-500 shadow-sm transition hover:border-slate-300 hover:text-slate-900 ${
        edge === 'right' ? '-right-2.5' : '-left-2.5'
      }`}
    >
      <Icon d={pointsLeft ? GLYPHS.back : GLYPHS.forward} className="size-3.5 shrink-0" />
    </button>
  );
}
