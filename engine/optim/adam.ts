import type { ParamSlot } from '../exec/program';
import type { AdamSettings, Optimizer, ParamState } from './types';
import { type Dtype, f32, fma32 } from '../tensor/float32';
import { zeroBuffers } from '../tensor/zero';

/**
 * torch.optim.Adam (PyTorch 1.13, single-tensor path), with bias correction, weight decay and
 * AMSGrad. In float32 the moments update by fused multiply-adds (`add_(…, alpha=…)`,
 * `addcmul_`), the step by `addcdiv_`, with Python's double scalars rounded to float32.
 */
export function createAdam(
  settings: AdamSettings,
  params: readonly ParamSlot[],
  saved: (p: ParamSlot) => ParamState | undefined = () => undefined,
  dtype: Dtype = 'float64',
): Optimizer {
  const { lr, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay = 0, amsgrad = false } = settings;
  // Saved moments are used only when they fit the parameter; otherwise Adam starts fresh.
  const restore = (v: ArrayLike<number> | undefined, n: number) => (v && v.length === n ? Float64Array.from(v) : new Float64Array(n));
  const expAvg = params.map((p) => restore(saved(p)?.expAvg, p.value.length));
  const expAvgSq = params.map((p) => restore(saved(p)?.expAvgSq, p.value.length));
  const maxExpAvgSq = params.map((p) => restore(saved(p)?.maxExpAvgSq, amsgrad ? p.value.length : 0));
  const steps = params.map((p) => (saved(p)?.expAvg?.length === p.value.length ? (saved(p)?.step ?? 0) : 0));
  const grads = params.map((p) => p.grad);
  /** The same update in float32. */
  const step32 = (): void => {
    const [b1, b2, keep1, keep2, wd, epsF] = [f32(beta1), f32(beta2), f32(1 - beta1), f32(1 - beta2), f32(weightDecay), f32(eps)];
    for (let k = 0; k < params.length; k++) {
      const { value: w, grad } = params[k];
      const m = expAvg[k];
      const v = expAvgSq[k];
      const vmax = maxExpAvgSq[k];
      const step = ++steps[k];
      // Python's doubles, each rounded to float32 where it meets a tensor.
      const minusStepSize = f32(-(lr / (1 - Math.pow(beta1, step))));
      const bc2Sqrt = f32(Math.sqrt(1 - Math.pow(beta2, step)));
      for (let i = 0; i < w.length; i++) {
        const g = weightDecay !== 0 ? fma32(w[i], wd, grad[i]) : grad[i];
        m[i] = fma32(g, keep1, f32(m[i] * b1));
        v[i] = fma32(f32(keep2 * g), g, f32(v[i] * b2));
        let second = v[i];
        if (amsgrad) {
          vmax[i] = Math.max(vmax[i], v[i]);
          second = vmax[i];
        }
        const denom = f32(f32(f32(Math.sqrt(second)) / bc2Sqrt) + epsF);
        w[i] = f32(w[i] + f32(f32(minusStepSize * m[i]) / denom));
      }
    }
  };
  return {
    settings,
    params,
    step() {
      if (dtype === 'float32') return step32();
      for (let k = 0; k < params.length; k++) {
        const { value: w, grad } = params[k];
        const m = expAvg[k];
        const v = expAvgSq[k];
        const vmax = maxExpAvgSq[k];
        const step = ++steps[k];
        const biasCorrection1 = 1 - Math.pow(beta1, step);
        const biasCorrection2 = 1 - Math.pow(beta2, step);
        const stepSize = lr / biasCorrection1;
        const bc2Sqrt = Math.sqrt(biasCorrection2);
        for (let i = 0; i < w.length; i++) {
          const g = weightDecay !== 0 ? grad[i] + weightDecay * w[i] : grad[i];
          m[i] = m[i] * beta1 + (1 - beta1) * g;
          v[i] = v[i] * beta2 + (1 - beta2) * g * g;
          let second = v[i];
          if (amsgrad) {
            vmax[i] = Math.max(vmax[i], v[i]);
            second = vmax[i];
          }
          const denom = Math.sqrt(second) / bc2Sqrt + eps;
          w[i] = w[i] + -stepSize * (m[i] / denom);
        }
      }
    },
    zeroGrad() {
      zeroBuffers(grads);
    },
    state(): ParamState[] {
      return params.map((p, k) => ({
        node: p.node,
        name: p.name,
        expAvg: expAvg[k],
        expAvgSq: expAvgSq[k],
        maxExpAvgSq: amsgrad ? maxExpAvgSq[k] : undefined,
        step: steps[k],
      }));
    },
  };
}
