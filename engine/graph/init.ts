import type { InitSpec } from './types';
import { type Shape, sizeOf } from '../tensor/shape';
import { type Tensor } from '../tensor/tensor';
import { fillNormal, fillUniform, seededRandom } from '../tensor/random';

/**
 * Materialises a trainable tensor from its initialiser. `fanIn` is used by `default`
 * (nn.Linear's uniform in ±1/√fanIn); `offset` lets several tensors of one node draw
 * different streams from the same seed.
 */
export function initTensor(shape: Shape, init: InitSpec, fanIn: number, offset = 0): Tensor {
  const data = new Float64Array(sizeOf(shape));
  switch (init.type) {
    case 'constant':
      data.fill(init.value);
      break;
    case 'uniform':
      fillUniform(data, init.low, init.high, seededRandom(init.seed + offset));
      break;
    case 'normal':
      fillNormal(data, init.mean, init.std, seededRandom(init.seed + offset));
      break;
    case 'default': {
      const bound = 1 / Math.sqrt(Math.max(fanIn, 1));
      fillUniform(data, -bound, bound, seededRandom(init.seed + offset));
      break;
    }
  }
  return { shape: [...shape], data };
}
