// What Chart draws, in its own chunk with Recharts: a composed bar/line chart that fills its width.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { useLang } from '../i18n.ts';
import type { ChartProps } from './Chart.tsx';
import { durationTicks, formatDay, formatValue } from './format.ts';
import { CHART_INK, seriesColor } from './palette.ts';

const TICK = { fill: CHART_INK.label, fontSize: 12 };
const TOOLTIP = {
  borderRadius: 8,
  border: `1px solid ${CHART_INK.grid}`,
  boxShadow: '0 1px 3px rgb(0 0 0 / 0.1)',
  fontSize: 12,
  padding: '8px 10px',
};

export function ChartBody(props: ChartProps & { height: number }) {
  const { lang } = useLang();
  const colorOf = (index: number) => props.series[index]!.color ?? seriesColor(index);
  const formatOf = (key: unknown) => {
    const series = props.series.find((s) => s.key === key);
    return series?.axis === 'right' ? (props.rightFormat ?? props.format) : props.format;
  };
  const xLabel = (x: unknown, short = false) =>
    props.xFormat === 'text' ? String(x) : formatDay(String(x), lang, short);
  const maxOn = (id: 'left' | 'right') =>
    Math.max(
      0,
      ...props.series
        .filter((s) => (s.axis ?? 'left') === id)
        .flatMap((s) => props.rows.map((row) => Number(row[s.key] ?? 0))),
    );
  const axis = (id: 'left' | 'right') => {
    const format = id === 'right' ? (props.rightFormat ?? props.format) : props.format;
    const max = maxOn(id);
    const ticks = format === 'duration' ? durationTicks(max) : undefined;
    // Shares that are all 0 would climb Recharts' axis for a flat 0 — 0% to 400% —: 0–100% instead.
    const domain = ticks ? [0, ticks.at(-1)!] : format === 'percent' && max === 0 ? [0, 1] : undefined;
    return (
      <YAxis
        ticks={ticks}
        domain={domain}
        yAxisId={id}
        orientation={id}
        width="auto"
        tick={TICK}
        stroke={CHART_INK.axis}
        tickLine={false}
        axisLine={false}
        allowDecimals={format !== 'count'}
        tickFormatter={(v: number) => formatValue(v, format, lang)}
      />
    );
  };
  return (
    <ComposedChart
      responsive
      data={props.rows}
      style={{ width: '100%', height: props.height }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid vertical={false} stroke={CHART_INK.grid} />
      <XAxis
        dataKey="x"
        tick={TICK}
        stroke={CHART_INK.axis}
        tickLine={false}
        minTickGap={12}
        tickFormatter={(x) => xLabel(x, true)}
      />
      {axis('left')}
      {props.series.some((s) => s.axis === 'right') && axis('right')}
      <Tooltip
        cursor={{ fill: CHART_INK.cursor }}
        contentStyle={TOOLTIP}
        labelStyle={{ color: CHART_INK.text, fontWeight: 500, marginBottom: 4 }}
        itemSorter={(item) => props.series.findIndex((s) => s.key === item.dataKey)}
        labelFormatter={(x) => xLabel(x)}
        formatter={(value, _name, item) =>
          formatValue(value == null ? null : Number(value), formatOf(item.dataKey), lang)
        }
      />
      <Legend
        iconType="circle"
        iconSize={8}
        itemSorter={null}
        wrapperStyle={{ fontSize: 12 }}
        formatter={(name) => <span style={{ color: CHART_INK.text }}>{name}</span>}
      />
      {props.series.map((s, i) =>
        s.kind === 'bar' ? (
          <Bar
            key={s.key}
            yAxisId={s.axis ?? 'left'}
            dataKey={s.key}
            name={s.label}
            fill={colorOf(i)}
            stackId={s.stack}
            radius={s.stack ? 0 : [3, 3, 0, 0]}
            maxBarSize={32}
            isAnimationActive={false}
          />
        ) : (
          <Line
            key={s.key}
            yAxisId={s.axis ?? 'left'}
            dataKey={s.key}
            name={s.label}
            stroke={colorOf(i)}
            strokeWidth={2}
            strokeDasharray={s.dashed ? '5 4' : undefined}
            type="monotone"
            // A lone value between empty days is no line: a dot shows it (dots only while they fit).
            dot={props.rows.length <= 31 ? { r: 2.5, strokeWidth: 0, fill: colorOf(i) } : false}
            connectNulls
            isAnimationActive={false}
          />
        ),
      )}
    </ComposedChart>
  );
}
