// Small building blocks every page uses: page header, card, buttons, a segmented toggle, inputs and
// selects, badges, empty state.
import type {
  ButtonHTMLAttributes,
  HTMLAttributes,
  InputHTMLAttributes,
  MouseEvent,
  ReactNode,
  SelectHTMLAttributes,
} from 'react';
import { useLocation } from 'wouter';
import { useErrorText } from '../error-text.ts';
import { Icon } from '../flow-editor/icons.tsx';

export function PageHeader(props: { title: string; subtitle?: string; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{props.title}</h1>
        {props.subtitle && <p className="mt-1 text-sm text-slate-500">{props.subtitle}</p>}
      </div>
      {props.actions && <div className="flex items-center gap-2">{props.actions}</div>}
    </div>
  );
}

export function Card({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <div className={`rounded-xl bg-white shadow-sm ring-1 ring-slate-200 ${className}`}>{children}</div>;
}

// One button for every screen, toolbar, dialog, drawer, simulator and inspector. Each size sets its own
// height, width, padding and corners: a class meant to override another of the same property (`px-0`
// after `px-3`) loses to Tailwind's stylesheet order, which once squashed the toolbar's icons.
const VARIANTS = {
  primary: 'bg-emerald-600 text-white shadow-sm hover:bg-emerald-700',
  secondary: 'bg-white text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50',
  /** The action that cannot be taken back, once asked (ConfirmButton). */
  danger: 'bg-white text-red-600 ring-1 ring-red-200 hover:bg-red-50',
  ghost: 'text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:hover:bg-transparent',
  /** The chosen one of a set of buttons. */
  active: 'bg-emerald-50 text-emerald-700 ring-1 ring-emerald-200',
};

const SIZES = {
  normal: 'h-8 gap-1.5 rounded-lg px-3 text-sm',
  /** A square holding only its icon. */
  icon: 'size-8 rounded-lg text-sm',
  /** The simulator's and the inspector's dense rows; a segment of a normal-height toggle. */
  compact: 'h-7 gap-1.5 rounded-md px-3 text-sm',
  /** A square in a dense row: the inspector's move and remove buttons. */
  compactIcon: 'size-7 rounded-md text-sm',
  /** Inside a message or a dense row. */
  small: 'h-6 gap-1 rounded-md px-2 text-xs',
};

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;
/** Every variant and size, for the kit's own test. */
export const BUTTON_LOOKS = {
  variants: Object.keys(VARIANTS) as ButtonVariant[],
  sizes: Object.keys(SIZES) as ButtonSize[],
};

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** SVG path data of a 24-px line icon before the text. */
  icon?: string;
  children?: ReactNode;
};

