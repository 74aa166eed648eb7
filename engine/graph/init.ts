import type { GraphNode, InitSpec } from './types';
import { formatCount, MAX_TENSOR_ELEMENTS, overLimit } from '../limits';
import { formatShape, type Shape, sizeOf } from '../tensor/shape';
import { type Tensor } from '../tensor/tensor';
import { fillNormal, fillUniform, seededRandom } from '../tensor/random';

/**
 * Materialises a trainable tensor from its initialiser. `fanIn` is used by `default`
 * (nn.Linear's uniform in ±1/√fanIn); `offset` lets several tensors of one node draw
 * different streams from the same seed.
 */
export function initTensor(shape: Shape, init: InitSpec, fanIn: number, offset = 0): Tensor {
  const n = sizeOf(shape);
  // Callers check sizes first (compile does); this refuses in words rather than allocating gigabytes if one does not.
  if (!(Number.isInteger(n) && n >= 0 && n <= MAX_TENSOR_ELEMENTS)) {
    throw new RangeError(`a tensor of shape ${formatShape(shape)} would have ${formatCount(n)} elements, ${overLimit(MAX_TENSOR_ELEMENTS, 'elements')}`);
  }
  const data = new Float64Array(n);
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

/** nn.Linear's own initialiser, for trainable tensors whose node and definition name none. */
const LINEAR_DEFAULT: InitSpec = { type: 'default', seed: 0 };

/** The initialiser a node's trainable tensors start from: the node's own, else its op's or leaf's (`def.init`), else nn.Linear's. */
export function initOf(node: Pick<GraphNode, 'init'>, def: { readonly init?: InitSpec } | undefined): InitSpec {
  return node.init ?? def?.init ?? LINEAR_DEFAULT;
}
