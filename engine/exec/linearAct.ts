/**
 * `linear` and a one-input elementwise activation (square, relu, sigmoid, tanh) fused for the
 * compiled step (float64), the hidden layers of an MLP: the activation runs on each block of
 * rows right after the linear has written it, while the block is still in cache, forward and
 * backward; the gradients the pair writes need no zeroing pass of their own. Every element is
 * computed by the ops' own loops (linearRows, linearInputGradRows, the activation's
 * ElementwiseRange) from the same starting values, so the numbers are the interpreter's bit for
 * bit; only the passes over the rows are interleaved.
 */
import type { ElementwiseRange } from '../ops/types';
import { linearInputGradRows, linearRows } from '../ops/linearKernels';
import type { Program, Step } from './program';

/** Rows per block: a block of a 16-wide layer's outputs (4 KB) and its neighbours stay in the first-level cache. */
const BLOCK_ROWS = 32;

/** A linear whose output only an activation reads: both forwards, bound at compile time. */
export interface LinearActForward {
  /** The linear's input `[rows, nIn]`, weight, bias and output `[rows, nOut]`; the activation's output. */
  readonly x: Float64Array;
  readonly w: Float64Array;
  readonly b: Float64Array;
  readonly h: Float64Array;
  readonly a: Float64Array;
  readonly rows: number;
  readonly nIn: number;
  readonly nOut: number;
  readonly act: ElementwiseRange;
}

/** The linear's output and the activation's, a block of rows at a time. */
export function linearActForward(p: LinearActForward): void {
  const { x, w, b, h, a, rows, nIn, nOut, act } = p;
  for (let r = 0; r < rows; r += BLOCK_ROWS) {
    const end = Math.min(r + BLOCK_ROWS, rows);
    linearRows(x, w, b, h, r, end, nIn, nOut);
    act.forward(h, a, r * nOut, end * nOut);
  }
}

/**
 * A linear reading an activation's output that nothing else reads, whose input is an op's output
 * that nothing else reads: the linear's backward and the activation's, bound at compile time.
 * The two input gradients are intermediate (zeroed before every backward by the interpreter) and
 * written by these two steps alone, so the kernel zeroes each block just before adding into it.
 */
export interface ActLinearBackward {
  /** The linear's kernel and its arguments, with only the weight and bias gradients wanted (either may be null). */
  readonly backward: Step['backward'];
  readonly args: readonly [x: Float64Array[], y: Float64Array, gy: Float64Array, gx: (Float64Array | null)[], ctx: unknown];
  /** The linear's weight and output gradient. */
  readonly w: Float64Array;
  readonly g: Float64Array;
  /** The activation's input and output (the linear's input) `[rows, nIn]`, and their gradients. */
  readonly h: Float64Array;
  readonly a: Float64Array;
  readonly gh: Float64Array;
  readonly ga: Float64Array;
  readonly rows: number;
  readonly nIn: number;
  readonly nOut: number;
  readonly act: ElementwiseRange;
}

/** The linear's weight and bias gradients, then its input's gradient and the activation's input's, a block of rows at a time. */
export function actLinearBackward(p: ActLinearBackward): void {
  const [x, y, gy, gx, ctx] = p.args;
  if (gx[1] !== null || gx[2] !== null) p.backward(x, y, gy, gx, ctx);
  const { w, g, h, a, gh, ga, rows, nIn, nOut, act } = p;
  for (let r = 0; r < rows; r += BLOCK_ROWS) {
    const end = Math.min(r + BLOCK_ROWS, rows);
    const [from, to] = [r * nIn, end * nIn];
    ga.fill(0, from, to);
    linearInputGradRows(g, w, ga, r, end, nIn, nOut);
    gh.fill(0, from, to);
    act.backward(h, a, ga, gh, from, to);
  }
}

/** The fusions of one float64 program: forwards keyed by the linear (the activation is skipped), backwards keyed by the linear (its activation skipped). */
export interface LinearActs {
  readonly forward: Map<Step, LinearActForward>;
  /** Activations whose forward runs in their linear's. */
  readonly fusedForward: Set<Step>;
  readonly backward: Map<Step, ActLinearBackward>;
  /** Activations whose backward runs in the linear after them. */
  readonly fusedBackward: Set<Step>;
}

/** The linear's rows and feature counts. */
function linearSize(s: Step): { rows: number; nIn: number; nOut: number } {
  const [x, w, b] = s.x;
  const nOut = b.length;
  const nIn = w.length / nOut;
  return { rows: x.length / nIn, nIn, nOut };
}

/** True when a buffer is (part of) the program's intermediate-gradient arena. */
function inGradArena(program: Program, g: Float64Array | null): g is Float64Array {
  return g !== null && g.buffer === program.arenas.grads.buffer;
}

/**
 * Finds the linear → activation pairs of a float64 program, for forward (the linear's output
 * read by the activation alone) and for backward (an activation read by a linear alone, its
 * input an op's output read by it alone, both gradients intermediate). `weightGrads(linear)`
 * gives the linear's weight and bias gradients still to compute (a fused linear → mse pair
 * does some itself).
 */
export function findLinearActs(program: Program, readers: ReadonlyMap<string, number>, weightGrads: (s: Step) => (Float64Array | null)[]): LinearActs {
  const found: LinearActs = { forward: new Map(), fusedForward: new Set(), backward: new Map(), fusedBackward: new Set() };
  if (program.dtype === 'float32') return found;
  const stepOf = new Map(program.steps.map((s) => [s.slot.id, s]));
  const isLinear = (s: Step | undefined): s is Step => s !== undefined && s.op.name === 'linear' && s.x.length === 3;
  for (const act of program.steps) {
    const range = act.op.elementwise;
    const source = act.inputs[0]?.source;
    if (!range || act.x.length !== 1 || !source || readers.get(source.id) !== 1) continue;
    const linear = stepOf.get(source.id);
    if (isLinear(linear) && linear.y === act.x[0]) {
      const { rows, nIn, nOut } = linearSize(linear);
      const [x, w, b] = linear.x;
      found.forward.set(linear, { x, w, b, h: linear.y, a: act.y, rows, nIn, nOut, act: range });
      found.fusedForward.add(act);
    }
  }
  for (const linear of program.steps) {
    if (!isLinear(linear) || !linear.gy) continue;
    const source = linear.inputs[0]?.source;
    const act = source ? stepOf.get(source.id) : undefined;
    const range = act?.op.elementwise;
    const hSource = act?.inputs[0]?.source;
    if (!act || !range || !source || readers.get(source.id) !== 1 || !hSource || hSource.isLeaf || readers.get(hSource.id) !== 1) continue;
    const [ga, gh] = [linear.gx[0], act.gx[0]];
    if (!inGradArena(program, ga) || !inGradArena(program, gh) || act.gy !== ga || act.x.length !== 1 || act.y !== linear.x[0]) continue;
    const { rows, nIn, nOut } = linearSize(linear);
    const [, gw, gb] = weightGrads(linear);
    found.backward.set(linear, {
      backward: linear.backward,
      args: [linear.x, linear.y, linear.gy, [null, gw, gb], linear.ctx],
      w: linear.x[1],
      g: linear.gy,
      h: act.x[0],
      a: act.y,
      gh,
      ga,
      rows,
      nIn,
      nOut,
      act: range,
    });
    found.fusedBackward.add(act);
  }
  return found;
}
