import type { LeafDef, LeafContext } from './leafTypes';
import type { GraphNode, LeafValue } from '../graph/types';
import { arange, tensor, type Tensor } from '../tensor/tensor';
import { checkRank } from '../tensor/shape';

/** Builds the tensor a leaf value describes; shared by `input` and `constant`. */
export function leafTensor(value: LeafValue | undefined, ctx: LeafContext): Tensor {
  if (!value) throw new Error('has no value');
  switch (value.type) {
    case 'tensor': {
      const t = tensor(value.shape, value.data);
      checkRank(t.shape);
      return t;
    }
    case 'arange':
      return arange(value.start, value.end, value.step);
    case 'columns': {
      const ds = ctx.datasets[value.dataset];
      if (!ds) throw new Error(`dataset '${value.dataset}' is not loaded`);
      if (value.columns.length === 0) throw new Error('is bound to no columns');
      const cols = value.columns.map((c) => {
        const j = ds.columns.indexOf(c);
        if (j < 0) throw new Error(`dataset '${value.dataset}' has no column '${c}'`);
        return j;
      });
      if (value.vector && cols.length !== 1) throw new Error('a vector input must be bound to exactly one column');
      const rows = Math.min(ctx.batchRows ?? ds.rows.length, ds.rows.length);
      const data = new Float64Array(rows * cols.length);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols.length; c++) data[r * cols.length + c] = ds.rows[r][cols[c]];
      }
      return { shape: value.vector ? [rows] : [rows, cols.length], data };
    }
  }
}

/** `input`: a literal tensor, a range, or dataset columns; `requiresGrad` off by default. */
export const input: LeafDef = {
  kind: 'leaf',
  name: 'input',
  group: 'data',
  formula: 'x',
  trainable: false,
  value: (node: GraphNode, ctx: LeafContext) => leafTensor(node.value, ctx),
  requiresGrad: (node: GraphNode) => node.requiresGrad === true,
};
