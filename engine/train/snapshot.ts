import type { ParamSlot } from '../exec/program';
import type { ParamState } from '../optim/types';

/** One parameter's optimizer state, copied into buffers that are reused from capture to capture. */
interface StateCopy {
  momentumBuffer: Float64Array | null;
  /** SGD creates its momentum buffer on the first step: whether it existed at capture. */
  hasMomentum: boolean;
  expAvg: Float64Array | null;
  expAvgSq: Float64Array | null;
  maxExpAvgSq: Float64Array | null;
  step: number | undefined;
}

/** Copies `src` into `dst`, allocating only when `dst` is missing or the wrong length; null when there is no source. */
function copyInto(dst: Float64Array | null, src: ArrayLike<number> | null | undefined): Float64Array | null {
  if (src === null || src === undefined) return dst;
  const out = dst !== null && dst.length === src.length ? dst : new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src[i];
  return out;
}

/**
 * The parameters and the optimizer state at one moment. A trainer captures one every epoch,
 * so capturing copies into the same preallocated buffers and allocates nothing after the first.
 */
export class TrainingSnapshot {
  private values: Float64Array[] = [];
  private states: StateCopy[] = [];
  private captured = false;

  /** Whether anything has been captured yet. */
  get empty(): boolean {
    return !this.captured;
  }

  /** Copies the parameters' values and the optimizer's state (as `Optimizer.state()` gives it). */
  capture(params: readonly ParamSlot[], state: readonly ParamState[]): void {
    if (this.values.length !== params.length) this.values = params.map((p) => new Float64Array(p.value.length));
    for (let k = 0; k < params.length; k++) this.values[k].set(params[k].value);
    while (this.states.length < state.length) {
      this.states.push({ momentumBuffer: null, hasMomentum: false, expAvg: null, expAvgSq: null, maxExpAvgSq: null, step: undefined });
    }
    for (let k = 0; k < state.length; k++) {
      const s = state[k];
      const c = this.states[k];
      c.hasMomentum = s.momentumBuffer !== null && s.momentumBuffer !== undefined;
      c.momentumBuffer = copyInto(c.momentumBuffer, s.momentumBuffer);
      c.expAvg = copyInto(c.expAvg, s.expAvg);
      c.expAvgSq = copyInto(c.expAvgSq, s.expAvgSq);
      c.maxExpAvgSq = copyInto(c.maxExpAvgSq, s.maxExpAvgSq);
      c.step = s.step;
    }
    this.captured = true;
  }

  /** Writes the captured values back into the parameters and returns the captured optimizer state, to rebuild the optimizer from. */
  restore(params: readonly ParamSlot[], state: readonly ParamState[]): ParamState[] {
    for (let k = 0; k < params.length; k++) params[k].value.set(this.values[k]);
    return state.map((s, k) => {
      const c = this.states[k];
      const has = (v: ArrayLike<number> | null | undefined, copy: Float64Array | null) => (v === null || v === undefined ? undefined : copy?.slice());
      return {
        node: s.node,
        name: s.name,
        momentumBuffer: c.hasMomentum ? c.momentumBuffer?.slice() : s.momentumBuffer === undefined ? undefined : null,
        expAvg: has(s.expAvg, c.expAvg),
        expAvgSq: has(s.expAvgSq, c.expAvgSq),
        maxExpAvgSq: has(s.maxExpAvgSq, c.maxExpAvgSq),
        step: c.step,
      };
    });
  }
}
