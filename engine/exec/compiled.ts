import type { AnyOpDef } from '../ops/types';
import type { Program, Step } from './program';
import { assertSafeSource } from './safeSource';
import { zeroBuffers } from '../tensor/zero';
import { type LinearMseBuffers, linearMseBackward, linearMseForward, linearMseForwardRoot } from './linearMse';
import { MAX_SOURCE_FEATURES, writeFeaturesRoot, writeOneFeatureRoot } from './linearMseSource';
import type { LossCtx } from '../ops/loss';
import { chainBackward, chainForward, FORM_CODES, type ScalarChain } from './scalarChain';
import { actLinearBackward, findLinearActs, type LinearActs, linearActForward } from './linearAct';

/** Links from which a run of scalar steps runs as one chain loop rather than as straight-line code. */
const MIN_CHAIN = 4;

/** Kernel calls from which a run of them goes through one loop (as the interpreter does) rather than a call site each: long runs would make megabytes of code. */
const MIN_LOOP = 16;

/** Runs steps' forward kernels in order (a long run of kernel calls in a generated function). */
function forwardLoop(steps: readonly Step[]): void {
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    s.forward(s.x, s.y, s.ctx);
  }
}

/** Runs steps' backward kernels in the order given (already last step first). */
function backwardLoop(steps: readonly Step[]): void {
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    s.backward(s.x, s.y, s.gy as Float64Array, s.gx, s.ctx);
  }
}

/** Kernel calls waiting to be written: one call site each when few, one loop when many. */
class KernelRun {
  private steps: Step[] = [];

  constructor(
    private readonly w: Writer,
    private readonly call: (s: Step) => string,
    private readonly loop: (steps: readonly Step[]) => void,
  ) {}

  add(s: Step): void {
    this.steps.push(s);
  }

  /** Writes the waiting calls. */
  flush(): void {
    if (this.steps.length >= MIN_LOOP) this.w.line(`${this.w.bind(this.loop)}(${this.w.bind(this.steps)});`);
    else for (const s of this.steps) this.w.line(this.call(s));
    this.steps = [];
  }
}

/** Statements per generated function: V8 optimises a function only up to a bytecode size. */
const STATEMENTS_PER_FUNCTION = 500;

/** One generated function, bound to its table of buffers and kernels. */
type Part = () => void;

/** A generated function: given its table, the value and gradient arenas and the constants, it returns the step's part. */
type Generated = (T: readonly unknown[], V: Float64Array, G: Float64Array, K: Float64Array) => Part;

/**
 * Writes a program's steps as JavaScript source. Elements of the value and gradient arenas are
 * `V[i]` and `G[i]`; every other buffer, kernel and context sits in the function's table `T` and
 * is read into a local `tN` once; constants are `K[i]`. The source is made of those names,
 * numbers and operators alone (safeSource.ts checks it before it is compiled).
 */
class Writer {
  private lines: string[] = [];
  private table: unknown[] = [];
  private tableIndex = new Map<unknown, number>();
  private readonly parts: { source: string; table: unknown[] }[] = [];

  constructor(
    private readonly values: Float64Array,
    private readonly grads: Float64Array,
    private readonly consts: number[],
  ) {}

  /** The local holding `thing` in the current function. */
  bind(thing: unknown): string {
    let i = this.tableIndex.get(thing);
    if (i === undefined) {
      i = this.table.length;
      this.table.push(thing);
      this.tableIndex.set(thing, i);
    }
    return `t${i}`;
  }

  /** The reference of element `i` of a buffer. */
  ref(buffer: Float64Array, i = 0): string {
    return this.at(buffer, i);
  }

  /** The reference of element `index` of a buffer: a number, or source such as a loop's `r`. */
  at(buffer: Float64Array, index: number | string): string {
    const { name, offset } = this.array(buffer);
    if (typeof index === 'number') return `${name}[${offset + index}]`;
    return offset === 0 ? `${name}[${index}]` : `${name}[${offset} + ${index}]`;
  }

  /** The array a buffer's elements are read from (an arena, `V` or `G`, or the buffer itself) and where the buffer starts in it. */
  array(buffer: Float64Array): { name: string; offset: number } {
    if (buffer.buffer === this.values.buffer) return { name: 'V', offset: buffer.byteOffset / 8 };
    if (buffer.buffer === this.grads.buffer) return { name: 'G', offset: buffer.byteOffset / 8 };
    return { name: this.bind(buffer), offset: 0 };
  }

