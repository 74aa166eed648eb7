import type { ParamSlot } from '../exec/program';
import { createAdam } from './adam';
import { createSgd } from './sgd';
import type { Optimizer, OptimizerSettings, ParamState } from './types';
import { type Dtype, f32 } from '../tensor/float32';

/**
 * Builds the optimizer the settings describe over the given parameters, continuing from
 * saved state where it is given (matched by node and parameter name), updating in the
 * program's dtype (float32 rounds the state it continues from).
 */
export function createOptimizer(settings: OptimizerSettings, params: readonly ParamSlot[], saved: readonly ParamState[] = [], dtype: Dtype = 'float64'): Optimizer {
  const round = (v: ArrayLike<number> | null | undefined) => (v && dtype === 'float32' ? Array.from(v, f32) : v);
  const stateOf = (p: ParamSlot) => {
    const s = saved.find((q) => q.node === p.node && q.name === p.name);
    return s && { ...s, momentumBuffer: round(s.momentumBuffer), expAvg: round(s.expAvg) ?? undefined, expAvgSq: round(s.expAvgSq) ?? undefined, maxExpAvgSq: round(s.maxExpAvgSq) ?? undefined };
  };
  return settings.type === 'sgd' ? createSgd(settings, params, stateOf, dtype) : createAdam(settings, params, stateOf, dtype);
}

export type { Optimizer, OptimizerSettings, ParamState, SgdSettings, AdamSettings } from './types';
