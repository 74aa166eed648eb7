import { memo } from 'react';
import type { Program, Tensor } from '../../engine';
import { formatNumber } from '../format';
import { useT } from '../i18n/useT';
import { useRun } from '../store';
import { heatColor, heatMap, listNumbers, matrixDims, previewKind, SPARK_SIZE, sparkline } from './preview';

/** Which of a node's tensors to draw. */
export type TensorWhich = 'value' | 'grad';

/** Room for a heat map, in px; cells stretch to fill it, up to CELL_MAX on a side. */
const HEAT_BOX = { width: SPARK_SIZE.width, height: 36 };
const CELL_MAX = { width: 24, height: 8 };

/**
 * A node's value or gradient, drawn small: a number, a sparkline or a heat map. It reads the
 * live program after every run (it subscribes to `version`), so a run re-renders these views
 * and nothing else on the node. The full numbers are in `data-value` and the title.
 */
export const TensorView = memo(function TensorView({ id, which }: { id: string; which: TensorWhich }) {
  const t = useT();
  useRun((s) => s.version);
  const program = useRun((s) => s.program);
  const backwardRan = useRun((s) => s.backwardFrom !== null);
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
        <svg className={`tensor tensor--spark tensor--${which}`} role="img" aria-label={title} width={SPARK_SIZE.width} height={SPARK_SIZE.height} {...common}>
          {s.zeroY !== null && <line className="tensor__zero" x1={0} x2={SPARK_SIZE.width} y1={s.zeroY} y2={s.zeroY} />}
          <path className="tensor__line" d={s.path} />
        </svg>
      );
    }
    case 'matrix': {
      const { rows, cols } = matrixDims(shape);
      const h = heatMap(data, rows, cols);
      const w = Math.min(CELL_MAX.width, HEAT_BOX.width / h.cols);
      const ht = Math.min(CELL_MAX.height, HEAT_BOX.height / h.rows);
      return (
        <svg className="tensor tensor--heat" role="img" aria-label={title} width={h.cols * w} height={h.rows * ht} {...common}>
          {h.cells.map((c) => (
            <rect key={c.row * h.cols + c.col} x={c.col * w} y={c.row * ht} width={w} height={ht} fill={heatColor(c.value, h.maxAbs)} />
          ))}
        </svg>
      );
    }
  }
});

function read(program: Program | null, id: string, which: TensorWhich): Tensor | null {
  if (!program) return null;
  try {
    return which === 'value' ? program.value(id) : program.grad(id);
  } catch {
    // The node is not in the compiled program yet (the store recompiles right after an edit).
    return null;
  }
}