  /** The reference of a constant (a number from the graph is held in K, never written into the source). */
  readonly constant = (n: number): string => {
    this.consts.push(n);
    return `K[${this.consts.length - 1}]`;
  };

  /** Appends one statement, starting a new function when the current one is full. */
  line(statement: string): void {
    this.lines.push(statement);
    if (this.lines.length >= STATEMENTS_PER_FUNCTION) this.close();
  }

  /** Ends the current function. */
  close(): void {
    if (this.lines.length === 0) return;
    // The function returns a closure over its table's entries as constants, which V8 can then
    // compile for these very buffers and kernels (and inline the kernels).
    const locals = this.table.map((_, i) => `t${i} = T[${i}]`);
    const head = locals.length > 0 ? `const ${locals.join(', ')};\n` : '';
    this.parts.push({ source: `${head}return () => {\n${this.lines.join('\n')}\n};`, table: this.table });
    this.lines = [];
    this.table = [];
    this.tableIndex = new Map();
  }

  /** The written functions, each checked by the source gate and compiled once. */
  finish(K: Float64Array): Part[] {
    this.close();
    const { values: V, grads: G } = this;
    return this.parts.map(({ source, table }) => {
      assertSafeSource(source);
      return (new Function('T', 'V', 'G', 'K', source) as Generated)(table, V, G, K);
    });
  }

  /** The source of every function written so far (for tests of the gate). */
  sources(): string[] {
    this.close();
    return this.parts.map((p) => p.source);
  }
}

/** True when a step runs as one element of straight-line code: float64, an op with scalar code, one element in and out. */
function isScalarStep(s: Step, float32: boolean): boolean {
  return !float32 && s.op.scalar !== undefined && s.y.length === 1 && s.params.length === 0 && s.x.every((b) => b.length === 1);
}

/** A scalar step's input references: an unconnected port's constant (`add`'s c) is a constant like any other. */
function scalarInputs(w: Writer, s: Step): string[] {
  return s.x.map((b, i) => (i < s.inputs.length && s.inputs[i].source === null ? w.constant(b[0]) : w.ref(b)));
}

/** A linear with one output read only by an mse against data, fused in one kernel. */
interface Pair {
  readonly linear: Step;
  readonly mse: Step;
  readonly buffers: LinearMseBuffers;
  /** The linear's backward for what the fused kernel leaves: the input's gradient, and the weight's when it has more than one column. */
  readonly rest: (Float64Array | null)[];
}

/** How many step inputs read each node. */
function readerCounts(program: Program): Map<string, number> {
  const readers = new Map<string, number>();
  for (const s of program.steps) for (const inp of s.inputs) if (inp.source) readers.set(inp.source.id, (readers.get(inp.source.id) ?? 0) + 1);
  return readers;
}

/** The linear → mse pairs of a float64 program, keyed by both steps. */
function findPairs(program: Program, readers: ReadonlyMap<string, number>): Map<Step, Pair> {
  const pairs = new Map<Step, Pair>();
  if (program.dtype === 'float32') return pairs;
  const stepOf = new Map(program.steps.map((s) => [s.slot.id, s]));
  for (const mse of program.steps) {
    if (mse.op.name !== 'mse') continue;
    const source = mse.inputs[0].source;
    const linear = source ? stepOf.get(source.id) : undefined;
    if (!linear || linear.op.name !== 'linear' || readers.get(linear.slot.id) !== 1) continue;
    const [x, w, b] = linear.x;
    const nIn = w.length;
    if (b.length !== 1 || mse.gx[1] !== null || !mse.gy || !linear.gy) continue;
    const [, gw, gb] = linear.gx;
    if (!gw || !gb) continue;
    const buffers: LinearMseBuffers = {
      x,
      w,
      b,
      y: linear.y,
      t: mse.x[1],
      loss: mse.y,
      gLoss: mse.gy,
      gy: linear.gy,
      gw,
      gb,
      rows: x.length / nIn,
      nIn,
      divisor: (mse.ctx as LossCtx).divisor,
      sums: new Float64Array(2),
    };
    const pair: Pair = { linear, mse, buffers, rest: [linear.gx[0], nIn === 1 ? null : gw, null] };
    pairs.set(linear, pair);
    pairs.set(mse, pair);
  }
  return pairs;
}

