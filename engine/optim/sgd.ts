import type { ParamSlot } from '../exec/program';
import type { Optimizer, ParamState, SgdSettings } from './types';
import { type Dtype, f32, fma32 } from '../tensor/float32';
import { zeroBuffers } from '../tensor/zero';

/**
 * torch.optim.SGD (PyTorch 1.13, single-tensor path): weight decay, momentum, dampening,
 * Nesterov. In float32 each `add(…, alpha=…)` is one fused multiply-add rounded to float32 with
 * alpha rounded first, and `mul_` rounds, as PyTorch's AVX2 kernels compute them.
 */
export function createSgd(
  settings: SgdSettings,
  params: readonly ParamSlot[],
  saved: (p: ParamSlot) => ParamState | undefined = () => undefined,
  dtype: Dtype = 'float64',
): Optimizer {
  const { lr, momentum = 0, dampening = 0, nesterov = false, weightDecay = 0 } = settings;
  if (nesterov && (momentum <= 0 || dampening !== 0)) {
    throw new Error('Nesterov momentum requires a momentum and zero dampening');
  }
  // The momentum buffer is created on the first step from that step's gradient, as in PyTorch.
  const buffers: (Float64Array | null)[] = params.map((p) => {
    const b = saved(p)?.momentumBuffer;
    return b && b.length === p.value.length ? Float64Array.from(b) : null;
  });
  const scratch = params.map((p) => new Float64Array(p.value.length));
  const grads = params.map((p) => p.grad);
  /** The same update in float32. */
  const step32 = (): void => {
    const [wd, mom, keep, minusLr] = [f32(weightDecay), f32(momentum), f32(1 - dampening), f32(-lr)];
    for (let k = 0; k < params.length; k++) {
      const { value: w, grad } = params[k];
      const d = scratch[k];
      for (let i = 0; i < w.length; i++) d[i] = weightDecay !== 0 ? fma32(w[i], wd, grad[i]) : grad[i];
      if (momentum !== 0) {
        let buf = buffers[k];
        if (buf === null) {
          buf = buffers[k] = d.slice();
        } else {
          for (let i = 0; i < w.length; i++) buf[i] = fma32(d[i], keep, f32(buf[i] * mom));
        }
        if (nesterov) for (let i = 0; i < w.length; i++) d[i] = fma32(buf[i], mom, d[i]);
        else d.set(buf);
      }
      for (let i = 0; i < w.length; i++) w[i] = fma32(d[i], minusLr, w[i]);
    }
  };
  return {
    settings,
    params,
    step() {
      if (dtype === 'float32') return step32();
      for (let k = 0; k < params.length; k++) {
        const { value: w, grad } = params[k];
        if (momentum === 0 && weightDecay === 0) {
          // Plain SGD: param.add_(grad, alpha=-lr).
          for (let i = 0; i < w.length; i++) w[i] = w[i] + -lr * grad[i];
          continue;
        }
        const d = scratch[k];
        for (let i = 0; i < w.length; i++) d[i] = weightDecay !== 0 ? grad[i] + weightDecay * w[i] : grad[i];
        if (momentum !== 0) {
          let buf = buffers[k];
          if (buf === null) {
            buf = buffers[k] = d.slice();
          } else {
            for (let i = 0; i < w.length; i++) buf[i] = buf[i] * momentum + (1 - dampening) * d[i];
          }
          if (nesterov) for (let i = 0; i < w.length; i++) d[i] = d[i] + momentum * buf[i];
          else d.set(buf);
        }
        for (let i = 0; i < w.length; i++) w[i] = w[i] + -lr * d[i];
      }
    },
    zeroGrad() {
      zeroBuffers(grads);
    },
    state(): ParamState[] {
      return params.map((p, k) => ({ node: p.node, name: p.name, momentumBuffer: buffers[k] }));
    },
  };
}
