import { useMemo, useState } from 'react';
import { line } from 'd3-shape';
import { useT } from '../i18n/useT';
import { Axes, COLORS, Legend } from './Axes';
import { stateSeries, statefulParams } from './optimizerSeries';
import { frame, xScale, yScale } from './scales';
import { selectOptimizerTrail } from './selectors';
import { useSessionFrame } from './useSessionFrame';

/** Each parameter's momentum buffer or Adam moments over the model's history (stepped and trained). */
export function OptimizerPlot({ width, height }: { width: number; height: number }) {
  const t = useT();
  const trail = useSessionFrame(selectOptimizerTrail);
  const params = useMemo(() => statefulParams(trail), [trail]);
  const [pick, setPick] = useState<string | null>(null);
  const param = params.find((p) => p === pick) ?? params[0];
  const series = useMemo(() => (param ? stateSeries(trail, param) : []), [trail, param]);
  if (!param) return <p className="plot__empty" data-testid="plot.optimizer.empty">{t('plot.optimizer.empty')}</p>;
  const f = frame(width, height - 28);
  const all = series.flatMap((s) => s.points);
  const x = xScale(all.map((p) => p.epoch), f);
  const y = yScale(all.map((p) => p.v), f);
  const path = line<{ epoch: number; v: number }>()
    .x((p) => x(p.epoch))
    .y((p) => y(p.v));
  const label = (kind: string, i: number) => `${t(`plot.optimizer.${kind}`)}[${i}]`;
  return (
    <div className="plot">
      <div className="plot__controls">
        <label>
          {t('plot.optimizer.param')}{' '}
          <select data-testid="plot.optimizer.param" value={param} onChange={(e) => setPick(e.target.value)}>
            {params.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      </div>
      <svg data-testid="plot.optimizer" data-plot="optimizer" data-series={series.length} width={f.width} height={f.height} role="img" aria-label={t('plot.optimizer')}>
        <Axes f={f} x={x} y={y} xLabel={t('plot.axis.epoch')} yLabel="" wholeX />
        {series.map((s, k) => (
          <path key={`${s.kind}${s.index}`} d={path(s.points) ?? ''} fill="none" stroke={COLORS[k % COLORS.length]} strokeWidth={1.5} strokeDasharray={s.kind === 'expAvgSq' ? '4 3' : undefined} />
        ))}
        <Legend f={f} items={series.slice(0, 6).map((s, k) => ({ label: label(s.kind, s.index), color: COLORS[k % COLORS.length], dashed: s.kind === 'expAvgSq' }))} />
      </svg>
    </div>
  );
}
