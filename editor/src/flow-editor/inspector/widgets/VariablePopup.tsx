// The list of variables under a template box while the user types a `{{` placeholder.
import { useInspectorT } from '../messages.ts';

export function VariablePopup(props: {
  id: string;
  matches: string[];
  active: number;
  onPick: (name: string) => void;
  onHover: (index: number) => void;
}) {
  const { id, matches, active, onPick, onHover } = props;
  const t = useInspectorT();
  return (
    <div className="absolute inset-x-0 top-full z-20 mt-1 overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg">
      <div className="border-b border-slate-100 px-2 py-1 text-[11px] font-medium uppercase tracking-wide text-slate-400">
        {t('variables')}
      </div>
      {matches.length === 0 ? (
        <p className="px-2 py-1.5 text-xs text-slate-400">{t('noVariables')}</p>
      ) : (
        <div id={id} role="listbox" aria-label={t('variables')} className="max-h-48 overflow-y-auto py-1">
          {matches.map((name, index) => (
            <div
              key={name}
              id={`${id}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              className="cursor-pointer px-2 py-1 font-mono text-xs text-slate-700 aria-selected:bg-emerald-50 aria-selected:text-emerald-800"
              // Keeps the focus (and the caret) in the text box while clicking.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => onHover(index)}
              onClick={() => onPick(name)}
              onKeyDown={(event) => event.key === 'Enter' && onPick(name)}
            >
              {`{{${name}}}`}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
