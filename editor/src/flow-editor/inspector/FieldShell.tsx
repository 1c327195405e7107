// One form field's frame: label, the widget, help text and the field's errors and warnings.
import type { ReactNode } from 'react';
import type { FieldError } from './field-errors.ts';
import { useInspectorT } from './messages.ts';
import { labelClass } from './styles.ts';

export function FieldShell(props: {
  fieldKey: string;
  id: string;
  label: string;
  help?: string;
  errors: FieldError[];
  /** Several controls: a fieldset whose legend is the label; each control has its own label. */
  group: boolean;
  /** A switch: the label sits beside it. */
  inline: boolean;
  children: ReactNode;
}) {
  const { fieldKey, id, label, help, errors, group, inline, children } = props;
  const t = useInspectorT();
  const notes = (
    <>
      {help && <p className="text-xs leading-snug text-slate-400">{help}</p>}
      {errors.map((error) => {
        const [first] = error.path;
        const item =
          first !== undefined && /^\d+$/.test(first) ? t('item', { label, n: Number(first) + 1 }) : '';
        return (
          <p
            key={`${error.path.join('.')}:${error.message}`}
            className={`text-xs leading-snug ${error.level === 'error' ? 'text-red-600' : 'text-amber-600'}`}
          >
            {item && `${item}: `}
            {error.message}
          </p>
        );
      })}
    </>
  );
  if (group) {
    return (
      <fieldset data-testid={`field-${fieldKey}`} className="min-w-0 space-y-1.5">
        <legend className={`${labelClass} mb-1.5`}>{label}</legend>
        {children}
        {notes}
      </fieldset>
    );
  }
  const title = (
    <label htmlFor={id} className={labelClass}>
      {label}
    </label>
  );
  return (
    <div data-testid={`field-${fieldKey}`} className="space-y-1.5">
      {inline ? (
        <div className="flex items-center justify-between gap-3">
          {title}
          {children}
        </div>
      ) : (
        <>
          {title}
          {children}
        </>
      )}
      {notes}
    </div>
  );
}
