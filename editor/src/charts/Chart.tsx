// The editor's one chart: bars and lines over days (or any labelled steps), in the Tailwind palette,
// with numbers, shares and durations said the page's way. Recharts draws it, loaded on first use.
//
// Why Recharts (3.x, MIT): its charts are React components (React 19 is in its peer range), so a chart
// is JSX composed like the rest of the editor, and the SVG it draws takes the Tailwind theme's own CSS
// variables as colours and renders in happy-dom, where screen tests read its legend and axis labels.
// ECharts (6.x, Apache-2.0) draws on a canvas through an imperative instance, so it needs a wrapper
// (echarts-for-react is a thin one) and colours copied out of the theme, and it is larger: bar + line +
// tooltip + legend measured +184 kB gzipped against Recharts' +128 kB. Both are well kept (Recharts
// 3.11.3, Nov 2026; ECharts 6.1.0, May 2026) and both draw the funnels and trends analytics will need.
// Neither belongs in the first load: Chart loads Recharts in its own chunk (~122 kB gzipped) on first use.
import { lazy, Suspense } from 'react';
import type { ValueFormat } from './format.ts';

export type { ValueFormat };

export interface ChartSeries {
  /** The row field holding this series' values. */
  key: string;
  label: string;
  kind: 'bar' | 'line';
  /** Bars with the same stack pile up (handled per agent); without, they stand side by side. */
  stack?: string;
  /** A palette colour by default, by the series' place. */
  color?: string;
  dashed?: boolean;
  /** `right`: on a second axis with `rightFormat` (a rate beside counts). */
  axis?: 'left' | 'right';
}

/** One point on the x axis: `x` is a `YYYY-MM-DD` day (`xFormat: 'day'`) or a label. */
export type ChartRow = { x: string; [key: string]: string | number | null };

export interface ChartProps {
  /** The figure's name for screen readers. */
  label: string;
  rows: ChartRow[];
  series: ChartSeries[];
  format: ValueFormat;
  rightFormat?: ValueFormat;
  xFormat?: 'day' | 'text';
  height?: number;
  testId?: string;
}

const ChartBody = lazy(() => import('./ChartBody.tsx').then((m) => ({ default: m.ChartBody })));

export function Chart(props: ChartProps) {
  const height = props.height ?? 240;
  return (
    <figure aria-label={props.label} data-testid={props.testId} className="min-w-0">
      <Suspense fallback={<div className="animate-pulse rounded-lg bg-slate-50" style={{ height }} />}>
        <ChartBody {...props} height={height} />
      </Suspense>
    </figure>
  );
}
