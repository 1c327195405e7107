// The node palette: the catalogue grouped by category; drag an item onto the canvas or click it.
// Folded, it is a rail of the same items as icons (still dragged or clicked), named by their tooltips.
import type { DragEvent } from 'react';
import { NODE_CATEGORIES } from '../../../shared/flow/node-definition.ts';
import { NODE_TYPES } from '../../../shared/nodes/index.ts';
import { useLang } from '../i18n.ts';
import { CATEGORY_STYLES } from './categories.ts';
import { NodeIcon } from './icons.tsx';
import { useT } from './messages.ts';
import { FoldTab } from './panel-fold.tsx';
import { editable } from './selectors.ts';
import { useFlowStore } from './store.ts';
import { useAddNode } from './use-add-node.ts';

/** The drag payload the canvas looks for on drop. */
export const NODE_DRAG_TYPE = 'application/x-wefunnel-node';

const GROUPS = NODE_CATEGORIES.map((category) => ({
  category,
  types: NODE_TYPES.filter((definition) => definition.category === category),
})).filter((group) => group.types.length > 0);

export function Palette(props: { folded: boolean; onFold: (folded: boolean) => void }) {
  const { folded, onFold } = props;
  const t = useT();
  const { lang } = useLang();
  const enabled = useFlowStore(editable);
  const { addNear } = useAddNode();

  const item = (definition: (typeof NODE_TYPES)[number]) => ({
    type: 'button' as const,
    draggable: enabled,
    disabled: !enabled,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.setData(NODE_DRAG_TYPE, definition.type);
      event.dataTransfer.effectAllowed = 'move';
    },
    onClick: () => addNear(definition.type),
    title: `${definition.label[lang]}\n${definition.description[lang]}`,
    'data-testid': `palette-${definition.type}`,
  });

  return (
    <aside
      className={`relative flex shrink-0 flex-col border-r border-slate-200 bg-white ${folded ? 'w-14' : 'w-64'}`}
      data-testid="palette"
    >
      <FoldTab
        edge="right"
        folded={folded}
        label={folded ? t('unfoldPalette') : t('foldPalette')}
        onToggle={() => onFold(!folded)}
        testId="palette-fold"
      />
      {!folded && (
        <div className="border-b border-slate-100 px-4 py-3">
          <h2 className="text-sm font-semibold text-slate-900">{t('paletteTitle')}</h2>
          <p className="text-xs text-slate-500">{t('paletteHint')}</p>
        </div>
      )}
      <div
        className={`flex-1 overflow-y-auto ${folded ? 'space-y-2 px-2 py-3' : 'space-y-4 px-3 py-3'} ${
          enabled ? '' : 'pointer-events-none opacity-50'
        }`}
      >
        {GROUPS.map(({ category, types }) => {
          const style = CATEGORY_STYLES[category];
          if (folded)
            return (
              <ul key={category} className="space-y-1 border-b border-slate-100 pb-2 last:border-0">
                {types.map((definition) => (
                  <li key={definition.type}>
                    <button
                      {...item(definition)}
                      aria-label={definition.label[lang]}
                      className="flex w-full cursor-grab justify-center rounded-lg py-1 transition hover:bg-slate-50 active:cursor-grabbing"
                    >
                      <span
                        className={`flex size-8 shrink-0 items-center justify-center rounded-lg ring-1 ${style.tile}`}
                      >
                        <NodeIcon type={definition.type} />
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            );
          return (
            <section key={category}>
              <h3 className="mb-1.5 px-1 text-[11px] font-semibold uppercase tracking-wider text-slate-400">
                {t(style.title)}
              </h3>
              <ul className="space-y-1">
                {types.map((definition) => (
                  <li key={definition.type}>
                    <button
                      {...item(definition)}
                      className="group flex w-full cursor-grab items-center gap-2.5 rounded-lg border border-transparent px-2 py-1.5 text-left transition hover:border-slate-200 hover:bg-slate-50 hover:shadow-sm active:cursor-grabbing"
                    >
                      <span
                        className={`flex size-8 shrink-0 items-center justify-center rounded-lg ring-1 ${style.tile}`}
                      >
                        <NodeIcon type={definition.type} />
                      </span>
                      <span className="min-w-0">
                        <span className="block truncate text-[13px] font-medium text-slate-800">
                          {definition.label[lang]}
                        </span>
                        <span className="block truncate text-[11px] text-slate-400">
                          {definition.description[lang]}
                        </span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </aside>
  );
}
