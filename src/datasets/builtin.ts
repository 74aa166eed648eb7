import { type Dataset, fillNormal, seededRandom } from '../../engine';

/** What a column is for when the dataset is bound to input nodes. */
export type ColumnRole = 'feature' | 'target' | 'label' | 'unused';

/** A generated dataset with the roles its columns usually take. */
export interface BuiltinDataset {
  readonly name: string;
  readonly dataset: Dataset;
  readonly roles: Readonly<Record<string, ColumnRole>>;
}

/** The names of the built-in datasets, in the order the panel lists them. */
export const BUILTIN_NAMES = ['line', 'parabola', 'blobs2', 'blobs3'] as const;

/** A built-in dataset's name. */
export type BuiltinName = (typeof BUILTIN_NAMES)[number];

/** The seed every built-in dataset uses, so a lesson shows the same points to everyone. */
const BUILTIN_SEED = 42;

function normals(n: number, std: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  fillNormal(out, 0, std, seededRandom(seed));
  return out;
}

// Rounded so the numbers read well in the preview and in exported files.
const round = (v: number) => Math.round(v * 1e4) / 1e4;

/** y = 2x + 1 + noise over x in [-2, 2]: 40 points. */
function line(): Dataset {
  const n = 40;
  const noise = normals(n, 0.3, BUILTIN_SEED);
  const rows = Array.from({ length: n }, (_, i) => {
    const x = -2 + (4 * i) / (n - 1);
    return [round(x), round(2 * x + 1 + noise[i])];
  });
  return { columns: ['x', 'y'], rows };
}

/** y = x² − 1 + noise over x in [-2, 2]: 50 points. */
function parabola(): Dataset {
  const n = 50;
  const noise = normals(n, 0.25, BUILTIN_SEED + 1);
  const rows = Array.from({ length: n }, (_, i) => {
    const x = -2 + (4 * i) / (n - 1);
    return [round(x), round(x * x - 1 + noise[i])];
  });
  return { columns: ['x', 'y'], rows };
}

/** Gaussian blobs (std 0.6) around the given centres, 30 points each, labelled 0, 1, … */
function blobs(centres: readonly (readonly [number, number])[], seed: number): Dataset {
  const per = 30;
  const noise = normals(centres.length * per * 2, 0.6, seed);
  const rows: number[][] = [];
  centres.forEach(([cx, cy], k) => {
    for (let i = 0; i < per; i++) {
      const j = (k * per + i) * 2;
      rows.push([round(cx + noise[j]), round(cy + noise[j + 1]), k]);
    }
  });
  return { columns: ['x1', 'x2', 'label'], rows };
}

/** Generates a built-in dataset; the same name always gives the same numbers. */
export function builtinDataset(name: BuiltinName): BuiltinDataset {
  switch (name) {
    case 'line':
      return { name, dataset: line(), roles: { x: 'feature', y: 'target' } };
    case 'parabola':
      return { name, dataset: parabola(), roles: { x: 'feature', y: 'target' } };
    case 'blobs2':
      return { name, dataset: blobs([[-1.5, -1], [1.5, 1]], BUILTIN_SEED + 2), roles: { x1: 'feature', x2: 'feature', label: 'target' } };
    case 'blobs3':
      return { name, dataset: blobs([[-2, -1], [2, -1], [0, 2]], BUILTIN_SEED + 3), roles: { x1: 'feature', x2: 'feature', label: 'label' } };
  }
}