export function Button({
  variant = 'secondary',
  size = 'normal',
  icon,
  children,
  className = '',
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex shrink-0 items-center justify-center whitespace-nowrap font-medium transition disabled:cursor-not-allowed disabled:opacity-50 ${SIZES[size]} ${VARIANTS[variant]} ${className}`}
      {...rest}
    >
      {icon && <Icon d={icon} className="size-4 shrink-0" />}
      {children}
    </button>
  );
}

/** A square toolbar button; its title doubles as the accessible name. */
export function IconButton({ icon, title, ...rest }: ButtonProps & { icon: string; title: string }) {
  return <Button variant="ghost" size="icon" icon={icon} title={title} aria-label={title} {...rest} />;
}

/**
 * A set of buttons of which one is chosen (Edit / Stats, Published / Draft) on a grey track; choosing
 * another calls `onChange`, the chosen one does nothing. The track takes `role` and `aria-label`.
 */
export function Segmented<T extends string>({
  options,
  value,
  onChange,
  size = 'compact',
  disabled,
  ...track
}: Pick<HTMLAttributes<HTMLDivElement>, 'role' | 'aria-label'> & {
  options: readonly { value: T; label: ReactNode; icon?: string; testId?: string }[];
  /** The chosen option; null when none is. */
  value: T | null;
  onChange: (value: T) => void;
  size?: 'compact' | 'small';
  disabled?: boolean;
}) {
  return (
    <div className="inline-flex gap-0.5 rounded-lg bg-slate-100 p-0.5" {...track}>
      {options.map((option) => (
        <Button
          key={option.value}
          variant={option.value === value ? 'active' : 'ghost'}
          size={size}
          icon={option.icon}
          aria-pressed={option.value === value}
          disabled={disabled}
          onClick={() => option.value !== value && onChange(option.value)}
          data-testid={option.testId}
        >
          {option.label}
        </Button>
      ))}
    </div>
  );
}

// One look for text fields and selects. As with buttons, each size sets its own corners, padding and type
// size, so a width is all a caller adds.
const FIELD =
  'border border-slate-300 focus:border-emerald-500 focus:outline-none focus:ring-2 focus:ring-emerald-500/20 ' +
  'disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 ' +
  'aria-invalid:border-red-400 aria-invalid:focus:ring-red-400/40';

const FIELD_SIZES = {
  normal: 'rounded-lg px-3 py-1.5 text-sm',
  /** The inspector's fields: as tall as normal, tighter at the sides. */
  compact: 'rounded-md px-2 py-1.5 text-sm',
  /** Beside small buttons. */
  small: 'rounded-md px-2 py-1 text-xs',
};

export type FieldSize = keyof typeof FIELD_SIZES;
/** A field's look at a size, for a raw `<input>` or `<textarea>` a widget draws itself. */
export const fieldClass = (size: FieldSize = 'normal') =>
  `${FIELD} ${FIELD_SIZES[size]} bg-white text-slate-800 placeholder:text-slate-400`;

/** Every field size, for the kit's own test. */
export const FIELD_LOOKS = { sizes: Object.keys(FIELD_SIZES) as FieldSize[] };

/** A field's classes (`size` replaces the HTML attribute of that name, which no field here uses). */
type FieldProps<Attributes> = Omit<Attributes, 'size'> & { size?: FieldSize };

export function Input({
  className = '',
  size = 'normal',
  ...rest
}: FieldProps<InputHTMLAttributes<HTMLInputElement>>) {
  return <input className={`${FIELD} ${FIELD_SIZES[size]} ${className}`} {...rest} />;
}

/** The one select; a select inside a form label does not take the label's small grey type. */
export function Select({
  className = '',
  size = 'normal',
  ...rest
}: FieldProps<SelectHTMLAttributes<HTMLSelectElement>>) {
  return (
    <select
      className={`${FIELD} ${FIELD_SIZES[size]} bg-white font-normal text-slate-900 ${className}`}
      {...rest}
    />
  );
}

const BADGE = {
  green: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  amber: 'bg-amber-50 text-amber-700 ring-amber-600/20',
  slate: 'bg-slate-100 text-slate-600 ring-slate-500/20',
  red: 'bg-red-50 text-red-700 ring-red-600/20',
  blue: 'bg-sky-50 text-sky-700 ring-sky-600/20',
} as const;
export function Badge({ tone, children }: { tone: keyof typeof BADGE; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGE[tone]}`}
    >
      {children}
    </span>
  );
}

export function Empty(props: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center px-6 py-16 text-center">
      <p className="font-medium text-slate-700">{props.title}</p>
      {props.hint && <p className="mt-1 max-w-md text-sm text-slate-500">{props.hint}</p>}
      {props.action && <div className="mt-4">{props.action}</div>}
    </div>
  );
}

export function ErrorNote({ error }: { error: unknown }) {
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
      {errorText(error)}
    </p>
  );
}

/**
 * "3 分钟前" / "3 minutes ago" in the page's language, counted from `now` — the clock the time was
 * stamped on (a sandbox contact's own clock runs ahead of the wall clock).
 */
export function relativeTime(iso: string | null | undefined, lang: string, now?: string): string {
  if (!iso) return '—';
  const seconds = (Date.parse(iso) - (now ? Date.parse(now) : Date.now())) / 1000;
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps)
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(Math.round(seconds), 'second');
}

/**
 * A table row that opens `href` when clicked anywhere, as the row's own link does for the keyboard.
 * Clicks on the row's buttons, fields and links, and a drag that selects text, stay theirs.
 */
export function useRowLink(href: string) {
  const [, navigate] = useLocation();
  return {
    className: 'cursor-pointer hover:bg-slate-50',
    onClick: (event: MouseEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      if (target.closest('a, button, input, select, textarea, label, form')) return;
      if (window.getSelection()?.toString()) return;
      navigate(href);
    },
  };
}
