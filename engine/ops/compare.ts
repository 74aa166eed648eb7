import type { OpDef } from './types';
import { type BinaryCtx, binaryRecipe, binaryShape, prepareBinary } from './binary';

/**
 * The comparisons `eq` and `gt`: 1 where the test holds and 0 elsewhere, with broadcasting or
 * against the constant `c` when `b` is unconnected, as torch.eq and torch.gt (whose boolean
 * result the export casts to the operand's float type). Like PyTorch's, they carry no gradient:
 * the result is a step function of its inputs.
 */
export function comparison(name: 'eq' | 'gt', symbol: string, test: (a: number, b: number) => boolean, meaning: string): OpDef<{ c: number }, BinaryCtx> {
  const forward = ([a, b]: readonly Float64Array[], y: Float64Array, { ia, ib }: BinaryCtx): void => {
    for (let i = 0; i < y.length; i++) y[i] = test(a[ia ? ia[i] : i], b[ib ? ib[i] : i]) ? 1 : 0;
  };
  return {
    kind: 'op',
    name,
    group: 'arithmetic',
    formula: `y = [a ${symbol} b]`,
    inputs: [
      { name: 'a', differentiable: false },
      { name: 'b', fallbackAttr: 'c', differentiable: false },
    ],
    attrs: [{ name: 'c', type: 'number', default: 0 }],
    gradFn: `none (${name} has no gradient)`,
    shape: binaryShape,
    prepare: prepareBinary,
    forward,
    // No gradient: the result is 0 or 1, constant between the points where it jumps.
    backward() {},
    // A comparison of float32 values is exact.
    float32: { forward, backward() {} },
    torchCall: { functions: [`torch.${name}`], methods: [name], result: 'bool' },
    torch: ([a, b]) => `torch.${name}(${a}, ${b}).to(${a}.dtype)`,
    explain: {
      forward: ({ a, b }) => `[(${a}) ${symbol} (${b})] (${meaning})`,
      backward: {},
    },
    recipe: binaryRecipe,
    domain: {},
  };
}
