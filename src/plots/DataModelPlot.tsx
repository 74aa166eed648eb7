import { useMemo } from 'react';
import { geoPath, geoTransform } from 'd3-geo';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useT } from '../i18n/useT';
import { useSession, useSessionApi } from '../session/useSession';
import type { AxisSpace } from './axisSpace';
import { Axes, COLORS, Legend } from './Axes';
import { Dots } from './Dots';
import { classPoints, classRegions, dataModelSetup, decisionGrid, regressionPoints } from './dataModel';
import { cellCentres } from './landscape';
import { fitTickLabels, frame, paddedExtent, xScale, yScale, yTickLabels } from './scales';
import { selectRunVersion } from './selectors';
import { useSessionFrame } from './useSessionFrame';

/** An axis title that says which numbers it shows: the raw column, the graph's centred node, or a node computed from the column. */
function axisTitle(t: (key: string, vars?: Record<string, string>) => string, a: AxisSpace): string {
  return t(`plot.data.axis.${a.space}`, { node: a.node, column: a.column });
}

/** Cells per axis of the decision-region grid. */
const REGION_GRID = 40;

/** The data points and the model: the fitted line for one feature, the decision regions for two features and classes. */
export function DataModelPlot({ width, height }: { width: number; height: number }) {
  const t = useT();
  const session = useSessionApi();
  const doc = useSession((s) => s.history.present);
  const program = useSession((s) => s.compiled.program);
  // The marked loss, or the one the loss rule chose.
  const lossId = doc.loss ?? program?.loss ?? null;
  const setup = useMemo(() => dataModelSetup(doc, lossId), [doc, lossId]);
  // Redrawn at most once per animation frame while a run moves the model.
  const version = useSessionFrame(selectRunVersion);
  const f = frame(width, height - 8);
  // The model as its parameters stand now: forward on the session's program, every buffer put back after.
  const view = useMemo(() => {
    if (!program || setup.type === 'none') return null;
    try {
      return session.withScratch((p) => {
        p.forward();
        if (setup.type === 'regression') return { type: 'regression' as const, pts: regressionPoints(p, setup) };
        const pts = classPoints(p, setup);
        const wx = paddedExtent(pts.map((q) => q.x1), 0.1);
        const wy = paddedExtent(pts.map((q) => q.x2), 0.1);
        // One cell beyond the view on each side, so the regions' closing edges fall outside the clip.
        const n = REGION_GRID + 2;
        const cx = (wx[1] - wx[0]) / REGION_GRID;
        const cy = (wy[1] - wy[0]) / REGION_GRID;
        const gx: [number, number] = [wx[0] - cx, wx[1] + cx];
        const gy: [number, number] = [wy[0] - cy, wy[1] + cy];
        const classes = decisionGrid(p, setup, cellCentres(gx[0], gx[1], n), cellCentres(gy[0], gy[1], n));
        return { type: 'classes' as const, pts, wx, wy, gx, gy, n, regions: classRegions(classes, n) };
      });
    } catch {
      return null;
    }
    // version: the program's parameters change in place (a played update, a training frame).
  }, [session, program, setup, version]);
  if (setup.type === 'none' || !view) return <p className="plot__empty" data-testid="plot.data.empty">{t(`plot.data.none.${setup.type === 'none' ? setup.reason : 'no_feature'}`)}</p>;
  if (view.type === 'regression' && setup.type === 'regression') {
    const y = yScale([...view.pts.map((p) => p.y), ...view.pts.map((p) => p.pred)], f);
    const fr = fitTickLabels(f, yTickLabels(y));
    const x = xScale(view.pts.map((p) => p.x), fr, 0.05);
    const fit = line<{ x: number; pred: number }>()
      .defined((p) => Number.isFinite(p.pred))
      .x((p) => x(p.x))
      .y((p) => y(p.pred));
    return (
      <svg
        data-testid="plot.data"
        data-plot="data"
        data-points={view.pts.length}
        data-x-space={setup.axes.x.space}
        data-y-space={setup.axes.y.space}
        width={fr.width}
        height={fr.height}
        role="img"
        aria-label={t('plot.data')}
      >
        <Axes f={fr} x={x} y={y} xLabel={axisTitle(t, setup.axes.x)} yLabel={axisTitle(t, setup.axes.y)} />
        <Dots cx={view.pts.map((p) => x(p.x))} cy={view.pts.map((p) => y(p.y))} r={3} fill={[COLORS[0]]} fillOpacity={0.7} />
        <path data-testid="plot.data.model" d={fit(view.pts) ?? ''} fill="none" stroke={COLORS[1]} strokeWidth={2} />
        <Legend
          f={fr}
          items={[
            { label: t('plot.data.points'), color: COLORS[0] },
            { label: t('plot.data.model', { node: setup.prediction }), color: COLORS[1] },
          ]}
        />
      </svg>
    );
  }
  if (view.type !== 'classes' || setup.type !== 'classes') return null;
  const x = scaleLinear().domain(view.wx).range([f.margin.left, f.width - f.margin.right]);
  const y = scaleLinear().domain(view.wy).range([f.height - f.margin.bottom, f.margin.top]);
  // Grid coordinates [0, n] span the grid's window; contour points map through the same scales as the data.
  const toPlot = geoPath(
    geoTransform({
      point(px, py) {
        this.stream.point(x(view.gx[0] + (px / view.n) * (view.gx[1] - view.gx[0])), y(view.gy[0] + (py / view.n) * (view.gy[1] - view.gy[0])));
      },
    }),
  );
  // Two classes share one edge; with more, each region's outline is part of the boundary.
  const boundary = view.regions.length === 2 ? view.regions.slice(1) : view.regions.length > 2 ? view.regions : [];
  return (
    <svg data-testid="plot.data" data-plot="data" data-points={view.pts.length} width={f.width} height={f.height} role="img" aria-label={t('plot.data')}>
      <defs>
        <clipPath id="data-clip">
          <rect x={f.margin.left} y={f.margin.top} width={f.width - f.margin.left - f.margin.right} height={f.height - f.margin.top - f.margin.bottom} />
        </clipPath>
      </defs>
      <g clipPath="url(#data-clip)">
        <g data-testid="plot.data.regions" data-count={view.regions.length}>
          {view.regions.map((r) => (
            <path key={r.cls} d={toPlot(r.shape) ?? ''} fill={COLORS[r.cls % COLORS.length]} fillOpacity={0.18} />
          ))}
        </g>
        <g data-testid="plot.data.boundary" data-count={boundary.length}>
          {boundary.map((r) => (
            <path key={r.cls} d={toPlot(r.shape) ?? ''} fill="none" stroke="currentColor" strokeWidth={1.5} strokeDasharray="5 3" />
          ))}
        </g>
      </g>
      <Axes f={f} x={x} y={y} xLabel={setup.featureNames[0]} yLabel={setup.featureNames[1]} />
      <Dots cx={view.pts.map((p) => x(p.x1))} cy={view.pts.map((p) => y(p.x2))} r={3.5} fill={view.pts.map((p) => COLORS[p.label % COLORS.length])} stroke="#fff" strokeWidth={0.8} />
    </svg>
  );
}
