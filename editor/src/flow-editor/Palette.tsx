// The node palette: the catalogue grouped by category; drag an item onto the canvas or click it.
import type { DragEvent } from 'react';
import { NODE_CATEGORIES } from '../../../shared/flow/node-definition.ts';
import { NODE_TYPES } from '../../../shared/nodes/index.ts';
import { useLang } from '../i18n.ts';
import { CATEGORY_STYLES } from './categories.ts';
import { NodeIcon } from './icons.tsx';
import { useT } from './messages.ts';
import { editable } from './selectors.ts';
import { useFlowStore } from './store.ts';
import { useAddNode } from './use-add-node.ts';

/** The drag payload the canvas looks for on drop. */
export const NODE_DRAG_TYPE = 'application/x-wefunnel-node';

export function Palette() {
  const t = useT();
  const { lang } = useLang();
  const enabled = useFlowStore(editable);
  const { addNear } = useAddNode();

  const onDragStart = (event: DragEvent, type: string) => {
    event.dataTransfer.setData(NODE_DRAG_TYPE, type);
    event.dataTransfer.effectAllowed = 'move';
  };

  return (
    <aside className="flex w-64 shrink-0 flex-col border-r border-slate-200 bg-white">
      <div className="border-b border-slate-100 px-4 py-3">
        <h2 className="text-sm font-semibold text-slate-900">{t('paletteTitle')}</h2>
        <p className="text-xs text-slate-500">{t('paletteHint')}</p>
      </div>
      <div
        className={`flex-1 space-y-4 overflow-y-auto px-3 py-3 ${enabled ? '' : 'pointer-events-none opacity-50'}`}
      >
        {NODE_CATEGORIES.map((category) => {
          const types = NODE_TYPES.filter((definition) => definition.category === category);
          if (types.length === 0) return null;
          const style = CATEGORY_STYLES[category];
          return (
            <section key={category}>
              <h3 className="mb-1.5 px-1 text-[11px] font-semibold uppercase tracking-wider text-slate-400">
                {t(style.title)}
              </h3>
              <ul className="space-y-1">
                {types.map((definition) => (
                  <li key={definition.type}>
                    <button
                      type="button"
                      draggable={enabled}
                      disabled={!enabled}
                      onDragStart={(event) => onDragStart(event, definition.type)}
                      onClick={() => addNear(definition.type)}
                      title={`${definition.label[lang]}\n${definition.description[lang]}`}
                      data-testid={`palette-${definition.type}`}
                      className="group flex w-full cursor-grab items-center gap-2.5 rounded-lg border border-transparent px-2 py-1.5 text-left transition hover:border-slate-200 hover:bg-slate-50 hover:shadow-sm active:cursor-grabbing"
                    >
                      <span
                        className={`flex size-8 shrink-0 items-center justify-center rounded-lg ring-1 ${style.tile}`}
                      >
                        <NodeIcon type={definition.type} category={category} />
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
