// The charts' colours are the Tailwind theme's own (its CSS variables), so a chart matches the badges
// and buttons beside it. Series take them in this order; a chart may name one for a series that
// means something (bad = red).
export const SERIES_COLORS = [
  'var(--color-emerald-600)',
  'var(--color-sky-600)',
  'var(--color-amber-500)',
  'var(--color-violet-500)',
  'var(--color-rose-500)',
  'var(--color-teal-400)',
  'var(--color-indigo-400)',
  'var(--color-slate-400)',
] as const;

export const seriesColor = (index: number) => SERIES_COLORS[index % SERIES_COLORS.length]!;

/** Grid lines, axes, their labels, the hovered day's band, and the legend's and tooltip's text. */
export const CHART_INK = {
  grid: 'var(--color-slate-200)',
  axis: 'var(--color-slate-300)',
  label: 'var(--color-slate-500)',
  cursor: 'var(--color-slate-100)',
  text: 'var(--color-slate-700)',
} as const;
