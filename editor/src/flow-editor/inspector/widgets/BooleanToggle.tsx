// `boolean` fields as a switch.
import type { WidgetProps } from './types.ts';

export function BooleanToggle(props: WidgetProps) {
  const { id, value, onChange, disabled } = props;
  return (
    <span className="relative inline-flex h-5 w-9 shrink-0">
      <input
        id={id}
        disabled={disabled}
        type="checkbox"
        role="switch"
        checked={value === true}
        aria-checked={value === true}
        onChange={(event) => onChange(event.target.checked)}
        className="peer absolute inset-0 z-10 cursor-pointer opacity-0 disabled:cursor-not-allowed"
      />
      <span
        aria-hidden
        className="pointer-events-none h-5 w-9 rounded-full bg-slate-300 transition peer-checked:bg-emerald-500 peer-focus-visible:ring-2 peer-focus-visible:ring-emerald-500/40 peer-disabled:opacity-50"
      />
      <span
        aria-hidden
        className="pointer-events-none absolute top-0.5 left-0.5 size-4 rounded-full bg-white shadow transition peer-checked:translate-x-4"
      />
    </span>
  );
}