/** True when the root pair's generated pass makes the weight gradient too, leaving nothing of the linear's backward (its input needs no gradient). */
function weightsInForward(pair: Pair, root: Step | undefined): boolean {
  return pair.mse === root && pair.buffers.nIn > 1 && pair.buffers.nIn <= MAX_SOURCE_FEATURES && pair.rest[0] === null;
}

/** True when a step can be a link of a scalar chain: scalar code with a chain form, every input but the first a constant. */
function isLink(s: Step, float32: boolean): boolean {
  return isScalarStep(s, float32) && s.op.scalar?.chain !== undefined && s.inputs.every((inp, i) => i === 0 || inp.source === null);
}

/** True when `b` is `a`'s next element in the same buffer. */
function nextTo(a: Float64Array | null, b: Float64Array | null): boolean {
  return a !== null && b !== null && a.buffer === b.buffer && b.byteOffset === a.byteOffset + 8;
}

/**
 * The scalar chain starting at `steps[at]`, or null when fewer than MIN_CHAIN links follow one
 * another there: each link reads the one before, and their outputs (and, for backward, their
 * gradients) lie end to end.
 */
function chainAt(steps: readonly Step[], at: number, program: Program, backward: boolean): { chain: ScalarChain; length: number } | null {
  const float32 = program.dtype === 'float32';
  const first = steps[at];
  if (!isLink(first, float32) || (backward && !first.gy)) return null;
  let end = at + 1;
  while (end < steps.length) {
    const [prev, s] = [steps[end - 1], steps[end]];
    if (!isLink(s, float32) || s.inputs[0].source !== prev.slot || !nextTo(prev.y, s.y)) break;
    if (backward && (s.gx[0] !== prev.gy || !nextTo(prev.gy, s.gy))) break;
    end++;
  }
  if (end - at < MIN_CHAIN) return null;
  const links = steps.slice(at, end);
  const code = (s: Step) => (s.op as AnyOpDef).scalar?.chain as NonNullable<NonNullable<AnyOpDef['scalar']>['chain']>;
  const chain: ScalarChain = {
    forms: Uint8Array.from(links, (s) => FORM_CODES[code(s).form as keyof typeof FORM_CODES]),
    constants: Float64Array.from(links, (s) => code(s).constant?.(s.x, s.attrs) ?? 0),
    values: program.arenas.values,
    grads: program.arenas.grads,
    valueAt: first.y.byteOffset / 8,
    gradAt: first.gy ? first.gy.byteOffset / 8 : 0,
    input: first.x[0],
    inputGrad: first.gx[0],
  };
  return { chain, length: end - at };
}

/** The fusions the writers use: linear → mse pairs and linear → activation layers. */
interface Fusions {
  readonly pairs: ReadonlyMap<Step, Pair>;
  readonly acts: LinearActs;
}

/** Writes the forward of every step; with `root`, a pair whose mse is the root also starts its backward. */
function writeForward(w: Writer, program: Program, { pairs, acts }: Fusions, root: Step | undefined): void {
  const float32 = program.dtype === 'float32';
  const steps = program.steps;
  const kernels = new KernelRun(w, (s) => `${w.bind(s.forward)}(${w.bind(s.x)}, ${w.bind(s.y)}, ${w.bind(s.ctx)});`, forwardLoop);
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    if (acts.fusedForward.has(s)) continue;
    const layer = acts.forward.get(s);
    if (layer) {
      kernels.flush();
      w.line(`${w.bind(linearActForward)}(${w.bind(layer)});`);
      continue;
    }
    const pair = pairs.get(s);
    if (!pair && !isScalarStep(s, float32)) {
      kernels.add(s);
      continue;
    }
    kernels.flush();
    const run = chainAt(steps, i, program, false);
    if (run) {
      w.line(`${w.bind(chainForward)}(${w.bind(run.chain)});`);
      i += run.length - 1;
      continue;
    }
    if (pair) {
      if (s === pair.mse && s === root && pair.buffers.nIn === 1) writeOneFeatureRoot(w, pair.buffers);
      else if (s === pair.mse && s === root && pair.buffers.nIn <= MAX_SOURCE_FEATURES) writeFeaturesRoot(w, pair.buffers, weightsInForward(pair, root));
      else if (s === pair.mse) w.line(`${w.bind(s === root ? linearMseForwardRoot : linearMseForward)}(${w.bind(pair.buffers)});`);
      continue;
    }
    const code = (s.op as AnyOpDef).scalar as NonNullable<AnyOpDef['scalar']>;
    w.line(`${w.ref(s.y)} = ${code.forward(scalarInputs(w, s), s.attrs, w.constant)};`);
  }
  kernels.flush();
}

