import { checkLeafShape, type LeafContext, type LeafDef, LeafError } from './leafTypes';
import type { Dataset, GraphNode, LeafValue } from '../graph/types';
import { formatCount, MAX_TENSOR_ELEMENTS } from '../limits';
import { formatShape, type Shape, sizeOf } from '../tensor/shape';
import { arange, arangeLength, tensor, type Tensor } from '../tensor/tensor';

/** Column positions of each dataset, built once per dataset so binding many columns stays linear. */
const columnIndexes = new WeakMap<Dataset, Map<string, number>>();

function columnIndex(ds: Dataset): Map<string, number> {
  let index = columnIndexes.get(ds);
  if (!index) {
    index = new Map();
    ds.columns.forEach((c, j) => {
      if (!index?.has(c)) index?.set(c, j);
    });
    columnIndexes.set(ds, index);
  }
  return index;
}

/** The dataset, column positions and row count a `columns` value reads, checked. */
function resolveColumns(value: Extract<LeafValue, { type: 'columns' }>, ctx: LeafContext) {
  // Own entries only: a dataset named `toString` or `constructor` is a name like any other.
  const ds = Object.hasOwn(ctx.datasets, value.dataset) ? ctx.datasets[value.dataset] : undefined;
  if (!ds || !Array.isArray(ds.columns) || !Array.isArray(ds.rows)) throw new LeafError('dataset_not_loaded', { dataset: value.dataset }, 'value');
  if (value.columns.length === 0) throw new LeafError('no_columns', {}, 'value');
  const index = columnIndex(ds);
  const cols = value.columns.map((c) => {
    const j = index.get(c);
    if (j === undefined) throw new LeafError('no_such_column', { dataset: value.dataset, column: c }, 'value');
    return j;
  });
  if (value.vector && cols.length !== 1) throw new LeafError('vector_one_column', {}, 'value');
  const batch = ctx.batchRows;
  const rows = batch !== undefined && Number.isInteger(batch) && batch >= 0 ? Math.min(batch, ds.rows.length) : ds.rows.length;
  const shape = value.vector ? [rows] : [rows, cols.length];
  if (rows * cols.length > MAX_TENSOR_ELEMENTS) {
    throw new LeafError(
      'columns_too_large',
      { rows: formatCount(rows), columns: formatCount(cols.length), count: formatCount(rows * cols.length), limit: formatCount(MAX_TENSOR_ELEMENTS) },
      'value',
      true,
    );
  }
  return { ds, cols, rows, shape };
}

/** The shape a leaf value describes, checked against the limits before anything is allocated. */
export function leafValueShape(value: LeafValue | undefined, ctx: LeafContext): Shape {
  if (!value) throw new LeafError('no_value', {}, 'value');
  switch (value.type) {
    case 'tensor': {
      const shape = checkLeafShape(value.shape, 'value', 'tensor');
      const n = sizeOf(shape);
      const got = Array.isArray(value.data) ? value.data.length : 0;
      if (got !== n) throw new LeafError('value_count', { shape: formatShape(shape), count: formatCount(n), got: formatCount(got) }, 'value');
      return shape;
    }
    case 'arange': {
      const { start, end, step } = value;
      const n = arangeLength(start, end, step);
      // The length comes from start, end and step alone, so a huge range is refused before any allocation.
      if (n < 0) throw new LeafError('arange_empty', { start, end, step }, 'value');
      if (n > MAX_TENSOR_ELEMENTS) {
        throw new LeafError('arange_too_large', { start, end, step, count: formatCount(n), limit: formatCount(MAX_TENSOR_ELEMENTS) }, 'value', true);
      }
      return [n];
    }
    case 'columns':
      return resolveColumns(value, ctx).shape;
    default:
      throw new LeafError('unknown_value_type', {}, 'value');
  }
}

/** Builds the tensor a leaf value describes, after checking its shape; shared by `input` and `constant`. */
export function leafTensor(value: LeafValue | undefined, ctx: LeafContext): Tensor {
  leafValueShape(value, ctx);
  const v = value as LeafValue;
  switch (v.type) {
    case 'tensor':
      return tensor(v.shape, v.data);
    case 'arange':
      return arange(v.start, v.end, v.step);
    case 'columns': {
      const { ds, cols, rows, shape } = resolveColumns(v, ctx);
      const data = new Float64Array(rows * cols.length);
      for (let r = 0; r < rows; r++) {
        const row = ds.rows[r];
        for (let c = 0; c < cols.length; c++) data[r * cols.length + c] = row[cols[c]];
      }
      return { shape, data };
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
  start: { value: { type: 'tensor', shape: [], data: [0] } },
  shape: (node: GraphNode, ctx: LeafContext) => leafValueShape(node.value, ctx),
  value: (node: GraphNode, ctx: LeafContext) => leafTensor(node.value, ctx),
  requiresGrad: (node: GraphNode) => node.requiresGrad === true,
};
