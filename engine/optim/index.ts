import type { ParamSlot } from '../exec/program';
import { createAdam } from './adam';
import { createSgd } from './sgd';
import type { Optimizer, OptimizerSettings } from './types';

/** Builds the optimizer the settings describe over the given parameters. */
export function createOptimizer(settings: OptimizerSettings, params: readonly ParamSlot[]): Optimizer {
  return settings.type === 'sgd' ? createSgd(settings, params) : createAdam(settings, params);
}

export type { Optimizer, OptimizerSettings, ParamState, SgdSettings, AdamSettings } from './types';
