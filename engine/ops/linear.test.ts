import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, OP_ID, compileOp, gradientMismatches, lit, litArb, opErrors, realArb, runOp, shapeArb } from '../testing/opHarness';
import { tensor } from '../tensor/tensor';
import { exportPytorch } from '../codegen/pytorch';
import type { Graph } from '../graph/types';
import { initTensor } from '../graph/init';
import { linear } from './linear';

const params = { weight: tensor([3, 2], [1, 2, 3, 4, 5, 6]), bias: tensor([3], [0.5, -1, 2]) };
const attrs = { inFeatures: 2, outFeatures: 3 };

/** The initial weight and bias of a linear node compiled with the given init. */
function initialParams(inFeatures: number, outFeatures: number, seed: number) {
  const r = compileOp({ op: 'linear', attrs: { inFeatures, outFeatures }, init: { type: 'default', seed }, inputs: { x: lit([inFeatures], new Array<number>(inFeatures).fill(0)) } });
  const of = (name: string) => Array.from(r.program?.params.find((p) => p.node === OP_ID && p.name === name)?.value ?? []);
  return { weight: of('weight'), bias: of('bias') };
}

describe('linear', () => {
  it('linear([[1,1],[2,-1]]) with W = [[1,2],[3,4],[5,6]] and b = [0.5,-1,2] is [[3.5,6,13],[0.5,1,6]]', () => {
    const y = runOp({ op: 'linear', attrs, params, inputs: { x: lit([2, 2], [1, 1, 2, -1]) } });
    expect(y.shape).toEqual([2, 3]);
    expect(Array.from(y.data)).toEqual([3.5, 6, 13, 0.5, 1, 6]);
  });

  it('linear of a 1-D x [1,1] gives [3.5,6,13] with shape [3]', () => {
    const y = runOp({ op: 'linear', attrs, params, inputs: { x: lit([2], [1, 1]) } });
    expect(y.shape).toEqual([3]);
    expect(Array.from(y.data)).toEqual([3.5, 6, 13]);
  });

  it('linear of x [2,1,2] maps the last axis and keeps the leading ones: [2,1,3]', () => {
    const y = runOp({ op: 'linear', attrs, params, inputs: { x: lit([2, 1, 2], [1, 1, 2, -1]) } });
    expect(y.shape).toEqual([2, 1, 3]);
    expect(Array.from(y.data)).toEqual([3.5, 6, 13, 0.5, 1, 6]);
  });

  it('linear with inFeatures = 2 on x [2,3] is a shape_mismatch naming inFeatures and [2, 3]', () => {
    const errors = opErrors({ op: 'linear', attrs, inputs: { x: lit([2, 3], [1, 2, 3, 4, 5, 6]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('inFeatures = 2');
    expect(errors[0].message).toContain('[2, 3]');
  });

  it('linear of a scalar x is a shape_mismatch', () => {
    expect(opErrors({ op: 'linear', attrs, inputs: { x: lit([], [1]) } }).map((e) => e.code)).toEqual(['shape_mismatch']);
  });

  it('linear with a stored weight of the wrong shape [2,2] is a bad_param naming both shapes', () => {
    const errors = opErrors({ op: 'linear', attrs, params: { ...params, weight: tensor([2, 2], [1, 2, 3, 4]) }, inputs: { x: lit([2], [1, 1]) } });
    expect(errors.map((e) => e.code)).toEqual(['bad_param']);
    expect(errors[0].message).toContain('[2, 2]');
    expect(errors[0].message).toContain('[3, 2]');
  });

  it('linear([[NaN,1],[2,-1]]) is NaN in the first row only', () => {
    const y = runOp({ op: 'linear', attrs, params, inputs: { x: lit([2, 2], [NaN, 1, 2, -1]) } });
    expect(Array.from(y.data)).toEqual([NaN, NaN, NaN, 0.5, 1, 6]);
  });

  it('linear with a NaN in weight row 1 is NaN in output column 1 only', () => {
    const y = runOp({ op: 'linear', attrs, params: { ...params, weight: tensor([3, 2], [1, 2, NaN, 4, 5, 6]) }, inputs: { x: lit([2, 2], [1, 1, 2, -1]) } });
    expect(Array.from(y.data)).toEqual([3.5, NaN, 13, 0.5, NaN, 6]);
  });

  it('linear default init is seeded: the same seed gives the same weight and bias, another seed differs', () => {
    expect(initialParams(4, 3, 11)).toEqual(initialParams(4, 3, 11));
    expect(initialParams(4, 3, 11).weight).not.toEqual(initialParams(4, 3, 12).weight);
  });

  it('linear(inFeatures = 100, outFeatures = 2) default init draws weight and bias in ±1/√100, as nn.Linear', () => {
    for (const seed of [0, 1, 2, 3]) {
      const { weight, bias } = initialParams(100, 2, seed);
      expect(weight).toHaveLength(200);
      expect(bias).toHaveLength(2);
      for (const v of weight) expect(Math.abs(v)).toBeLessThanOrEqual(0.1);
      for (const v of bias) expect(Math.abs(v)).toBeLessThanOrEqual(0.1);
    }
  });

  it('linear gradients for x, weight and bias match central differences on random shapes and sizes', () => {
    const arb = fc
      .tuple(shapeArb({ maxRank: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.nat(1000))
      .chain(([lead, nIn, nOut, seed]) =>
        fc.tuple(litArb([...lead, nIn], realArb()), fc.constant(nIn), fc.constant(nOut), fc.constant(seed)),
      );
    fc.assert(
      fc.property(arb, ([x, inFeatures, outFeatures, seed]) => {
        const call = { op: 'linear', attrs: { inFeatures, outFeatures }, init: { type: 'uniform' as const, low: -1, high: 1, seed }, inputs: { x } };
        expect(gradientMismatches(call)).toEqual([]);
      }),
      FC_PARAMS,
    );
  });

  it('linear with no init and no stored values starts from linear.init, nn.Linear\'s U(±1/√inFeatures)', () => {
    expect(linear.init).toEqual({ type: 'default', seed: 0 });
    const r = compileOp({ op: 'linear', attrs, inputs: { x: lit([2], [0, 0]) } });
    const of = (name: string) => Array.from(r.program?.params.find((p) => p.node === OP_ID && p.name === name)?.value ?? []);
    const init = linear.init ?? { type: 'constant', value: NaN };
    expect(of('weight')).toEqual(Array.from(initTensor([3, 2], init, 2, 0).data));
    expect(of('bias')).toEqual(Array.from(initTensor([3], init, 2, 1).data));
  });

  it('linear.torchModule({inFeatures: 2, outFeatures: 3}) is the nn.Linear(2, 3) exportPytorch writes', () => {
    expect(linear.torchModule?.(attrs)).toBe('nn.Linear(2, 3)');
    const graph: Graph = {
      nodes: [
        { id: 'x', op: 'input', value: { type: 'tensor', shape: [1, 2], data: [1, 2] } },
        { id: 'layer', op: 'linear', attrs, params },
        { id: 'z', op: 'sum' },
      ],
      edges: [
        { source: 'x', target: 'layer', targetPort: 'x' },
        { source: 'layer', target: 'z', targetPort: 'x' },
      ],
      loss: 'z',
    };
    const { code } = exportPytorch(graph, { optimizer: { type: 'sgd', lr: 0.1 }, epochs: 1, batchSize: null, seed: 0 });
    expect(code).toContain('self.layer = nn.Linear(2, 3)');
  });

  it('linear.attrSummary({inFeatures: 2, outFeatures: 3}) is "2 → 3"', () => {
    expect(linear.attrSummary?.(attrs)).toBe('2 → 3');
  });
});
