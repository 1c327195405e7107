// What an empty flow shows: where to start, with the two triggers one click away.
import { nodeRegistry } from '../../../shared/nodes/index.ts';
import { useLang } from '../i18n.ts';
import { NodeIcon } from './icons.tsx';
import { useT } from './messages.ts';
import { useAddNode } from './use-add-node.ts';

const STARTERS = ['trigger.friend_request', 'trigger.keyword'];

export function EmptyCanvas() {
  const t = useT();
  const { lang } = useLang();
  const { addNear } = useAddNode();
  return (
    <div className="pointer-events-auto w-96 rounded-2xl bg-white p-6 text-center shadow-lg ring-1 ring-slate-200">
      <p className="text-base font-semibold text-slate-900">{t('emptyTitle')}</p>
      <p className="mt-1 text-sm text-slate-500">{t('emptyHint')}</p>
      <div className="mt-4 grid grid-cols-2 gap-2">
        {STARTERS.map((type) => {
          const definition = nodeRegistry.get(type);
          if (!definition) return null;
          return (
            <button
              key={type}
              type="button"
              onClick={() => addNear(type)}
              data-testid={`start-${type}`}
              className="flex flex-col items-center gap-2 rounded-xl border border-slate-200 px-3 py-3 text-sm font-medium text-slate-700 transition hover:border-emerald-300 hover:bg-emerald-50/50 hover:text-emerald-700"
            >
              <span className="flex size-9 items-center justify-center rounded-lg bg-emerald-50 text-emerald-600 ring-1 ring-emerald-100">
                <NodeIcon type={type} className="size-5" />
              </span>
              {definition.label[lang]}
            </button>
          );
        })}
      </div>
    </div>
  );
}
