import { memo } from 'react';
import type { Program, Tensor } from '../../engine';
import { formatNumber } from '../format';
import { useT } from '../i18n/useT';
import { useSession } from '../session/useSession';
import { heatColor, heatMap, listNumbers, matrixDims, previewKind, SPARK_SIZE, sparkline } from './preview';
import { previewText } from './stepLabels';

/** Which of a node's tensors to draw. */
export type TensorWhich = 'value' | 'grad';

/** Room for a heat map, in px; cells stretch to fill it, up to CELL_MAX on a side. */
const HEAT_BOX = { width: SPARK_SIZE.width, height: 36 };
const CELL_MAX = { width: 24, height: 8 };

/**
 * A node's value or gradient, drawn small: a number, or a sparkline or heat map with its
 * first numbers beneath (`[17] -8, -7.5, -7, …`), so a gradient reads as numbers as well as
 * a shape. It reads the session's program after every run (it subscribes to `version`), so
 * a run re-renders these views and nothing else on the node. The full numbers are in
 * `data-value` and the title.
 */
export const TensorView = memo(function TensorView({ id, which }: { id: string; which: TensorWhich }) {
  const t = useT();
  useSession((s) => s.run.version);
  const program = useSession((s) => s.compiled.program);
  const backwardRan = useSession((s) => s.run.backwardFrom !== null);
  const testId = `node.${id}.${which}`;
  const name = which === 'grad' ? `${id}.grad` : id;
  const tensor = read(program, id, which);

  if (!program || (tensor === null && which === 'value')) {
    return (
      <span className="tensor tensor--none" data-testid={testId} title={t('canvas.node.notComputedTitle', { name: id })}>
        {t('canvas.node.notComputed')}
      </span>
    );
  }
  // Before any Backward, PyTorch's .grad is None; so is it for nodes no gradient reaches.
  if (tensor === null || (which === 'grad' && !backwardRan)) {
    return (
      <span className="tensor tensor--none" data-testid={testId} title={t('canvas.node.noGradTitle', { name: id })}>
        {t('canvas.node.none')}
      </span>
    );
  }
  const { shape, data } = tensor;
  const title = `${name} = ${listNumbers(shape, data, 32)}`;
  const common = { 'data-testid': testId, 'data-value': listNumbers(shape, data), 'data-shape': JSON.stringify(shape), title };
  switch (previewKind(shape)) {
    case 'scalar':
      return (
        <span className={`tensor tensor--scalar${Number.isFinite(data[0]) ? '' : ' tensor--bad'}`} {...common}>
          {formatNumber(data[0])}
        </span>
      );
    case 'empty':
      return (
        <span className="tensor tensor--none" {...common}>
          []
        </span>
      );
    case 'vector': {
      const s = sparkline(data);
      return (
        <span className={`tensor tensor--many tensor--${which}`} {...common}>
          <svg className="tensor__spark" role="img" aria-label={title} width={SPARK_SIZE.width} height={SPARK_SIZE.height}>
            {s.zeroY !== null && <line className="tensor__zero" x1={0} x2={SPARK_SIZE.width} y1={s.zeroY} y2={s.zeroY} />}
            <path className="tensor__line" d={s.path} />
          </svg>
          <span className="tensor__numbers" aria-hidden="true">
            {previewText(shape, data)}
          </span>
        </span>
      );
    }
    case 'matrix': {
      const { rows, cols } = matrixDims(shape);
      const h = heatMap(data, rows, cols);
      const w = Math.min(CELL_MAX.width, HEAT_BOX.width / h.cols);
      const ht = Math.min(CELL_MAX.height, HEAT_BOX.height / h.rows);
      return (
        <span className={`tensor tensor--many tensor--${which}`} {...common}>
          <svg className="tensor__heat" role="img" aria-label={title} width={h.cols * w} height={h.rows * ht}>
            {h.cells.map((c) => (
              <rect key={c.row * h.cols + c.col} x={c.col * w} y={c.row * ht} width={w} height={ht} fill={heatColor(c.value, h.maxAbs)} />
            ))}
          </svg>
          <span className="tensor__numbers" aria-hidden="true">
            {previewText(shape, data)}
          </span>
        </span>
      );
    }
  }
});

function read(program: Program | null, id: string, which: TensorWhich): Tensor | null {
  if (!program) return null;
  try {
    return which === 'value' ? program.value(id) : program.grad(id);
  } catch {
    // The node is not in the compiled program (it has a problem).
    return null;
  }
}
