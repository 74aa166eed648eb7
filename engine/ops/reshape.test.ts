import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, gradientMismatches, lit, randomLitArb, runOp, opErrors } from '../testing/opHarness';
import { resolveAttrs } from './attrs';
import { reshape } from './reshape';
import { sizeOf } from '../tensor/shape';

describe('reshape', () => {
  it('reshape([[1, 2, 3], [4, 5, 6]], shape [3, 2]) keeps row-major order: [[1, 2], [3, 4], [5, 6]]', () => {
    const y = runOp({ op: 'reshape', attrs: { shape: [3, 2] }, inputs: { x: lit([2, 3], [1, 2, 3, 4, 5, 6]) } });
    expect(y.shape).toEqual([3, 2]);
    expect(Array.from(y.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('one -1 takes what the other lengths leave: [2, 3] as [-1, 1] is [6, 1], as [-1] (the default) is [6]', () => {
    expect(runOp({ op: 'reshape', attrs: { shape: [-1, 1] }, inputs: { x: lit([2, 3], [1, 2, 3, 4, 5, 6]) } }).shape).toEqual([6, 1]);
    expect(runOp({ op: 'reshape', inputs: { x: lit([2, 3], [1, 2, 3, 4, 5, 6]) } }).shape).toEqual([6]);
  });

  it('a one-element tensor reshapes to a scalar with shape [] and back to [1, 1, 1]', () => {
    expect(runOp({ op: 'reshape', attrs: { shape: [] }, inputs: { x: lit([1, 1], [2.5]) } })).toMatchObject({ shape: [], data: Float64Array.of(2.5) });
    expect(runOp({ op: 'reshape', attrs: { shape: [1, 1, 1] }, inputs: { x: lit([], [2.5]) } }).shape).toEqual([1, 1, 1]);
  });

  it('NaN and infinities are copied as they are', () => {
    expect(Array.from(runOp({ op: 'reshape', attrs: { shape: [2, 1] }, inputs: { x: lit([2], [NaN, -Infinity]) } }).data)).toEqual([NaN, -Infinity]);
  });

  it('a shape whose element count differs is a shape_mismatch naming the shape, the input and its count', () => {
    const errors = opErrors({ op: 'reshape', attrs: { shape: [4, 2] }, inputs: { x: lit([2, 3], [1, 2, 3, 4, 5, 6]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toBe('op (reshape): shape [4, 2] does not fit an input [2, 3] of 6 elements');
  });

  it('a -1 the other lengths cannot divide evenly (or that they leave at 0 elements) is refused too', () => {
    expect(opErrors({ op: 'reshape', attrs: { shape: [-1, 4] }, inputs: { x: lit([2, 3], [1, 2, 3, 4, 5, 6]) } }).map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(opErrors({ op: 'reshape', attrs: { shape: [0, -1] }, inputs: { x: lit([0], []) } }).map((e) => e.code)).toEqual(['shape_mismatch']);
  });

  it('two -1s, a length below -1, a fraction or a list past rank 4 are refused as attributes', () => {
    const reasons = (shape: unknown) => resolveAttrs(reshape.attrs, { shape }).errors.map((e) => e.reason);
    expect(reasons([-1, -1])).toEqual(['two_free_axes']);
    expect(reasons([2, -3])).toEqual(['not_shape']);
    expect(reasons([1.5, 2])).toEqual(['not_shape']);
    expect(reasons([1, 1, 1, 1, 6])).toEqual(['not_shape']);
    expect(reasons(6)).toEqual(['not_shape']);
    expect(resolveAttrs(reshape.attrs, { shape: [-1, -1] }).errors[0].message).toBe('can have only one -1 (the length worked out from the others), got [-1, -1]');
    expect(reasons([2, -1, 0])).toEqual([]);
  });

  it('the default shape [-1] is a copy, never the definition\'s own list', () => {
    const a = resolveAttrs(reshape.attrs, {}).attrs.shape as number[];
    a.push(3);
    expect(resolveAttrs(reshape.attrs, {}).attrs.shape).toEqual([-1]);
  });

  it('the gradient is grad_out in the input\'s shape, and matches central differences on random shapes of rank 0..4', () => {
    fc.assert(
      fc.property(randomLitArb(), fc.boolean(), (x, column) => {
        const shape = column ? [-1, 1] : [1, sizeOf(x.shape)];
        expect(gradientMismatches({ op: 'reshape', attrs: { shape }, inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
