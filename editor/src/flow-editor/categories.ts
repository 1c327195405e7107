// How each node category looks: one accent per category, shared by the palette and the node cards,
// so a marketer learns "blue is a message" once. Full class names, so Tailwind finds them.
import type { NodeCategory } from '../../../shared/flow/node-definition.ts';
import type { T } from './messages.ts';

type CategoryStyle = {
  /** Palette section title key. */
  title: Parameters<T>[0];
  /** Icon tile: tinted background with the accent colour. */
  tile: string;
  /** The node card's top stripe. */
  stripe: string;
  /** MiniMap fill. */
  color: string;
};

export const CATEGORY_STYLES: Record<NodeCategory, CategoryStyle> = {
  trigger: {
    title: 'categoryTrigger',
    tile: 'bg-emerald-50 text-emerald-600 ring-emerald-100',
    stripe: 'bg-emerald-500',
    color: '#10b981',
  },
  message: {
    title: 'categoryMessage',
    tile: 'bg-sky-50 text-sky-600 ring-sky-100',
    stripe: 'bg-sky-500',
    color: '#0ea5e9',
  },
  time: {
    title: 'categoryTime',
    tile: 'bg-amber-50 text-amber-600 ring-amber-100',
    stripe: 'bg-amber-500',
    color: '#f59e0b',
  },
  logic: {
    title: 'categoryLogic',
    tile: 'bg-violet-50 text-violet-600 ring-violet-100',
    stripe: 'bg-violet-500',
    color: '#8b5cf6',
  },
  action: {
    title: 'categoryAction',
    tile: 'bg-rose-50 text-rose-600 ring-rose-100',
    stripe: 'bg-rose-500',
    color: '#f43f5e',
  },
};

export const UNKNOWN_STYLE: CategoryStyle = {
  title: 'unknownType',
  tile: 'bg-slate-100 text-slate-500 ring-slate-200',
  stripe: 'bg-slate-400',
  color: '#94a3b8',
};
