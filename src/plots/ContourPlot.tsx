import { useMemo, useState } from 'react';
import { geoPath, geoTransform } from 'd3-geo';
import { scaleLinear, scaleSequential, scaleSequentialLog } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { line } from 'd3-shape';
import { formatNumber } from '../format';
import { useT } from '../i18n/useT';
import { useSession, useSessionApi } from '../session/useSession';
import { Axes } from './Axes';
import { gradientArrow, gradientAt, gradientIsCurrent, lossContours, lossGrid, projectTrail, wideRange, windowAround, type Window2 } from './landscape';
import { elementKey, type ParamElement, paramElements } from './paramChoices';
import { frame } from './scales';
import { selectRunVersion, selectTrail } from './selectors';
import { useSessionFrame } from './useSessionFrame';

/** Grid samples per axis: 48² forward runs per map. */
const GRID = 48;

/** Up to this many trail points are drawn one by one. */
const FEW_TRAIL_POINTS = 60;

/** The gradient arrow's length as a share of the map's side. */
const ARROW_SHARE = 0.22;

/** The loss landscape over two chosen parameter elements, with the descent trail and the current point. */
export function ContourPlot({ width, height }: { width: number; height: number }) {
  const t = useT();
  const program = useSession((s) => s.compiled.program);
  const elements = useMemo(() => (program ? paramElements(program.params) : []), [program]);
  const [pickA, setA] = useState<string | null>(null);
  const [pickB, setB] = useState<string | null>(null);
  const a = elements.find((e) => elementKey(e) === pickA) ?? elements[0];
  const b = elements.find((e) => elementKey(e) === pickB) ?? elements.find((e) => e !== a);
  if (!program || !program.loss) return <p className="plot__empty">{t('plot.contour.noLoss')}</p>;
  if (!a || !b) return <p className="plot__empty" data-testid="plot.contour.empty">{t('plot.contour.needTwo')}</p>;
  const select = (testId: string, label: string, value: ParamElement, set: (v: string) => void) => (
    <label>
      {label}{' '}
      <select data-testid={testId} value={elementKey(value)} onChange={(e) => set(e.target.value)}>
        {elements.map((e) => (
          <option key={elementKey(e)} value={elementKey(e)}>
            {e.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="plot">
      <div className="plot__controls">
        {select('plot.contour.a', t('plot.contour.a'), a, setA)}
        {select('plot.contour.b', t('plot.contour.b'), b, setB)}
      </div>
      <ContourMap a={a} b={b} width={width} height={height - 28} />
    </div>
  );
}

function ContourMap({ a, b, width, height }: { a: ParamElement; b: ParamElement; width: number; height: number }) {
  const t = useT();
  const session = useSessionApi();
  const doc = useSession((s) => s.history.present);
  const program = useSession((s) => s.compiled.program);
  // Redrawn at most once per animation frame while a run moves the model.
  const version = useSessionFrame(selectRunVersion);
  const trail = useSessionFrame(selectTrail);
  const start = useSession((s) => s.training.startParams);
  const trailPts = useMemo(() => projectTrail(trail, a, b), [trail, a, b]);
  const current = useMemo((): [number, number] | null => {
    const p = program?.params;
    const va = p?.find((q) => q.node === a.node && q.name === a.name)?.value[a.index];
    const vb = p?.find((q) => q.node === b.node && q.name === b.name)?.value[b.index];
    return va !== undefined && vb !== undefined ? [va, vb] : null;
    // version: the program's parameters change in place (a played update, a training frame).
  }, [program, version, a, b]);
  const backwardRan = useSession((s) => gradientIsCurrent(s.run));
  // The gradient the last Backward left in the parameters' `.grad`, while it is the gradient at the current point.
  const grad = useMemo(
    () => (program && backwardRan ? gradientAt(program, a, b) : null),
    // version: `.grad` changes in place with each Backward and Zero grad.
    [program, backwardRan, version, a, b],
  );
  const startPt = start ? projectTrail([{ epoch: 0, params: start }], a, b)[0] : undefined;
  const win: Window2 = useMemo(() => {
    const pts: [number, number][] = trailPts.map((p) => [p.x, p.y]);
    if (current) pts.push(current);
    if (startPt) pts.push([startPt.x, startPt.y]);
    return windowAround(pts);
  }, [trailPts, current, startPt]);
  const winKey = `${win.x.join(',')};${win.y.join(',')}`;
  // The map depends on the graph, the window and the parameters not being varied (as the
  // document holds them); not on every training frame. It sweeps the session's program and
  // puts every buffer back.
  const grid = useMemo(() => {
    try {
      return session.withScratch((p) => lossGrid(p, a, b, win, GRID));
    } catch {
      return null;
    }
    // winKey stands for win, so a new window object with the same extents reuses the map.
  }, [session, program, doc, a, b, winKey]);
  const f = frame(width, height);
  const side = Math.min(f.width - f.margin.left - f.margin.right, f.height - f.margin.top - f.margin.bottom);
  const fs = { ...f, width: f.margin.left + side + f.margin.right, height: f.margin.top + side + f.margin.bottom };
  const x = scaleLinear().domain(win.x).range([fs.margin.left, fs.margin.left + side]);
  const y = scaleLinear().domain(win.y).range([fs.margin.top + side, fs.margin.top]);
  const polys = useMemo(() => (grid ? lossContours(grid) : []), [grid]);
  if (!grid) return <p className="plot__empty">{t('plot.contour.failed')}</p>;
  const n = grid.n;
  const project = geoPath(
    geoTransform({
      point(px, py) {
        this.stream.point(x(win.x[0] + (px / n) * (win.x[1] - win.x[0])), y(win.y[0] + (py / n) * (win.y[1] - win.y[0])));
      },
    }),
  );
  const color = wideRange(grid.min, grid.max) ? scaleSequentialLog(interpolateViridis).domain([grid.min, grid.max]) : scaleSequential(interpolateViridis).domain([grid.min, grid.max]);
  const trailPath = line<{ x: number; y: number }>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const last = trailPts[trailPts.length - 1];
  const candidate = current ?? (last ? [last.x, last.y] : null);
  // After a divergence the parameters are inf or nan: there is no point to draw.
  const here = candidate && Number.isFinite(candidate[0]) && Number.isFinite(candidate[1]) ? candidate : null;
  const arrow = here && grad ? gradientArrow(here, grad, x, y, Math.max(24, side * ARROW_SHARE)) : null;
  return (
    <svg data-testid="plot.contour" data-plot="contour" width={fs.width + 150} height={fs.height} role="img" aria-label={t('plot.contour')}>
      <defs>
        <marker id="contour-arrowhead" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#fff" stroke="#000" strokeWidth={1} />
        </marker>
        <clipPath id="contour-clip">
          <rect x={fs.margin.left} y={fs.margin.top} width={side} height={side} />
        </clipPath>
      </defs>
      <g clipPath="url(#contour-clip)">
        <rect x={fs.margin.left} y={fs.margin.top} width={side} height={side} fill={color(grid.min)} />
        {polys.map((p) => (
          <path key={p.value} d={project(p) ?? ''} fill={color(p.value)} fillOpacity={0.85} stroke="#fff" strokeOpacity={0.35} strokeWidth={0.5} />
        ))}
        {trailPts.length > 0 && <path data-testid="plot.contour.trail" data-points={trailPts.length} d={trailPath(trailPts) ?? ''} fill="none" stroke="#fff" strokeWidth={2} />}
        {trailPts.length > 0 && <path d={trailPath(trailPts) ?? ''} fill="none" stroke="#D55E00" strokeWidth={1.2} />}
        {startPt && <circle cx={x(startPt.x)} cy={y(startPt.y)} r={4} fill="none" stroke="#fff" strokeWidth={2} />}
        {/* A few stepped steps read as points; the current point is a ring, so the steps under it stay visible. */}
        {trailPts.length <= FEW_TRAIL_POINTS && trailPts.map((p) => <circle key={p.epoch} cx={x(p.x)} cy={y(p.y)} r={2} fill="#D55E00" stroke="#fff" strokeWidth={0.8} />)}
        {here && <circle data-testid="plot.contour.current" data-x={here[0]} data-y={here[1]} cx={x(here[0])} cy={y(here[1])} r={6} fill="none" stroke="#D55E00" strokeWidth={2.5} />}
        {here && <circle cx={x(here[0])} cy={y(here[1])} r={7.5} fill="none" stroke="#fff" strokeWidth={1} />}
      </g>
      {arrow && (
        <g data-testid="plot.contour.gradient" data-grad-a={arrow.grad[0]} data-grad-b={arrow.grad[1]} data-x1={arrow.x1} data-y1={arrow.y1} data-x2={arrow.x2} data-y2={arrow.y2}>
          <line x1={arrow.x1} y1={arrow.y1} x2={arrow.x2} y2={arrow.y2} stroke="#000" strokeWidth={4} strokeOpacity={0.6} />
          <line x1={arrow.x1} y1={arrow.y1} x2={arrow.x2} y2={arrow.y2} stroke="#fff" strokeWidth={2} markerEnd="url(#contour-arrowhead)" />
          <text x={arrow.x2 + (arrow.x2 >= arrow.x1 ? 6 : -6)} y={arrow.y2 + (arrow.y2 >= arrow.y1 ? 14 : -6)} textAnchor={arrow.x2 >= arrow.x1 ? 'start' : 'end'} fontSize={12} fontWeight={700} fill="#fff" stroke="#000" strokeWidth={3} paintOrder="stroke">
            ∇L
          </text>
        </g>
      )}
      <Axes f={fs} x={x} y={y} xLabel={a.label} yLabel={b.label} />
      <g fontSize={10} fill="currentColor" transform={`translate(${fs.width + 4},${fs.margin.top})`}>
        <text y={8}>{t('plot.axis.loss')}</text>
        <text y={22}>{t('plot.contour.max', { value: formatNumber(grid.max) })}</text>
        <text y={36}>{t('plot.contour.min', { value: formatNumber(grid.min) })}</text>
        {here && <text y={56}>{`${a.label} ${formatNumber(here[0])}`}</text>}
        {here && <text y={70}>{`${b.label} ${formatNumber(here[1])}`}</text>}
        {here && arrow && <text y={90}>{t('plot.contour.gradient')}</text>}
        {here && arrow && (
          <text y={104} data-testid="plot.contour.gradientValue">
            {t('plot.contour.gradientValue', { a: formatNumber(arrow.grad[0]), b: formatNumber(arrow.grad[1]) })}
          </text>
        )}
        {here && !arrow && !grad && <text y={90}>{t('plot.contour.gradientHint', { backward: t('shell.run.backward') })}</text>}
      </g>
    </svg>
  );
}
