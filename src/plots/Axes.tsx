import type { ScaleContinuousNumeric } from 'd3-scale';
import { type Frame, tickLabel } from './scales';

/**
 * The x and y axes of a plot, with tick labels and axis titles, drawn from d3 scale ticks;
 * `wholeX` keeps only whole-number x ticks (epochs). The titles sit outside the tick area so
 * they never cover a tick label: the x title below the x tick labels, the y title above the
 * y axis, in the top margin, where the widest tick label cannot reach it.
 */
export function Axes({ f, x, y, xLabel, yLabel, yTicks = 5, wholeX = false }: { f: Frame; x: ScaleContinuousNumeric<number, number>; y: ScaleContinuousNumeric<number, number>; xLabel: string; yLabel: string; yTicks?: number; wholeX?: boolean }) {
  const xt = x.ticks(Math.max(2, Math.floor((f.width - f.margin.left) / 80))).filter((t) => !wholeX || Number.isInteger(t));
  const yt = y.ticks(yTicks);
  const xf = tickLabel(x, xt.length);
  const yf = tickLabel(y, yTicks);
  const bottom = f.height - f.margin.bottom;
  return (
    <g className="plot-axes" fontSize={10} fill="currentColor">
      <line x1={f.margin.left} x2={f.width - f.margin.right} y1={bottom} y2={bottom} stroke="currentColor" />
      <line x1={f.margin.left} x2={f.margin.left} y1={f.margin.top} y2={bottom} stroke="currentColor" />
      {xt.map((t) => (
        <g key={`x${t}`} transform={`translate(${x(t)},${bottom})`}>
          <line y2={4} stroke="currentColor" />
          <text y={14} textAnchor="middle" data-tick="x">
            {xf(t)}
          </text>
        </g>
      ))}
      {yt.map((t) => (
        <g key={`y${t}`} transform={`translate(${f.margin.left},${y(t)})`}>
          <line x2={-4} stroke="currentColor" />
          <line x2={f.width - f.margin.left - f.margin.right} stroke="currentColor" strokeOpacity={0.08} />
          <text x={-6} dy="0.32em" textAnchor="end" data-tick="y">
            {yf(t)}
          </text>
        </g>
      ))}
      <text x={(f.margin.left + f.width - f.margin.right) / 2} y={f.height - 4} textAnchor="middle" data-axis-label="x">
        {xLabel}
      </text>
      {yLabel && (
        <text x={4} y={f.margin.top - 11} textAnchor="start" data-axis-label="y">
          {yLabel}
        </text>
      )}
    </g>
  );
}

/** A small legend in the top-right corner. */
export function Legend({ f, items }: { f: Frame; items: readonly { label: string; color: string; dashed?: boolean }[] }) {
  return (
    <g className="plot-legend" fontSize={10} transform={`translate(${f.width - f.margin.right - 110},${f.margin.top + 4})`}>
      {items.map((it, i) => (
        <g key={it.label} transform={`translate(0,${i * 14})`}>
          <line x2={18} y1={5} y2={5} stroke={it.color} strokeWidth={2} strokeDasharray={it.dashed ? '4 3' : undefined} />
          <text x={24} y={8} fill="currentColor">
            {it.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Series colours, chosen to stay apart for colour-blind readers (Okabe–Ito). */
export const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;
