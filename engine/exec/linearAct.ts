/**
 * `linear` and a one-input elementwise activation (square, relu, sigmoid, tanh) fused for the
 * compiled step (float64), the hidden layers of an MLP. Forward, the activation runs on each
 * block of rows right after the linear has written it, while the block is still in cache.
 * Backward, the linear's input gradient and the activation's input gradient are made in one
 * pass, the activation applied to each sum as it leaves the registers, both written whole (the
 * interpreter adds them into zeroed buffers: `0 + …` here, which is the same number), so the
 * training step need not zero them. Every sum adds the same terms in the same order as the
 * ops' kernels (ops/linearKernels.ts, the activation's ElementwiseCode), so the numbers are the
 * interpreter's bit for bit.
 */
import type { ElementwiseCode } from '../ops/types';
import { linearBiasGrad, linearRows, linearWeightGrad } from '../ops/linearKernels';
import type { Program, Step } from './program';

/** Rows per block: a block of a 16-wide layer's outputs (4 KB) stays in the first-level cache. */
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
  readonly act: ElementwiseCode;
}

/** The linear's output and the activation's, a block of rows at a time. */
export function linearActForward(p: LinearActForward): void {
  const { x, w, b, h, a, rows, nIn, nOut, act } = p;
  for (let r = 0; r < rows; r += BLOCK_ROWS) {
    const end = Math.min(r + BLOCK_ROWS, rows);
    linearRows(x, w, b, h, r, end, nIn, nOut);
    for (let i = r * nOut; i < end * nOut; i++) a[i] = act.value(h[i]);
  }
}

/**
 * A linear reading an activation's output that nothing else reads, whose input is an op's output
 * that nothing else reads: the linear's backward and the activation's, bound at compile time.
 */
export interface ActLinearBackward {
  /** The linear's weight and output gradient, and the weight and bias gradients still to make (null: none, or made elsewhere). */
  readonly w: Float64Array;
  readonly g: Float64Array;
  readonly gw: Float64Array | null;
  readonly gb: Float64Array | null;
  /** The activation's output (the linear's input) `[rows, nIn]`, what its gradient reads (its input or output, as `act.gradFrom` says), and both its gradients. */
  readonly a: Float64Array;
  readonly v: Float64Array;
  readonly gh: Float64Array;
  readonly ga: Float64Array;
  readonly rows: number;
  readonly nIn: number;
  readonly nOut: number;
  readonly act: ElementwiseCode;
}

/**
 * ga = 0 + G W (each sum over outputs in order, as linearInputGradRows from a zeroed buffer) and
 * gh = 0 + act.grad(v, ga), two rows by four inputs at a time.
 */
function inputGrads(p: ActLinearBackward): void {
  const { w, g, v, gh, ga, rows, nIn, nOut, act } = p;
  const n4 = nIn - (nIn & 3);
  for (let r = 0; r < rows; r += 2) {
    // With an odd row count the last pair is one row twice: the same numbers are written twice.
    const xa = r * nIn;
    const xb = r + 1 < rows ? xa + nIn : xa;
    const gA = r * nOut;
    const gB = r + 1 < rows ? gA + nOut : gA;
    let i = 0;
    for (; i < n4; i += 4) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let c0 = 0;
      let c1 = 0;
      let c2 = 0;
      let c3 = 0;
      for (let o = 0, wo = i; o < nOut; o++, wo += nIn) {
        const k = g[gA + o];
        const m = g[gB + o];
        const w0 = w[wo];
        const w1 = w[wo + 1];
        const w2 = w[wo + 2];
        const w3 = w[wo + 3];
        a0 += k * w0;
        a1 += k * w1;
        a2 += k * w2;
        a3 += k * w3;
        c0 += m * w0;
        c1 += m * w1;
        c2 += m * w2;
        c3 += m * w3;
      }
      const j = xa + i;
      ga[j] = a0;
      ga[j + 1] = a1;
      ga[j + 2] = a2;
      ga[j + 3] = a3;
      gh[j] = 0 + act.grad(v[j], a0);
      gh[j + 1] = 0 + act.grad(v[j + 1], a1);
      gh[j + 2] = 0 + act.grad(v[j + 2], a2);
      gh[j + 3] = 0 + act.grad(v[j + 3], a3);
      const k = xb + i;
      ga[k] = c0;
      ga[k + 1] = c1;
      ga[k + 2] = c2;
      ga[k + 3] = c3;
      gh[k] = 0 + act.grad(v[k], c0);
      gh[k + 1] = 0 + act.grad(v[k + 1], c1);
      gh[k + 2] = 0 + act.grad(v[k + 2], c2);
      gh[k + 3] = 0 + act.grad(v[k + 3], c3);
    }
    for (; i < nIn; i++) {
      let s = 0;
      let t = 0;
      for (let o = 0, wo = i; o < nOut; o++, wo += nIn) {
        s += g[gA + o] * w[wo];
        t += g[gB + o] * w[wo];
      }
      ga[xa + i] = s;
      gh[xa + i] = 0 + act.grad(v[xa + i], s);
      ga[xb + i] = t;
      gh[xb + i] = 0 + act.grad(v[xb + i], t);
    }
  }
}

/** The linear's weight and bias gradients, then its input's gradient and the activation's input's in one pass. */
export function actLinearBackward(p: ActLinearBackward): void {
  const { g, a, gw, gb, rows, nIn, nOut } = p;
  if (gb) linearBiasGrad(g, gb, rows, nOut);
  if (gw) linearWeightGrad(g, a, gw, rows, nIn, nOut);
  inputGrads(p);
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
    const code = act.op.elementwise;
    const source = act.inputs[0]?.source;
    if (!code || act.x.length !== 1 || !source || readers.get(source.id) !== 1) continue;
    const linear = stepOf.get(source.id);
    if (isLinear(linear) && linear.y === act.x[0]) {
      const { rows, nIn, nOut } = linearSize(linear);
      const [x, w, b] = linear.x;
      found.forward.set(linear, { x, w, b, h: linear.y, a: act.y, rows, nIn, nOut, act: code });
      found.fusedForward.add(act);
    }
  }
  for (const linear of program.steps) {
    if (!isLinear(linear) || !linear.gy) continue;
    const source = linear.inputs[0]?.source;
    const act = source ? stepOf.get(source.id) : undefined;
    const code = act?.op.elementwise;
    const hSource = act?.inputs[0]?.source;
    if (!act || !code || !source || readers.get(source.id) !== 1 || !hSource || hSource.isLeaf || readers.get(hSource.id) !== 1) continue;
    const [ga, gh] = [linear.gx[0], act.gx[0]];
    if (!inGradArena(program, ga) || !inGradArena(program, gh) || act.gy !== ga || act.x.length !== 1 || act.y !== linear.x[0]) continue;
    const { rows, nIn, nOut } = linearSize(linear);
    const [, gw, gb] = weightGrads(linear);
    found.backward.set(linear, {
      w: linear.x[1],
      g: linear.gy,
      gw,
      gb,
      a: act.y,
      v: code.gradFrom === 'input' ? act.x[0] : act.y,
      gh,
      ga,
      rows,
      nIn,
      nOut,
      act: code,
    });
    found.fusedBackward.add(act);
  }
  return found;
}
