import type { TrainingSettings } from '../../engine';
import { parseNumber } from '../parseNumber';

/** A number field's rule: what values it takes. */
export type NumberRule = 'positive' | 'nonNegative' | 'unit' | 'integer' | 'positiveInteger' | 'aboveOne';

/** Reads a typed setting (a number as parseNumber reads it) under a rule: the value, or the reason it is refused (a message key suffix). */
export function parseSetting(text: string, rule: NumberRule): { ok: true; value: number } | { ok: false; reason: 'positive' | 'nonNegative' | 'unit' | 'integer' | 'aboveOne' } {
  const n = parseNumber(text);
  if (!n.ok) return { ok: false, reason: rule === 'integer' || rule === 'positiveInteger' ? 'integer' : rule === 'unit' || rule === 'nonNegative' || rule === 'aboveOne' ? rule : 'positive' };
  const v = n.value;
  switch (rule) {
    case 'aboveOne':
      // The divergence factor: a loss "growing" by a factor of 1 or less would stop every run.
      return v > 1 ? { ok: true, value: v } : { ok: false, reason: 'aboveOne' };
    case 'positive':
      return v > 0 ? { ok: true, value: v } : { ok: false, reason: 'positive' };
    case 'nonNegative':
      return v >= 0 ? { ok: true, value: v } : { ok: false, reason: 'nonNegative' };
    case 'unit':
      return v >= 0 && v < 1 ? { ok: true, value: v } : { ok: false, reason: 'unit' };
    case 'integer':
      return Number.isInteger(v) ? { ok: true, value: v } : { ok: false, reason: 'integer' };
    case 'positiveInteger':
      return Number.isInteger(v) && v >= 1 ? { ok: true, value: v } : { ok: false, reason: Number.isInteger(v) ? 'positive' : 'integer' };
  }
}

/** Optimizer settings after switching type: the learning rate and weight decay carry over, the rest starts at PyTorch's defaults. */
export function switchOptimizer(o: TrainingSettings['optimizer'], type: 'sgd' | 'adam'): TrainingSettings['optimizer'] {
  if (o.type === type) return o;
  const common = { lr: o.lr, ...(o.weightDecay ? { weightDecay: o.weightDecay } : {}) };
  return type === 'sgd' ? { type, ...common } : { type, ...common };
}

/** SGD's fields with PyTorch's defaults filled in. */
export interface SgdFields {
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
}

/** Adam's fields with PyTorch's defaults filled in. */
export interface AdamFields {
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  readonly amsgrad: boolean;
}

/** The field values of an optimizer with PyTorch's defaults filled in, for display. */
export function withDefaults(o: TrainingSettings['optimizer']): SgdFields | AdamFields {
  return o.type === 'sgd'
    ? { momentum: o.momentum ?? 0, dampening: o.dampening ?? 0, nesterov: o.nesterov ?? false, weightDecay: o.weightDecay ?? 0 }
    : { beta1: o.beta1 ?? 0.9, beta2: o.beta2 ?? 0.999, eps: o.eps ?? 1e-8, weightDecay: o.weightDecay ?? 0, amsgrad: o.amsgrad ?? false };
}
