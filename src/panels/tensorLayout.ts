/** How a tensor is laid out as a table: a vector as one column, a matrix as itself, higher ranks as rows of the last axis. */
export interface TableShape {
  readonly rows: number;
  readonly cols: number;
}

/** The table a tensor of this shape is shown in; a vector runs down the page because the sidebar is narrow. */
export function tableShape(shape: readonly number[]): TableShape {
  if (shape.length === 0) return { rows: 1, cols: 1 };
  if (shape.length === 1) return { rows: shape[0], cols: 1 };
  const cols = shape[shape.length - 1];
  const rows = shape.slice(0, -1).reduce((p, d) => p * d, 1);
  return { rows, cols };
}

/** The index of a flat (row-major) position, as PyTorch prints it: `[1, 2]`; empty for a scalar. */
export function indexText(shape: readonly number[], flat: number): string {
  if (shape.length === 0) return '';
  const idx: number[] = new Array(shape.length);
  let rest = flat;
  for (let a = shape.length - 1; a >= 0; a--) {
    const d = shape[a] || 1;
    idx[a] = rest % d;
    rest = Math.floor(rest / d);
  }
  return `[${idx.join(', ')}]`;
}

/** The label of table row `r`: the index of its leading axes (`0`, or `[1, 0]` for rank 3). */
export function rowLabel(shape: readonly number[], r: number): string {
  if (shape.length <= 2) return String(r);
  return indexText(shape.slice(0, -1), r);
}
