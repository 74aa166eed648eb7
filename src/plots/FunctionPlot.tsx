import { useMemo, useState } from 'react';
import { line } from 'd3-shape';
import { useT } from '../i18n/useT';
import { useSession } from '../session/useSession';
import { Axes, COLORS, Legend } from './Axes';
import { DotPath } from './Dots';
import { defaultNode, functionPoints, nodesAlong, oneDInputs } from './functionSeries';
import { frame, xScale, yScale } from './scales';
import { selectRunVersion } from './selectors';
import { useSessionFrame } from './useSessionFrame';

/** Any node against a 1-D input, with a gradient on the same axes: the `y` and `x.grad` picture. */
export function FunctionPlot({ width, height }: { width: number; height: number }) {
  const t = useT();
  const program = useSession((s) => s.compiled.program);
  // Redrawn at most once per animation frame while a run moves the model.
  const version = useSessionFrame(selectRunVersion);
  const backwardRan = useSession((s) => s.run.backwardFrom !== null);
  const nodes = useSession((s) => s.history.present.nodes);
  const labels = useMemo(() => Object.fromEntries(nodes.map((n) => [n.id, n.label])), [nodes]);
  const inputs = useMemo(() => (program ? oneDInputs(program) : []), [program]);
  const [xPick, setX] = useState<string | null>(null);
  const [nodePick, setNode] = useState<string | null>(null);
  const [gradPick, setGrad] = useState<string | null>(null);
  const xId = inputs.find((o) => o.id === xPick)?.id ?? inputs[0]?.id;
  const along = useMemo(() => (program && xId ? nodesAlong(program, xId) : []), [program, xId]);
  const nodeId = along.find((o) => o.id === nodePick)?.id ?? defaultNode(along, labels);
  const gradChoices = useMemo(() => (xId ? [{ id: xId }, ...along] : []).filter((o) => program?.slot(o.id).grad), [program, xId, along]);
  const gradId = gradChoices.find((o) => o.id === gradPick)?.id ?? gradChoices[0]?.id;
  const pts = useMemo(
    () => (program && xId && nodeId ? functionPoints(program, xId, nodeId, gradId ?? xId, backwardRan && gradId !== undefined) : []),
    // version: the buffers are read in place after every run.
    [program, xId, nodeId, gradId, backwardRan, version],
  );
  const name = (id: string) => labels[id] ?? id;
  if (!program || !xId) return <p className="plot__empty" data-testid="plot.function.empty">{t('plot.function.noInput')}</p>;
  const f = frame(width, height - 28);
  const withGrad = pts.some((p) => p.g !== null);
  const x = xScale(pts.map((p) => p.x), f, 0.02);
  const y = yScale([...pts.map((p) => p.y), ...(withGrad ? pts.map((p) => p.g as number) : [])], f);
  const valueLine = line<{ x: number; y: number }>()
    .defined((p) => Number.isFinite(p.y))
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const gradPts = pts.map((p) => ({ x: p.x, y: p.g ?? NaN }));
  const select = (testId: string, label: string, value: string | undefined, options: readonly { id: string }[], set: (v: string) => void) => (
    <label>
      {label}{' '}
      <select data-testid={testId} value={value ?? ''} onChange={(e) => set(e.target.value)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {name(o.id)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="plot">
      <div className="plot__controls">
        {select('plot.function.x', t('plot.function.x'), xId, inputs, setX)}
        {select('plot.function.node', t('plot.function.node'), nodeId, along, setNode)}
        {select('plot.function.grad', t('plot.function.grad'), gradId, gradChoices, setGrad)}
        {!withGrad && <span className="plot__note">{t('plot.function.noGrad')}</span>}
      </div>
      <svg data-testid="plot.function" data-plot="function" width={f.width} height={f.height} role="img" aria-label={t('plot.function')}>
        <Axes f={f} x={x} y={y} xLabel={name(xId)} yLabel="" />
        {nodeId && (
          <>
            <path data-testid="plot.function.value" data-points={pts.length} d={valueLine(pts) ?? ''} fill="none" stroke={COLORS[0]} strokeWidth={2} />
            <DotPath cx={pts.map((p) => x(p.x))} cy={pts.map((p) => y(p.y))} r={2.5} fill={COLORS[0]} />
          </>
        )}
        {withGrad && gradId && (
          <path data-testid="plot.function.gradient" data-points={gradPts.filter((p) => Number.isFinite(p.y)).length} d={valueLine(gradPts) ?? ''} fill="none" stroke={COLORS[1]} strokeWidth={2} strokeDasharray="5 3" />
        )}
        <Legend
          f={f}
          items={[
            ...(nodeId ? [{ label: name(nodeId), color: COLORS[0] }] : []),
            ...(withGrad && gradId ? [{ label: `${name(gradId)}.grad`, color: COLORS[1], dashed: true }] : []),
          ]}
        />
      </svg>
    </div>
  );
}