/**
 * Writes backward from the root over its plan, last step first (a pair whose mse is the root did
 * its part in the forward). Returns the intermediate gradients the written code assigns whole
 * without reading them first, which therefore need no zeroing before it runs.
 */
function writeBackward(w: Writer, program: Program, plan: readonly Step[], { pairs, acts }: Fusions, root: Step | undefined): Float64Array[] {
  const assigned: Float64Array[] = [];
  const float32 = program.dtype === 'float32';
  // Chains are found in topological order, then written last first.
  const chains = new Map<number, { chain: ScalarChain; length: number }>();
  for (let i = 0; i < plan.length; i++) {
    const run = chainAt(plan, i, program, true);
    if (run) {
      chains.set(i + run.length - 1, run);
      i += run.length - 1;
    }
  }
  const kernels = new KernelRun(w, (s) => `${w.bind(s.backward)}(${w.bind(s.x)}, ${w.bind(s.y)}, ${w.bind(s.gy)}, ${w.bind(s.gx)}, ${w.bind(s.ctx)});`, backwardLoop);
  for (let i = plan.length - 1; i >= 0; i--) {
    const s = plan[i];
    if (acts.fusedBackward.has(s)) continue;
    const layer = acts.backward.get(s);
    if (layer) {
      kernels.flush();
      w.line(`${w.bind(actLinearBackward)}(${w.bind(layer)});`);
      assigned.push(layer.ga, layer.gh);
      continue;
    }
    const run = chains.get(i);
    const pair = pairs.get(s);
    if (!run && !pair && !isScalarStep(s, float32)) {
      kernels.add(s);
      continue;
    }
    kernels.flush();
    if (run) {
      w.line(`${w.bind(chainBackward)}(${w.bind(run.chain)});`);
      i -= run.length - 1;
      continue;
    }
    if (pair && s === pair.mse) {
      if (s !== root) w.line(`${w.bind(linearMseBackward)}(${w.bind(pair.buffers)});`);
      else assigned.push(pair.buffers.gy);
      continue;
    }
    if (pair && s === pair.linear) {
      if (pair.rest.some((g) => g !== null) && !weightsInForward(pair, root)) w.line(`${w.bind(s.backward)}(${w.bind(s.x)}, ${w.bind(s.y)}, ${w.bind(s.gy)}, ${w.bind(pair.rest)}, ${w.bind(s.ctx)});`);
      continue;
    }
    const code = (s.op as AnyOpDef).scalar as NonNullable<AnyOpDef['scalar']>;
    const x = scalarInputs(w, s);
    const g = w.ref(s.gy as Float64Array);
    s.gx.forEach((gx, k) => {
      if (gx) w.line(`${code.backward(k, w.ref(gx), x, g, s.attrs, w.constant)};`);
    });
  }
  kernels.flush();
  return assigned;
}

/**
 * The parts of the gradient arena left when the assigned buffers are taken out, as views: what
 * the training step zeroes (the interpreter zeroes the whole arena).
 */
function zeroRanges(arena: Float64Array, assigned: readonly Float64Array[]): Float64Array[] {
  const taken = [...new Set(assigned)].map((b) => [b.byteOffset / 8, b.byteOffset / 8 + b.length]).sort((p, q) => p[0] - q[0]);
  const ranges: Float64Array[] = [];
  let at = 0;
  for (const [start, end] of taken) {
    if (start > at) ranges.push(arena.subarray(at, start));
    at = Math.max(at, end);
  }
  if (at < arena.length) ranges.push(arena.subarray(at));
  return ranges;
}

/** Gradient runs up to this long are zeroed by statements in the training step's source rather than by a fill. */
const ZERO_STATEMENTS = 16;

/** Runs parts in order. */
function runAll(parts: readonly Part[]): void {
  for (let i = 0; i < parts.length; i++) parts[i]();
}

/**
 * A program's steps as specialised functions, generated once: straight-line code over the
 * arenas for scalar steps, one direct kernel call per tensor step (a call site of its own, so
 * V8 can inline it), and linear → mse fused. The numbers are the interpreter's, bit for bit.
 * The interpreter (Program.forward/backward) stays the reference and the stepper's path.
 */
