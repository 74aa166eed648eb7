import { type Dataset, permutation, seededRandom } from '../../engine';

/** How feature columns are scaled before binding. */
export type Scaling = 'none' | 'centre' | 'standardise';

/** A dataset cut into training and test rows. */
export interface Split {
  readonly train: Dataset;
  readonly test: Dataset;
}

/**
 * Splits the rows at random (seeded) into a test part of `testFraction` (rounded, at least
 * one row on each side when there are two or more rows) and a training part; each part
 * keeps the rows' original order.
 */
export function splitRows(data: Dataset, testFraction: number, seed: number): Split {
  const n = data.rows.length;
  let k = Math.round(n * Math.min(Math.max(testFraction, 0), 1));
  if (n >= 2) k = Math.min(Math.max(k, 1), n - 1);
  const order = permutation(n, seededRandom(seed));
  const isTest = new Uint8Array(n);
  for (let i = 0; i < k; i++) isTest[order[i]] = 1;
  const pick = (want: number) => data.rows.filter((_, i) => isTest[i] === want).map((r) => [...r]);
  return { train: { columns: [...data.columns], rows: pick(0) }, test: { columns: [...data.columns], rows: pick(1) } };
}

/** Per-column mean and (population) standard deviation of some rows. */
export interface ColumnStats {
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/** The mean and population standard deviation of each column, as torch's `std(unbiased=False)`. */
export function columnStats(rows: readonly (readonly number[])[], width: number): ColumnStats {
  const n = rows.length;
  const mean = Array.from({ length: width }, (_, j) => (n === 0 ? 0 : rows.reduce((s, r) => s + r[j], 0) / n));
  const std = Array.from({ length: width }, (_, j) => (n === 0 ? 0 : Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / n)));
  return { mean, std };
}

/**
 * Scales the named columns with statistics taken from `stats` (the training rows', so test
 * rows are scaled the same way): centring subtracts the mean; standardising also divides
 * by the standard deviation (a constant column is only centred).
 */
export function scaleColumns(data: Dataset, columns: readonly string[], scaling: Scaling, stats: ColumnStats): Dataset {
  if (scaling === 'none') return { columns: [...data.columns], rows: data.rows.map((r) => [...r]) };
  const which = new Set(columns);
  const rows = data.rows.map((r) =>
    r.map((v, j) => {
      if (!which.has(data.columns[j])) return v;
      const c = v - stats.mean[j];
      return scaling === 'standardise' && stats.std[j] > 0 ? c / stats.std[j] : c;
    }),
  );
  return { columns: [...data.columns], rows };
}

/** Centres the named columns on their own means. */
export function centre(data: Dataset, columns: readonly string[]): Dataset {
  return scaleColumns(data, columns, 'centre', columnStats(data.rows, data.columns.length));
}

/** Standardises the named columns to mean 0 and standard deviation 1. */
export function standardise(data: Dataset, columns: readonly string[]): Dataset {
  return scaleColumns(data, columns, 'standardise', columnStats(data.rows, data.columns.length));
}
