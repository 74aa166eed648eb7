import { memo, useMemo, useRef, useState } from 'react';
import { formatNumber } from '../format';
import { useT } from '../i18n/useT';
import { type LossSeries, lossSeries } from '../session/runHistory';
import { curveOf } from '../session/Session';
import type { SessionState } from '../session/types';
import { Axes, COLORS, Legend } from './Axes';
import { CurvePath } from './curvePath';
import { edgePoints } from './lossSeries';
import { type AxisScale, autoScale, drawable, fitTickLabels, frame, nearestIndex, runningAxisEnd, xScale, yScale, yTickLabels } from './scales';
import { useSessionFrame } from './useSessionFrame';

/** The loss axis as the learner sets it: chosen from the losses (log past a 1e4 span), or fixed. */
type ScaleChoice = 'auto' | AxisScale;

/** The model's loss curve: stepped steps and training runs alike, as the document keeps it (a running run's, ahead of it). */
const selectLossSeries = (s: SessionState): LossSeries => lossSeries(curveOf(s));

/** The epoch a running run will end at on the curve (the same number all through the run); null when no run is training. */
const selectRunEnd = (s: SessionState): number | null => (s.training.status === 'running' ? curveOf(s).epochs + Math.max(0, s.training.epochs - s.training.epoch) : null);

/** Up to this many points the curve marks each one. */
const FEW_POINTS = 60;

/** The losses of both series the axis can place (for its range), how many of them are training losses, and how many losses it cannot place. */
function placeable(train: readonly number[], test: readonly (number | null)[], kind: AxisScale): { values: number[]; trainCount: number; offAxis: number } {
  const values: number[] = [];
  let offAxis = 0;
  let trainCount = 0;
  for (const series of [train, test]) {
    for (const v of series) {
      if (v === null) continue;
      if (drawable(v, kind)) values.push(v);
      else offAxis++;
    }
    if (series === train) trainCount = values.length;
  }
  return { values, trainCount, offAxis };
}

/** The index of the drawable loss nearest to `epoch`, or -1 when there is none. */
function nearestDrawable(epochs: readonly number[], losses: readonly number[], kind: AxisScale, epoch: number): number {
  const at = nearestIndex(epochs, epoch);
  if (at < 0) return -1;
  for (let d = 0; d < epochs.length; d++) {
    const before = at - d;
    const after = at + d;
    const lo = before >= 0 && drawable(losses[before], kind) ? before : -1;
    const hi = after < epochs.length && drawable(losses[after], kind) ? after : -1;
    if (lo >= 0 && hi >= 0) return Math.abs(epochs[lo] - epoch) <= Math.abs(epochs[hi] - epoch) ? lo : hi;
    if (lo >= 0 || hi >= 0) return Math.max(lo, hi);
    if (before < 0 && after >= epochs.length) break;
  }
  return -1;
}

/** One finished piece of a curve: its text never changes, so React leaves the element alone. */
const CurveChunk = memo(function CurveChunk({ d, color, dashed }: { d: string; color: string; dashed: boolean }) {
  return <path d={d} fill="none" stroke={color} strokeWidth={1.5} strokeDasharray={dashed ? '4 3' : undefined} />;
});

/**
 * The loss curve: train (and test, with a split) per epoch, on a linear or log axis, with a
 * hover readout. It redraws at most once per animation frame; while a run trains, the epoch
 * axis ends at a round number ahead of the curve (or at the run's end), so each frame appends
 * the new epochs to the path, and only a rescale draws it again.
 */
export function LossPlot({ width, height }: { width: number; height: number }) {
  const t = useT();
  const series = useSessionFrame(selectLossSeries);
  const runEnd = useSessionFrame(selectRunEnd);
  const { loss: train, testLoss: test, epochs } = series;
  const [choice, setChoice] = useState<ScaleChoice>('auto');
  const [hover, setHover] = useState<number | null>(null);
  const trainPath = useRef(new CurvePath());
  const testPath = useRef(new CurvePath());
  const kind: AxisScale = useMemo(() => (choice === 'auto' ? autoScale([train, test].flat().filter((v): v is number => v !== null)) : choice), [choice, train, test]);
  const { values, trainCount, offAxis } = useMemo(() => placeable(train, test, kind), [train, test, kind]);
  // Train and test losses the axis cannot place, each series marked in its own colour.
  const edges = useMemo(
    () => (offAxis === 0 ? [] : [...edgePoints(train, kind, undefined, epochs).map((p) => ({ ...p, series: 0 })), ...edgePoints(test, kind, undefined, epochs).map((p) => ({ ...p, series: 1 }))]),
    [train, test, kind, epochs, offAxis],
  );
  const y = yScale(values, frame(width, height - 28), kind);
  // The left margin fits the widest tick label (1e+300 is wider than 0.5).
  const f = fitTickLabels(frame(width, height - 28), yTickLabels(y));
  const latest = epochs.at(-1) ?? 1;
  const x = xScale([1, Math.max(2, runEnd === null ? latest : runningAxisEnd(latest, runEnd))], f);
  const curveFrame = { x, y, drawable: (v: number) => drawable(v, kind), key: `${kind} ${x.domain().join()} ${x.range().join()} ${y.domain().join()} ${y.range().join()}` };
  const trainCurve = trainPath.current.update(epochs, train, curveFrame);
  const testCurve = test.length > 0 ? testPath.current.update(epochs, test, curveFrame) : null;
  const fewPoints = trainCount <= FEW_POINTS ? epochs.flatMap((epoch, i) => (drawable(train[i], kind) ? [{ epoch, loss: train[i] }] : [])) : [];
  const hi = hover === null ? -1 : nearestDrawable(epochs, train, kind, hover);
  const hp = hi >= 0 ? { epoch: epochs[hi], loss: train[hi] } : null;
  const testAt = hi >= 0 ? (test[hi] ?? undefined) : undefined;
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
      <svg data-testid="plot.loss" data-plot="loss" data-points={trainCurve.vertices} data-scale={kind} width={f.width} height={f.height} role="img" aria-label={t('plot.loss')}>
        <Axes f={f} x={x} y={y} xLabel={t('plot.axis.epoch')} yLabel={t(kind === 'log' ? 'plot.axis.lossLog' : 'plot.axis.loss')} wholeX />
        <g data-testid="plot.loss.train">
          {trainCurve.chunks.map((d, k) => (
            <CurveChunk key={k} d={d} color={COLORS[0]} dashed={false} />
          ))}
          <path d={trainCurve.live} fill="none" stroke={COLORS[0]} strokeWidth={1.5} />
        </g>
        {/* A few stepped steps read as points, not only as a line. */}
        {fewPoints.map((p) => (
          <circle key={p.epoch} cx={x(p.epoch)} cy={y(p.loss)} r={3} fill={COLORS[0]} />
        ))}
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
        {testCurve && testCurve.vertices > 0 && (
          <g data-testid="plot.loss.test">
            {testCurve.chunks.map((d, k) => (
              <CurveChunk key={k} d={d} color={COLORS[1]} dashed />
            ))}
            <path d={testCurve.live} fill="none" stroke={COLORS[1]} strokeWidth={1.5} strokeDasharray="4 3" />
          </g>
        )}
        {testCurve && testCurve.vertices > 0 && (
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
