import { EngineError, type Program } from '../exec/program';

/** Autodiff against central differences for one leaf, element by element. */
export interface GradCheckResult {
  readonly analytic: Float64Array;
  readonly numeric: Float64Array;
  /** |analytic − numeric| / max(|analytic|, |numeric|), 0 where both are 0. */
  readonly relError: Float64Array;
  readonly maxRelError: number;
}

/** Which tensor to check: a leaf node's value, or one of an op's own parameters. */
export interface GradCheckTarget {
  readonly node: string;
  readonly param?: string;
}

/** The step of the central differences: 1e-6 in float64; in float32, whose values are 6e-8 apart near 1, a step near ∛ε = 5e-3 keeps the rounding error small. */
function defaultStep(program: Program): number {
  return program.dtype === 'float32' ? 4e-3 : 1e-6;
}

/**
 * Compares the autodiff gradient of `from` (the loss by default) with respect to a leaf
 * against (f(x+h) − f(x−h)) / 2h, with x ± h as the program's dtype holds them. Values and
 * accumulated gradients are restored afterwards.
 */
export function gradientCheck(program: Program, target: GradCheckTarget, h = defaultStep(program), from = program.loss): GradCheckResult {
  if (from === undefined) throw EngineError.because('no_loss', 'no_loss_gradcheck', {});
  const { value, grad } = locate(program, target);
  const saved = program.params.map((p) => p.grad.slice());
  const savedLeaf = grad.slice();
  program.zeroGrad();
  program.forward();
  program.backward(from);
  const analytic = grad.slice();
  const out = program.slot(from).value;
  const numeric = new Float64Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    const [up, down] = [program.store(v + h), program.store(v - h)];
    value[i] = up;
    program.forward();
    const plus = out[0];
    value[i] = down;
    program.forward();
    const minus = out[0];
    value[i] = v;
    numeric[i] = (plus - minus) / (up - down);
  }
  program.forward();
  program.params.forEach((p, k) => p.grad.set(saved[k]));
  grad.set(savedLeaf);
  const relError = analytic.map((a, i) => {
    const denom = Math.max(Math.abs(a), Math.abs(numeric[i]));
    return denom === 0 ? 0 : Math.abs(a - numeric[i]) / denom;
  });
  return { analytic, numeric, relError, maxRelError: relError.reduce((m, e) => Math.max(m, e), 0) };
}

function locate(program: Program, target: GradCheckTarget): { value: Float64Array; grad: Float64Array } {
  if (target.param !== undefined && target.param !== 'value') {
    const p = program.params.find((q) => q.node === target.node && q.name === target.param);
    if (!p) throw new EngineError('unknown_node', `no parameter ${target.node}.${target.param}`, target.node);
    return p;
  }
  const slot = program.slot(target.node);
  if (!slot.isLeaf || !slot.grad) {
    throw EngineError.because('runtime', 'gradcheck_not_leaf', { node: target.node }, target.node);
  }
  return { value: slot.value, grad: slot.grad };
}
