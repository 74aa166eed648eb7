import { OpRunError, RUN_REASONS, type RunReason } from '../graph/problemReasons';
import { fillReason, type ReasonParams } from '../tensor/reason';
import type { AnyOpDef, Attrs } from '../ops/types';
import type { LeafDef } from '../ops/leafTypes';
import { type Shape, sizeOf } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { type Dtype, f32 } from '../tensor/float32';
import { zeroBuffers } from '../tensor/zero';
import { type CompiledProgram, compileProgram } from './compiled';

/** Rounds every element of a buffer to float32 in place (a float32 program's leaves and parameters). */
export function roundToFloat32(data: Float64Array): void {
  for (let i = 0; i < data.length; i++) data[i] = f32(data[i]);
}

/** Raised while running a compiled graph; names the node where it happened. */
export class EngineError extends Error {
  /** The sentence form and what fills it, when the error is one a learner meets; the page words it in its language. */
  reason?: RunReason;
  params?: ReasonParams;

  constructor(
    readonly code: 'runtime' | 'no_loss' | 'not_scalar' | 'unknown_node',
    message: string,
    readonly node?: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }

  /** An error told from its reason and parameters (the English message comes from RUN_REASONS). */
  static because(code: EngineError['code'], reason: RunReason, params: ReasonParams, node?: string): EngineError {
    const e = new EngineError(code, fillReason(RUN_REASONS[reason], params), node);
    e.reason = reason;
    e.params = params;
    return e;
  }
}

/** A node's buffers in a compiled program. */
export interface NodeSlot {
  readonly id: string;
  readonly def: AnyOpDef | LeafDef;
  readonly shape: Shape;
  readonly value: Float64Array;
  /** Null when no gradient can reach this node (nothing upstream requires grad). */
  readonly grad: Float64Array | null;
  readonly isLeaf: boolean;
}

/** A trainable tensor: a `parameter` leaf's value, or an op's own (`linear.weight`). */
export interface ParamSlot {
  readonly node: string;
  /** `value` for a parameter leaf; `weight`/`bias` for linear. */
  readonly name: string;
  readonly shape: Shape;
  readonly value: Float64Array;
  readonly grad: Float64Array;
}

/** Where an op input comes from: another node's output, or a fallback constant. */
export interface StepInput {
  readonly port: string;
  readonly source: NodeSlot | null;
}

/** One op evaluation with its buffers bound at compile time. */
export interface Step {
  readonly slot: NodeSlot;
  readonly op: AnyOpDef;
  /** The op's attributes with defaults filled in. */
  readonly attrs: Attrs;
  readonly ctx: unknown;
  /** Inputs in port order, then the op's own parameters. */
  readonly x: Float64Array[];
  /** Gradient buffers matching `x`; null where no gradient is wanted. */
  readonly gx: (Float64Array | null)[];
  readonly inputs: readonly StepInput[];
  readonly params: readonly ParamSlot[];
  /** The output buffer and its gradient (null when no gradient reaches it), bound for the hot loops. */
  readonly y: Float64Array;
  readonly gy: Float64Array | null;
  /** The op's kernels, held here so the hot loops read them from one object shape. */
  readonly forward: AnyOpDef['forward'];
  readonly backward: AnyOpDef['backward'];
}

/** The two buffers a program's op values and intermediate gradients are views of. */
export interface ProgramArenas {
  readonly values: Float64Array;
  readonly grads: Float64Array;
}

/** A compiled graph: buffers allocated once, run forward and backward many times without allocating. */
export class Program {
  private readonly backwardPlans = new Map<string, Step[]>();
  private readonly leafGrads: Float64Array[];
  private compiledForm: CompiledProgram | null | undefined = undefined;

  constructor(
    /** Every node in topological order. */
    readonly slots: readonly NodeSlot[],
    /** The computing nodes in topological order. */
    readonly steps: readonly Step[],
    /** Trainable tensors, in node order. */
    readonly params: readonly ParamSlot[],
    /** The loss node's id, when the graph names one. */
    readonly loss: string | undefined,
    private readonly byId: ReadonlyMap<string, NodeSlot>,
    /** Every op's value and every intermediate gradient, each laid end to end (backward zeroes the gradients with one fill). */
    readonly arenas: ProgramArenas,
    /** The number type every buffer holds: float32 values are float64 numbers rounded to float32. */
    readonly dtype: Dtype = 'float64',
  ) {
    const leafGrads = new Set<Float64Array>(params.map((p) => p.grad));
    for (const s of slots) if (s.isLeaf && s.grad) leafGrads.add(s.grad);
    this.leafGrads = [...leafGrads];
  }

