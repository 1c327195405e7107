// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Lang, LangProvider } from '../i18n.ts';
import { Chart, type ChartProps } from './Chart.tsx';
import { SERIES_COLORS } from './palette.ts';

afterEach(cleanup);

const rows = [
  { x: '2026-03-09', a: 1, b: 2, wait: 90 },
  { x: '2026-03-10', a: 3, b: 0, wait: 5_400 },
];

const draw = (lang: Lang, props: Partial<ChartProps> = {}) =>
  render(
    <LangProvider lang={lang} setLang={() => {}}>
      <Chart
        label="Handled"
        testId="chart"
        rows={rows}
        format="count"
        series={[
          { key: 'a', label: 'Ann', kind: 'bar', stack: 's' },
          { key: 'b', label: 'Bo', kind: 'bar', stack: 's' },
        ]}
        {...props}
      />
    </LangProvider>,
  );

describe('chart', () => {
  it('names its series in the legend, in the palette’s colours', async () => {
    draw('en');
    const chart = await screen.findByRole('figure', { name: 'Handled' });
    await within(chart).findByText('Ann');
    expect(within(chart).getByText('Bo')).toBeTruthy();
    const fills = [...chart.querySelectorAll('.recharts-legend-item path')].map((p) =>
      p.getAttribute('fill'),
    );
    expect(fills).toEqual([SERIES_COLORS[0], SERIES_COLORS[1]]);
  });

  it('labels days and durations the page’s way', async () => {
    draw('zh-CN', {
      format: 'duration',
      series: [{ key: 'wait', label: '中位数', kind: 'line' }],
    });
    const chart = await screen.findByRole('figure', { name: 'Handled' });
    await within(chart).findByText('中位数');
    const ticks = [...chart.querySelectorAll('.recharts-cartesian-axis-tick-value')].map(
      (t) => t.textContent,
    );
    expect(ticks).toContain('3/10');
    expect(ticks).toEqual(['3/9', '3/10', '0秒', '30分', '1小时', '1小时30分']);
  });

  it('keeps a share axis of nothing but 0% within 100%', async () => {
    draw('en', {
      rightFormat: 'percent',
      series: [
        { key: 'a', label: 'Ann', kind: 'bar' },
        { key: 'zero', label: 'Rate', kind: 'line', axis: 'right' },
      ],
      rows: rows.map((row) => ({ ...row, zero: 0 })),
    });
    const chart = await screen.findByRole('figure', { name: 'Handled' });
    await within(chart).findByText('Rate');
    const ticks = [...chart.querySelectorAll('.recharts-cartesian-axis-tick-value')]
      .map((t) => t.textContent)
      .filter((text) => text?.endsWith('%'));
    expect(ticks).toEqual(['0%', '25%', '50%', '75%', '100%']);
  });
});