export class CompiledProgram {
  constructor(
    private readonly program: Program,
    private readonly forwardParts: readonly Part[],
    /** The training step's forward and backward, from the loss, and the parts of the gradient arena it zeroes first; absent when the graph has no loss to start from. */
    private readonly train: { readonly zero: readonly Float64Array[]; readonly forward: readonly Part[]; readonly backward: readonly Part[] } | null,
  ) {}

  /** Evaluates every node, as Program.forward. On an error the interpreter runs again, to name the node. */
  forward(): void {
    try {
      runAll(this.forwardParts);
    } catch (e) {
      this.program.forward();
      throw e;
    }
  }

  /** Forward, then backward from the loss (seeded with 1), as Program.forward then Program.backward(). */
  forwardBackward(): void {
    const train = this.train;
    if (!train) {
      this.program.forward();
      this.program.backward();
      return;
    }
    try {
      zeroBuffers(train.zero);
      runAll(train.forward);
    } catch (e) {
      this.program.forward();
      throw e;
    }
    runAll(train.backward);
  }
}

/** The source the compiled program would run (forward, then the training step's forward and backward), for the source gate's tests. */
export function compiledSources(program: Program): string[] {
  return write(program).writers.flatMap((w) => w.sources());
}

/** The fused kernels a program's steps can run in. */
function findFusions(program: Program): Fusions {
  const readers = readerCounts(program);
  const pairs = findPairs(program, readers);
  // A linear in a pair leaves the gradients the pair computes to it.
  const weightGrads = (s: Step) => pairs.get(s)?.rest.map((g, i) => (i === 0 ? null : g)) ?? s.gx;
  return { pairs, acts: findLinearActs(program, readers, weightGrads) };
}

/** How many linear → activation layers the compiled step fuses, forward and backward (for tests). */
export function fusedLayerCounts(program: Program): { forward: number; backward: number } {
  const { acts } = findFusions(program);
  return { forward: acts.forward.size, backward: acts.backward.size };
}

/** Writes every function of a program. */
function write(program: Program) {
  const { values, grads } = program.arenas;
  const consts: number[] = [];
  const fusions = findFusions(program);
  const fwd = new Writer(values, grads, consts);
  writeForward(fwd, program, fusions, undefined);
  const rootSlot = program.loss === undefined ? undefined : program.slot(program.loss);
  let train: { zero: Float64Array[]; forward: Writer; backward: Writer } | null = null;
  if (rootSlot && rootSlot.grad && rootSlot.shape.length === 0 && program.loss !== undefined) {
    const rootStep = program.steps.find((s) => s.slot === rootSlot);
    const tb = new Writer(values, grads, consts);
    const assigned = writeBackward(tb, program, program.backwardPlan(program.loss), fusions, rootStep);
    // The gradients the step does not assign whole are zeroed: short runs by statements at the
    // start of its forward (a fill is a call into the runtime), longer ones by fill. Then the
    // loss's gradient is seeded with 1.
    const ranges = zeroRanges(grads, assigned);
    const tf = new Writer(values, grads, consts);
    for (const range of ranges) if (range.length <= ZERO_STATEMENTS) for (let i = 0; i < range.length; i++) tf.line(`${tf.ref(range, i)} = 0;`);
    tf.line(`${tf.ref(rootSlot.grad)} = ${tf.ref(rootSlot.grad)} + 1;`);
    writeForward(tf, program, fusions, rootStep);
    train = { zero: ranges.filter((range) => range.length > ZERO_STATEMENTS), forward: tf, backward: tb };
  }
  return { consts, fwd, train, writers: train ? [fwd, train.forward, train.backward] : [fwd] };
}

/**
 * Generates a program's compiled form, or null where functions cannot be made from source
 * (a Content-Security-Policy without 'unsafe-eval'); the program then runs interpreted.
 */
export function compileProgram(program: Program): CompiledProgram | null {
  const { consts, fwd, train } = write(program);
  const K = Float64Array.from(consts);
  try {
    const forwardParts = fwd.finish(K);
    const trainParts = train ? { zero: train.zero, forward: train.forward.finish(K), backward: train.backward.finish(K) } : null;
    return new CompiledProgram(program, forwardParts, trainParts);
  } catch (e) {
    if (e instanceof EvalError) return null;
    throw e;
  }
}
