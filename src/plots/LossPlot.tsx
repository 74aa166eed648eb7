import { useMemo, useState } from 'react';
import { line } from 'd3';
import { formatNumber } from '../format';
import { useT } from '../i18n/useT';
import { type LossSeries, lossSeries } from '../session/runHistory';
import { curveOf } from '../session/Session';
import { useSession } from '../session/useSession';
import { Axes, COLORS, Legend } from './Axes';
import { lossPoints } from './lossSeries';
import { type AxisScale, frame, nearestIndex, xScale, yScale } from './scales';

/** The model's loss curve to plot and export: stepped steps and training runs alike, as the document keeps it (a running run's, ahead of it). */
export function useLossSeries(): LossSeries {
  return useSession((s) => lossSeries(curveOf(s)));
}

/** Up to this many points the curve marks each one. */
const FEW_POINTS = 60;

/** The loss curve: train (and test, with a split) per epoch, on a linear or log axis, with a hover readout. */
export function LossPlot({ width, height }: { width: number; height: number }) {
  const t = useT();
  const series = useLossSeries();
  const { loss: train, testLoss: test, epochs } = series;
  const [kind, setKind] = useState<AxisScale>('linear');
  const [hover, setHover] = useState<number | null>(null);
  const f = frame(width, height - 28);
  const trainPts = useMemo(() => lossPoints(train, kind, undefined, epochs), [train, kind, epochs]);
  const testPts = useMemo(() => lossPoints(test, kind, undefined, epochs), [test, kind, epochs]);
  const x = xScale([1, Math.max(2, epochs.at(-1) ?? 1)], f);
  const y = yScale([...trainPts, ...testPts].map((p) => p.loss), f, kind);
  const path = line<{ epoch: number; loss: number }>()
    .x((p) => x(p.epoch))
    .y((p) => y(p.loss));
  const shown = trainPts.map((p) => p.epoch);
  const hi = hover === null ? -1 : nearestIndex(shown, hover);
  const hp = hi >= 0 ? trainPts[hi] : null;
  const testAt = hp ? (test[epochs.indexOf(hp.epoch)] ?? undefined) : undefined;
  return (
    <div className="plot">
      <div className="plot__controls">
        <label>
          {t('plot.loss.scale')}{' '}
          <select data-testid="plot.loss.scale" value={kind} onChange={(e) => setKind(e.target.value as AxisScale)}>
            <option value="linear">{t('plot.scale.linear')}</option>
            <option value="log">{t('plot.scale.log')}</option>
          </select>
        </label>
        <span className="plot__note">{train.length === 0 ? t('plot.loss.empty') : t('plot.loss.count', { n: epochs.at(-1) ?? 0 })}</span>
      </div>
      <svg data-testid="plot.loss" data-plot="loss" data-points={trainPts.length} width={f.width} height={f.height} role="img" aria-label={t('plot.loss')}>
        <Axes f={f} x={x} y={y} xLabel={t('plot.axis.epoch')} yLabel={t('plot.axis.loss')} wholeX />
        <path data-testid="plot.loss.train" d={path(trainPts) ?? ''} fill="none" stroke={COLORS[0]} strokeWidth={1.5} />
        {/* A few stepped steps read as points, not only as a line. */}
        {trainPts.length <= FEW_POINTS && trainPts.map((p) => <circle key={p.epoch} cx={x(p.epoch)} cy={y(p.loss)} r={3} fill={COLORS[0]} />)}
        {testPts.length > 0 && <path data-testid="plot.loss.test" d={path(testPts) ?? ''} fill="none" stroke={COLORS[1]} strokeWidth={1.5} strokeDasharray="4 3" />}
        {testPts.length > 0 && (
          <Legend
            f={f}
            items={[
              { label: t('plot.loss.train'), color: COLORS[0] },
              { label: t('plot.loss.test'), color: COLORS[1], dashed: true },
            ]}
          />
        )}
        <rect
          x={f.margin.left}
          y={f.margin.top}
          width={Math.max(0, f.width - f.margin.left - f.margin.right)}
          height={Math.max(0, f.height - f.margin.top - f.margin.bottom)}
          fill="transparent"
          onMouseMove={(e) => {
            const box = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
            if (box) setHover(x.invert(e.clientX - box.left));
          }}
          onMouseLeave={() => setHover(null)}
        />
        {hp && (
          <g data-testid="plot.loss.tooltip" pointerEvents="none" data-epoch={hp.epoch} data-loss={hp.loss}>
            <line x1={x(hp.epoch)} x2={x(hp.epoch)} y1={f.margin.top} y2={f.height - f.margin.bottom} stroke="currentColor" strokeOpacity={0.3} />
            <circle cx={x(hp.epoch)} cy={y(hp.loss)} r={3.5} fill={COLORS[0]} />
            <text x={Math.min(x(hp.epoch) + 6, f.width - 150)} y={f.margin.top + 12} fontSize={11} fill="currentColor">
              {t('plot.loss.tip', { epoch: hp.epoch, loss: formatNumber(hp.loss) })}
              {testAt !== undefined && testAt !== null ? `  ${t('plot.loss.tipTest', { loss: formatNumber(testAt) })}` : ''}
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}
