import type { Program } from '../../engine';

/** A node offered in the function plot's selects. */
export interface NodeOption {
  readonly id: string;
  readonly size: number;
}

/** One sample of the function plot: x, the node's value there, and the chosen gradient (null before any backward). */
export interface FunctionPoint {
  readonly x: number;
  readonly y: number;
  readonly g: number | null;
}

const size = (shape: readonly number[]) => shape.reduce((p, d) => p * d, 1);

/** Leaves holding a 1-D run of values (shape [n] or [n, 1], n > 1): what a function can be plotted against. */
export function oneDInputs(program: Program): NodeOption[] {
  return program.slots
    .filter((s) => s.isLeaf && size(s.shape) > 1 && (s.shape.length === 1 || (s.shape.length === 2 && s.shape[1] === 1)))
    .map((s) => ({ id: s.id, size: size(s.shape) }));
}

/** Nodes with one value per x (same element count), other than x itself. */
export function nodesAlong(program: Program, x: string): NodeOption[] {
  const n = size(program.slot(x).shape);
  return program.slots.filter((s) => s.id !== x && size(s.shape) === n).map((s) => ({ id: s.id, size: n }));
}

/**
 * The node to show first: one labelled or named `y`, else the last node along x (the end
 * of the chain, which is the picture a course draws).
 */
export function defaultNode(options: readonly NodeOption[], labels: Readonly<Record<string, string | undefined>>): string | undefined {
  const y = options.find((o) => o.id === 'y' || labels[o.id] === 'y');
  return (y ?? options[options.length - 1])?.id;
}

/**
 * The samples of `node` against `x`, sorted by x, with the gradient of `gradOf` (x.grad by
 * default) when `withGrad` (a backward has run). Reads the program's buffers; changes nothing.
 */
export function functionPoints(program: Program, x: string, node: string, gradOf: string, withGrad: boolean): FunctionPoint[] {
  const xs = program.value(x).data;
  const ys = program.value(node).data;
  const g = withGrad ? (program.grad(gradOf)?.data ?? null) : null;
  const pts: FunctionPoint[] = [];
  for (let i = 0; i < xs.length; i++) pts.push({ x: xs[i], y: ys[i], g: g && g.length === xs.length ? g[i] : null });
  return pts.sort((p, q) => p.x - q.x);
}
