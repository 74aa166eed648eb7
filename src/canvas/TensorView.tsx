import { memo, type ReactNode } from 'react';
import { formatNumber } from '../format';
import { useT } from '../i18n/useT';
import { useSession } from '../session/useSession';
import { heatColor, heatMap, listNumbers, matrixDims, previewKind, SPARK_SIZE, sparkline } from './preview';
import { PlotScaleLabel } from './PlotScaleLabel';
import { readTensor, type TensorWhich, useTensorChanges } from './tensorWatch';
import { finiteRange, leadingNumbers, plotScale, type PlotScale, rangeTexts } from './tensorSummary';

/** Re-exported for the views that import them from here (NodeTable). */
export { readTensor, type TensorWhich } from './tensorWatch';

/** Room for a heat map, in px; cells stretch to fill it, up to CELL_MAX on a side. */
const HEAT_BOX = { width: SPARK_SIZE.width, height: 36 };
/** How many characters of leading elements fit on a node's line at the node's value font size. */
const NUMBER_CHARS = 15;
const CELL_MAX = { width: 24, height: 8 };
/** How many characters min and max share on their line at the node's value font size, so it never wraps. */
const RANGE_CHARS = 11;

/**
 * A node's value or gradient row: a number, or for a vector or matrix its shape, its first
 * elements, its min and max as numbers, and a sparkline or heat map on a fixed, labelled
 * scale (±10, then ±20 once a second Backward doubles x.grad), so a gradient reads as
 * numbers as well as a shape. It re-renders when its own numbers change (useTensorChanges),
 * so a run or a training frame re-renders these views of the nodes whose numbers moved and
 * nothing else on the node. The full numbers are in `data-value` and the title.
 */
export const TensorView = memo(function TensorView({ id, which }: { id: string; which: TensorWhich }) {
  const t = useT();
  const label = t(which === 'grad' ? 'canvas.node.grad' : 'canvas.node.value');
  useTensorChanges(id, which);
  const program = useSession((s) => s.compiled.program);
  const backwardRan = useSession((s) => s.run.backwardFrom !== null);
  const testId = `node.${id}.${which}`;
  const name = which === 'grad' ? `${id}.grad` : id;
  const tensor = readTensor(program, id, which);

  if (!program || (tensor === null && which === 'value')) {
    return (
      <Row label={label}>
        <span className="tensor tensor--none" data-testid={testId} title={t('canvas.node.notComputedTitle', { name: id })}>
          {t('canvas.node.notComputed')}
        </span>
      </Row>
    );
  }
  // Before any Backward, PyTorch's .grad is None; so is it for nodes no gradient reaches.
  if (tensor === null || (which === 'grad' && !backwardRan)) {
    return (
      <Row label={label}>
        <span className="tensor tensor--none" data-testid={testId} title={t('canvas.node.noGradTitle', { name: id })}>
          {t('canvas.node.none')}
        </span>
      </Row>
    );
  }
  const { shape, data } = tensor;
  const title = `${name} = ${listNumbers(shape, data, 32, (count) => t('canvas.node.moreValues', { count }))}`;
  const common = { 'data-testid': testId, 'data-value': listNumbers(shape, data), 'data-shape': JSON.stringify(shape), title };
  const kind = previewKind(shape);
  if (kind === 'scalar' || kind === 'empty') {
    return (
      <Row label={label}>
        {kind === 'scalar' ? (
          <span className={`tensor tensor--scalar${Number.isFinite(data[0]) ? '' : ' tensor--bad'}`} {...common}>
            {formatNumber(data[0])}
          </span>
        ) : (
          <span className="tensor tensor--none" {...common}>
            []
          </span>
        )}
      </Row>
    );
  }
  const { min, max } = finiteRange(data);
  const scale = plotScale(min, max, kind === 'matrix');
  const range = rangeTexts(min, max, RANGE_CHARS);
  return (
    <div className={`opnode__row opnode__row--many tensor--${which}`}>
      <div className="tensor__head">
        <span className="opnode__key">{label}</span>
        <span className="tensor__shape">[{shape.join('×')}]</span>
      </div>
      <div className="tensor tensor--many" {...common}>
        <div className="tensor__numbers" data-testid={`${testId}.numbers`}>
          {leadingNumbers(data, NUMBER_CHARS)}
        </div>
        <div className="tensor__range">
          <span className="tensor__rangeKey">{t('canvas.node.min')}</span>
          <span className="tensor__rangeValue" data-testid={`${testId}.min`}>
            {range.min}
          </span>
          <span className="tensor__rangeKey">{t('canvas.node.max')}</span>
          <span className="tensor__rangeValue" data-testid={`${testId}.max`}>
            {range.max}
          </span>
        </div>
        <div className="tensor__plot">
          {kind === 'vector' ? <Spark data={data} scale={scale} title={title} /> : <Heat shape={shape} data={data} bound={scale.hi} title={title} />}
          <PlotScaleLabel scale={scale} testId={`${testId}.scale`} />
        </div>
      </div>
    </div>
  );
});

/** A scalar's row: the key (value or grad) and the number beside it. */
function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="opnode__row">
      <span className="opnode__key">{label}</span>
      {children}
    </div>
  );
}

/** A vector's sparkline on its node's fixed scale, with its zero line when 0 is in range. */
function Spark({ data, scale, title }: { data: ArrayLike<number>; scale: PlotScale; title: string }) {
  const s = sparkline(data, SPARK_SIZE.width, SPARK_SIZE.height, scale);
  return (
    <svg className="tensor__spark" role="img" aria-label={title} width={SPARK_SIZE.width} height={SPARK_SIZE.height}>
      {s.zeroY !== null && <line className="tensor__zero" x1={0} x2={SPARK_SIZE.width} y1={s.zeroY} y2={s.zeroY} />}
      <path className="tensor__line" d={s.path} />
    </svg>
  );
}

/** A matrix's heat map, its colours running to full at ±bound. */
function Heat({ shape, data, bound, title }: { shape: readonly number[]; data: ArrayLike<number>; bound: number; title: string }) {
  const { rows, cols } = matrixDims(shape);
  const h = heatMap(data, rows, cols);
  const w = Math.min(CELL_MAX.width, HEAT_BOX.width / h.cols);
  const ht = Math.min(CELL_MAX.height, HEAT_BOX.height / h.rows);
  return (
    <svg className="tensor__heat" role="img" aria-label={title} width={h.cols * w} height={h.rows * ht}>
      {h.cells.map((c) => (
        <rect key={c.row * h.cols + c.col} x={c.col * w} y={c.row * ht} width={w} height={ht} fill={heatColor(c.value, bound)} />
      ))}
    </svg>
  );
}
