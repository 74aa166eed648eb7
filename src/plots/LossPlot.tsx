import { useMemo, useState } from 'react';
import { line } from 'd3-shape';
import { formatNumber } from '../format';
import { useT } from '../i18n/useT';
import { type LossSeries, lossSeries } from '../session/runHistory';
import { curveOf } from '../session/Session';
import { useSession } from '../session/useSession';
import { Axes, COLORS, Legend } from './Axes';
import { edgePoints, lossPoints } from './lossSeries';
import { type AxisScale, autoScale, drawable, fitTickLabels, frame, nearestIndex, xScale, yScale, yTickLabels } from './scales';

/** The loss axis as the learner sets it: chosen from the losses (log past a 1e4 span), or fixed. */
type ScaleChoice = 'auto' | AxisScale;

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
  const [choice, setChoice] = useState<ScaleChoice>('auto');
  const [hover, setHover] = useState<number | null>(null);
  const kind: AxisScale = useMemo(() => (choice === 'auto' ? autoScale([...train, ...test].filter((v): v is number => v !== null)) : choice), [choice, train, test]);
  const trainPts = useMemo(() => lossPoints(train, kind, undefined, epochs), [train, kind, epochs]);
  const testPts = useMemo(() => lossPoints(test, kind, undefined, epochs), [test, kind, epochs]);
  // Train and test losses the axis cannot place, each series marked in its own colour.
  const edges = useMemo(
    () => [...edgePoints(train, kind, undefined, epochs).map((p) => ({ ...p, series: 0 })), ...edgePoints(test, kind, undefined, epochs).map((p) => ({ ...p, series: 1 }))],
    [train, test, kind, epochs],
  );
  const offAxis = useMemo(() => [...train, ...test].filter((v) => v !== null && !drawable(v, kind)).length, [train, test, kind]);
  const y = yScale([...trainPts, ...testPts].map((p) => p.loss), frame(width, height - 28), kind);
  // The left margin fits the widest tick label (1e+300 is wider than 0.5).
  const f = fitTickLabels(frame(width, height - 28), yTickLabels(y));
  const x = xScale([1, Math.max(2, epochs.at(-1) ?? 1)], f);
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
          <select data-testid="plot.loss.scale" value={choice} onChange={(e) => setChoice(e.target.value as ScaleChoice)}>
            <option value="auto">{t('plot.scale.auto', { scale: t(`plot.scale.${kind}`) })}</option>
            <option value="linear">{t('plot.scale.linear')}</option>
            <option value="log">{t('plot.scale.log')}</option>
          </select>
        </label>
        <span className="plot__note">{train.length === 0 ? t('plot.loss.empty') : t('plot.loss.count', { n: epochs.at(-1) ?? 0 })}</span>
        {offAxis > 0 && (
          <span className="plot__note" data-testid="plot.loss.edgeNote">
            {t('plot.loss.offAxis', { n: offAxis })}
          </span>
        )}
      </div>
      <svg data-testid="plot.loss" data-plot="loss" data-points={trainPts.length} data-scale={kind} width={f.width} height={f.height} role="img" aria-label={t('plot.loss')}>
        <Axes f={f} x={x} y={y} xLabel={t('plot.axis.epoch')} yLabel={t(kind === 'log' ? 'plot.axis.lossLog' : 'plot.axis.loss')} wholeX />
        <path data-testid="plot.loss.train" d={path(trainPts) ?? ''} fill="none" stroke={COLORS[0]} strokeWidth={1.5} />
        {/* A few stepped steps read as points, not only as a line. */}
        {trainPts.length <= FEW_POINTS && trainPts.map((p) => <circle key={p.epoch} cx={x(p.epoch)} cy={y(p.loss)} r={3} fill={COLORS[0]} />)}
        {/* Losses the axis cannot place (inf, nan) are marked at the edge they run off, not dropped. */}
        <g data-testid="plot.loss.edges" data-count={edges.length}>
          {edges.map((p) => {
            const cy = p.edge === 'top' ? f.margin.top : f.height - f.margin.bottom;
            const d = p.edge === 'top' ? -1 : 1;
            return (
              <path key={`${p.series}-${p.epoch}`} d={`M${x(p.epoch)},${cy} l-4,${-6 * d} h8 z`} fill={COLORS[p.series]}>
                <title>{t('plot.loss.tip', { epoch: p.epoch, loss: formatNumber(p.loss) })}</title>
              </path>
            );
          })}
        </g>
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
