import type { ParamSlot } from '../exec/program';
import { createAdam } from './adam';
import { createSgd } from './sgd';
import type { Optimizer, OptimizerSettings, ParamState } from './types';

/**
 * Builds the optimizer the settings describe over the given parameters, continuing from
 * saved state where it is given (matched by node and parameter name).
 */
export function createOptimizer(settings: OptimizerSettings, params: readonly ParamSlot[], saved: readonly ParamState[] = []): Optimizer {
  const stateOf = (p: ParamSlot) => saved.find((s) => s.node === p.node && s.name === p.name);
  return settings.type === 'sgd' ? createSgd(settings, params, stateOf) : createAdam(settings, params, stateOf);
}

export type { Optimizer, OptimizerSettings, ParamState, SgdSettings, AdamSettings } from './types';