  /**
   * The program as generated functions (compiled.ts), made on first use and kept: what training
   * runs. Null where the page forbids making functions from source; the interpreter then runs.
   */
  compiled(): CompiledProgram | null {
    if (this.compiledForm === undefined) this.compiledForm = compileProgram(this);
    return this.compiledForm;
  }

  /** The slot of a node, or an EngineError naming it. */
  slot(id: string): NodeSlot {
    const s = this.byId.get(id);
    if (!s) throw new EngineError('unknown_node', `no node '${id}' in the compiled graph`, id);
    return s;
  }

  /** Evaluates every node in topological order. */
  forward(): void {
    const steps = this.steps;
    let i = 0;
    try {
      for (; i < steps.length; i++) {
        const s = steps[i];
        s.forward(s.x, s.y, s.ctx);
      }
    } catch (e) {
      const id = steps[i].slot.id;
      if (e instanceof OpRunError) throw EngineError.because('runtime', `op.${e.reason}`, { ...e.params, node: id }, id);
      throw new EngineError('runtime', `${id}: ${e instanceof Error ? e.message : String(e)}`, id);
    }
  }

  /**
   * Backpropagates from a scalar node (the loss by default), seeding it with 1. Leaf and
   * parameter gradients accumulate (`+=`) across calls until zeroGrad, as in PyTorch;
   * intermediate gradients are recomputed each call and kept for display.
   */
  backward(from: string | undefined = this.loss): void {
    if (from === undefined) throw EngineError.because('no_loss', 'no_loss_backward', {});
    const root = this.slot(from);
    if (sizeOf(root.shape) !== 1 || root.shape.length !== 0) {
      throw EngineError.because('not_scalar', 'not_scalar', { node: from, shape: `[${root.shape.join(', ')}]` }, from);
    }
    if (!root.grad) throw EngineError.because('not_scalar', 'no_grad', { node: from }, from);
    this.arenas.grads.fill(0);
    root.grad[0] += 1;
    const plan = this.backwardPlan(from);
    for (let i = plan.length - 1; i >= 0; i--) {
      const s = plan[i];
      s.backward(s.x, s.y, s.gy as Float64Array, s.gx, s.ctx);
    }
  }

  /** Zeroes every intermediate gradient, as backward does before it starts. */
  zeroIntermediateGrads(): void {
    this.arenas.grads.fill(0);
  }

  /** Sets every leaf and parameter gradient to zero (`optimizer.zero_grad()` with set_to_none=False). */
  zeroGrad(): void {
    zeroBuffers(this.leafGrads);
  }

  /** The steps that lie upstream of `from` and carry a gradient, in topological order. */
  backwardPlan(from: string): Step[] {
    let plan = this.backwardPlans.get(from);
    if (plan) return plan;
    const stepOf = new Map(this.steps.map((s) => [s.slot.id, s]));
    const upstream = new Set<string>([from]);
    const stack = [from];
    while (stack.length > 0) {
      const step = stepOf.get(stack.pop() as string);
      if (!step) continue;
      for (const inp of step.inputs) {
        if (inp.source && !upstream.has(inp.source.id)) {
          upstream.add(inp.source.id);
          stack.push(inp.source.id);
        }
      }
    }
    plan = this.steps.filter((s) => upstream.has(s.slot.id) && s.slot.grad !== null);
    this.backwardPlans.set(from, plan);
    return plan;
  }

  /** A node's current value (a view of the live buffer: copy it to keep it). */
  value(id: string): Tensor {
    const s = this.slot(id);
    return { shape: s.shape, data: s.value };
  }

  /** A node's current gradient, or null when no gradient can reach it. */
  grad(id: string): Tensor | null {
    const s = this.slot(id);
    return s.grad ? { shape: s.shape, data: s.grad } : null;
  }

  /** The scalar value of the loss node after forward. */
  lossValue(): number {
    if (this.loss === undefined) throw EngineError.because('no_loss', 'no_loss', {});
    return this.slot(this.loss).value[0];
  }

  /** Replaces a leaf's values in place (a new mini-batch, an edited input). */
  setLeafData(id: string, data: ArrayLike<number>): void {
    const s = this.slot(id);
    if (!s.isLeaf) throw new EngineError('runtime', `'${id}' is not a leaf`, id);
    if (data.length !== s.value.length) {
      throw new EngineError('runtime', `'${id}' holds ${s.value.length} values, got ${data.length}`, id);
    }
    s.value.set(data);
    if (this.dtype === 'float32') roundToFloat32(s.value);
  }

  /** A number as this program's buffers hold it: rounded to float32 in a float32 program. */
  store(v: number): number {
    return this.dtype === 'float32' ? f32(v) : v;
  }

  /** A sum of two gradient parts as this program's dtype holds it (rounded to float32 in float32). */
  addGrad(a: number, b: number): number {
    return this.dtype === 'float32' ? f32(a + b) : a + b;
  }
}
