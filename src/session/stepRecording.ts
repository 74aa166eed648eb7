import { type Divergence, DivergenceWatch, lossNodesOf, type Optimizer, type ParamSlot, type ParamState, type Program, traceTrainingStep, type TraceEvent } from '../../engine';
import { copyBuffers, gradBuffersOf, restoreBuffers } from './programBuffers';

/**
 * One training step recorded on the session's program, so that the program can show the
 * model as it stands at any event of the step: the engine runs the whole step at once
 * (its events are what playback shows), and the recording keeps the gradients and the
 * parameters from before and after, to put in place as the cursor crosses the end of
 * backward and each update.
 */
export interface StepRecording {
  readonly events: readonly TraceEvent[];
  /** The step's loss (its forward, before the update). */
  readonly loss: number;
  /** What the divergence rule found in this step, or null. */
  readonly divergence: Divergence | null;
  /** Index of the step's last backward event; -1 when it has none. */
  readonly lastBackward: number;
  /** Each update event's index, with its parameter's values before and after. */
  readonly updates: readonly { readonly index: number; readonly param: ParamSlot; readonly before: Float64Array; readonly after: Float64Array }[];
  /** The optimizer's state after the update, to write into the document with the parameters. */
  readonly optimizerState: readonly ParamState[];
  /** Gradient buffers and their contents before the step, after its zero_grad, and after its backward. */
  readonly grads: { readonly buffers: readonly Float64Array[]; readonly untouched: readonly Float64Array[]; readonly before: readonly Float64Array[]; readonly after: readonly Float64Array[] };
  /** Which contents are in the program now. */
  readonly shown: { gradsAfter: boolean; readonly paramsAfter: boolean[] };
}

/**
 * Runs one training step on the program (zero_grad when asked, forward, backward, update)
 * and puts gradients and parameters back as they were before it, apart from the zeroing:
 * the cursor then brings in the rest (`showAt`). The forward values stay: the parameters
 * they were computed from are the ones put back.
 */
export function recordStep(program: Program, optimizer: Optimizer, watch: DivergenceWatch, zeroGrad: boolean): StepRecording {
  const buffers = gradBuffersOf(program);
  const untouched = copyBuffers(buffers);
  const paramsBefore = program.params.map((p) => p.value.slice());
  let events: TraceEvent[];
  try {
    // Inputs with requires_grad are leaves the optimizer does not own: zero them too, as x.grad.zero_() would.
    if (zeroGrad) program.zeroGrad();
    events = traceTrainingStep(program, optimizer, { zeroGrad });
  } catch (e) {
    restoreBuffers(buffers, untouched);
    program.params.forEach((p, k) => p.value.set(paramsBefore[k]));
    throw e;
  }
  const loss = program.lossValue();
  const divergence = watch.check(loss, program.params, () => lossNodesOf(program, loss));
  const after = copyBuffers(buffers);
  const paramIndex = new Map(program.params.map((p, k) => [p, k]));
  const updates = events.flatMap((e, index) => {
    if (e.type !== 'update') return [];
    const param = program.params.find((p) => p.node === e.node && p.name === e.param);
    return param ? [{ index, param, before: paramsBefore[paramIndex.get(param) as number], after: param.value.slice() }] : [];
  });
  const optimizerState = optimizer.state().map((s) => ({
    ...s,
    momentumBuffer: s.momentumBuffer ? Array.from(s.momentumBuffer) : s.momentumBuffer,
    expAvg: s.expAvg ? Array.from(s.expAvg) : undefined,
    expAvgSq: s.expAvgSq ? Array.from(s.expAvgSq) : undefined,
    maxExpAvgSq: s.maxExpAvgSq ? Array.from(s.maxExpAvgSq) : undefined,
  }));
  let lastBackward = -1;
  events.forEach((e, k) => {
    if (e.type === 'backward') lastBackward = k;
  });
  // Back to the start of the step: zeroed (when asked), nothing computed backward, nothing updated.
  restoreBuffers(buffers, untouched);
  if (zeroGrad) program.zeroGrad();
  const before = copyBuffers(buffers);
  program.params.forEach((p, k) => p.value.set(paramsBefore[k]));
  return { events, loss, divergence, lastBackward, updates, optimizerState, grads: { buffers, untouched, before, after }, shown: { gradsAfter: false, paramsAfter: updates.map(() => false) } };
}

/** True when the cursor stands at or past the end of the step's backward phase. */
export function backwardDone(rec: StepRecording, cursor: number): boolean {
  return rec.lastBackward >= 0 && cursor >= rec.lastBackward;
}

/** Puts in the program what the model holds at `cursor`: gradients once backward is done, each parameter once its update is played. Returns whether anything changed. */
export function showAt(rec: StepRecording, cursor: number): boolean {
  let changed = false;
  const gradsAfter = backwardDone(rec, cursor);
  if (gradsAfter !== rec.shown.gradsAfter) {
    restoreBuffers(rec.grads.buffers, gradsAfter ? rec.grads.after : rec.grads.before);
    rec.shown.gradsAfter = gradsAfter;
    changed = true;
  }
  rec.updates.forEach((u, k) => {
    const after = cursor >= u.index;
    if (after === rec.shown.paramsAfter[k]) return;
    u.param.value.set(after ? u.after : u.before);
    rec.shown.paramsAfter[k] = after;
    changed = true;
  });
  return changed;
}

/** Takes a step that will not be kept out of the program: gradients and parameters as they were before it. */
export function undoStep(rec: StepRecording): void {
  restoreBuffers(rec.grads.buffers, rec.grads.untouched);
  rec.updates.forEach((u, k) => {
    u.param.value.set(u.before);
    rec.shown.paramsAfter[k] = false;
  });
  rec.shown.gradsAfter = false;
}

/** Puts the parameters back as they were before the step, keeping its gradients (a step that broke the divergence rule is not kept). */
export function keepParamsBefore(rec: StepRecording): void {
  rec.updates.forEach((u, k) => {
    u.param.value.set(u.before);
    rec.shown.paramsAfter[k] = false;
  });
}
