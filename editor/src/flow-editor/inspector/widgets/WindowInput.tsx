// `window` fields (wait): null, or a daily `{from, to}` window in 24-hour 'HH:MM' (wait.ts's schema).
import { errorAt } from '../field-errors.ts';
import { useInspectorT } from '../messages.ts';
import { inputClass, labelClass } from '../styles.ts';
import { BooleanToggle } from './BooleanToggle.tsx';
import type { WidgetProps } from './types.ts';

type Window = { from: string; to: string };

const DEFAULT_WINDOW: Window = { from: '09:00', to: '21:00' };

const asWindow = (value: unknown): Window | null =>
  value && typeof value === 'object' ? { ...DEFAULT_WINDOW, ...(value as Partial<Window>) } : null;

export function WindowInput(props: WidgetProps) {
  const { id, errors, onChange, disabled } = props;
  const t = useInspectorT();
  const window = asWindow(props.value);
  const time = (end: keyof Window) => (
    <div className="flex-1">
      <label htmlFor={`${id}-${end}`} className={`${labelClass} mb-1 font-normal text-slate-500`}>
        {t(end === 'from' ? 'windowFrom' : 'windowTo')}
      </label>
      <input
        id={`${id}-${end}`}
        disabled={disabled}
        type="time"
        step={60}
        className={`${inputClass} tabular-nums`}
        value={window?.[end] ?? ''}
        aria-invalid={errorAt(errors, end) || undefined}
        onChange={(event) => window && onChange({ ...window, [end]: event.target.value })}
      />
    </div>
  );
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <BooleanToggle
          {...props}
          value={window !== null}
          onChange={(on) => onChange(on ? DEFAULT_WINDOW : null)}
        />
        <span className="text-xs text-slate-500">{t('windowOn')}</span>
      </div>
      {window && (
        <div className="flex gap-2">
          {time('from')}
          {time('to')}
        </div>
      )}
    </div>
  );
}
