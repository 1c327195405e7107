// The editor's buttons: one look for every toolbar, dialog and drawer.
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Icon } from './icons.tsx';

const VARIANTS = {
  primary: 'bg-emerald-600 text-white shadow-sm hover:bg-emerald-700 disabled:bg-emerald-300',
  secondary:
    'bg-white text-slate-700 shadow-sm ring-1 ring-slate-200 hover:bg-slate-50 disabled:text-slate-300',
  ghost:
    'text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:text-slate-300 disabled:hover:bg-transparent',
  active: 'bg-emerald-50 text-emerald-700 ring-1 ring-emerald-200',
};

// Each shape sets its own width and padding: a class meant to override another of the same property
// (`px-0` after `px-3`) loses to Tailwind's stylesheet order, which squashed the toolbar's icons.
const SHAPES = {
  text: 'h-8 gap-1.5 px-3',
  square: 'size-8',
};

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof VARIANTS;
  shape?: keyof typeof SHAPES;
  icon?: string;
  children?: ReactNode;
};

export function Button({
  variant = 'secondary',
  shape = 'text',
  icon,
  children,
  className = '',
  ...rest
}: Props) {
  return (
    <button
      type="button"
      className={`inline-flex shrink-0 items-center justify-center rounded-lg text-sm font-medium transition disabled:cursor-not-allowed ${SHAPES[shape]} ${VARIANTS[variant]} ${className}`}
      {...rest}
    >
      {icon && <Icon d={icon} className="size-4 shrink-0" />}
      {children}
    </button>
  );
}

/** A square toolbar button; its title doubles as the accessible name. */
export function IconButton({ icon, title, ...rest }: Props & { icon: string; title: string }) {
  return <Button variant="ghost" shape="square" icon={icon} title={title} aria-label={title} {...rest} />;
}
