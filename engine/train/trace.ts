import { EngineError, type Program } from '../exec/program';
import type { Optimizer } from '../optim/types';
import type { Tensor } from '../tensor/tensor';

/** The four phases of a training step, as the course teaches them. */
export type TracePhase = 'predict' | 'loss' | 'backward' | 'update';

/** What one outgoing edge (or an op's own parameter) passed back during backward. */
export interface EdgeContribution {
  /** The consumer node whose backward produced this contribution. */
  readonly target: string;
  /** The consumer's input port (or the parameter name, for an op's own parameter). */
  readonly port: string;
  readonly grad: Tensor;
}

/** One event of a training step, for step-by-step playback. Tensors are copies. */
export type TraceEvent =
  | { readonly type: 'forward'; readonly phase: 'predict' | 'loss'; readonly node: string; readonly value: Tensor }
  | {
      readonly type: 'backward';
      readonly phase: 'backward';
      readonly node: string;
      /** Set for an op's own parameter (`weight`, `bias`). */
      readonly param?: string;
      /** The node's gradient once complete (for leaves: accumulated across backward calls). */
      readonly grad: Tensor;
      /** What each consumer contributed in this pass; they sum to this pass's gradient. */
      readonly contributions: readonly EdgeContribution[];
    }
  | {
      readonly type: 'update';
      readonly phase: 'update';
      readonly node: string;
      readonly param: string;
      readonly before: Tensor;
      readonly after: Tensor;
      readonly grad: Tensor;
    };

const copy = (shape: readonly number[], data: Float64Array): Tensor => ({ shape: [...shape], data: data.slice() });

/** Runs forward and records each node's value in topological order. */
export function traceForward(program: Program): TraceEvent[] {
  program.forward();
  return program.slots.map((s) => ({
    type: 'forward',
    phase: s.id === program.loss ? 'loss' : 'predict',
    node: s.id,
    value: copy(s.shape, s.value),
  }));
}

/**
 * Runs backward from `from` (the loss by default) and records, in reverse topological
 * order, each node's gradient with the contribution of each outgoing edge. Produces the
 * same gradients as Program.backward.
 */
export function traceBackward(program: Program, from: string | undefined = program.loss): TraceEvent[] {
  if (from === undefined) throw EngineError.because('no_loss', 'no_loss_backward', {});
  const plan = program.backwardPlan(from);
  const root = program.slot(from);
  if (root.shape.length !== 0 || !root.grad) {
    throw EngineError.because('not_scalar', 'trace_not_scalar', { node: from }, from);
  }
  const stepOf = new Map(plan.map((s) => [s.slot.id, s]));
  const upstream = new Set<string>([from]);
  for (const s of plan) for (const inp of s.inputs) if (inp.source?.grad) upstream.add(inp.source.id);

  program.zeroIntermediateGrads();
  root.grad[0] += 1;

  const received = new Map<string, EdgeContribution[]>();
  const events: TraceEvent[] = [];
  for (let k = program.slots.length - 1; k >= 0; k--) {
    const slot = program.slots[k];
    if (!upstream.has(slot.id) || !slot.grad) continue;
    events.push({ type: 'backward', phase: 'backward', node: slot.id, grad: copy(slot.shape, slot.grad), contributions: received.get(slot.id) ?? [] });
    const step = stepOf.get(slot.id);
    if (!step) continue;
    const parts = step.gx.map((g) => (g ? new Float64Array(g.length) : null));
    step.backward(step.x, slot.value, slot.grad, parts, step.ctx);
    parts.forEach((part, i) => {
      if (!part) return;
      const target = step.gx[i] as Float64Array;
      for (let j = 0; j < part.length; j++) target[j] = program.addGrad(target[j], part[j]);
      if (i < step.inputs.length) {
        const src = step.inputs[i].source;
        if (!src) return;
        const list = received.get(src.id) ?? [];
        list.push({ target: slot.id, port: step.inputs[i].port, grad: { shape: [...src.shape], data: part } });
        received.set(src.id, list);
      } else {
        const p = step.params[i - step.inputs.length];
        events.push({
          type: 'backward',
          phase: 'backward',
          node: slot.id,
          param: p.name,
          grad: copy(p.shape, p.grad),
          contributions: [{ target: slot.id, port: p.name, grad: { shape: [...p.shape], data: part } }],
        });
      }
    });
  }
  return events;
}

/** Runs the optimizer step and records each parameter before and after. */
export function traceUpdate(optimizer: Optimizer): TraceEvent[] {
  const before = optimizer.params.map((p) => p.value.slice());
  const grads = optimizer.params.map((p) => p.grad.slice());
  optimizer.step();
  return optimizer.params.map((p, k) => ({
    type: 'update',
    phase: 'update',
    node: p.node,
    param: p.name,
    before: { shape: [...p.shape], data: before[k] },
    after: copy(p.shape, p.value),
    grad: { shape: [...p.shape], data: grads[k] },
  }));
}

/** A whole training step as events: (zero grad,) predict, loss, backward, update. */
export function traceTrainingStep(program: Program, optimizer: Optimizer, options: { zeroGrad?: boolean } = {}): TraceEvent[] {
  if (options.zeroGrad !== false) optimizer.zeroGrad();
  return [...traceForward(program), ...traceBackward(program), ...traceUpdate(optimizer)];
}
