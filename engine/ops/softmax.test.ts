import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, gradientMismatches, lit, litArb, opErrors, runOp, shapeArb } from '../testing/opHarness';

const L3 = Math.log(3);

describe('softmax', () => {
  it('softmax([0, ln 3]) is [0.25, 0.75]', () => {
    const y = runOp({ op: 'softmax', inputs: { x: lit([2], [0, L3]) } });
    expect(y.shape).toEqual([2]);
    expect(Array.from(y.data)).toEqual([expect.closeTo(0.25, 15), expect.closeTo(0.75, 15)]);
  });

  it('softmax([[0, ln 3],[ln 3, 0]]) is [[0.25,0.75],[0.75,0.25]] along the default last axis', () => {
    const y = runOp({ op: 'softmax', inputs: { x: lit([2, 2], [0, L3, L3, 0]) } });
    expect(Array.from(y.data)).toEqual([0.25, 0.75, 0.75, 0.25].map((v) => expect.closeTo(v, 15)));
  });

  it('softmax([[0, 0],[ln 3, 0]], axis = 0) normalises each column: [[0.25,0.5],[0.75,0.5]]', () => {
    const y = runOp({ op: 'softmax', attrs: { axis: 0 }, inputs: { x: lit([2, 2], [0, 0, L3, 0]) } });
    expect(Array.from(y.data)).toEqual([0.25, 0.5, 0.75, 0.5].map((v) => expect.closeTo(v, 15)));
  });

  it('softmax([1000, 1000, -Infinity]) is [0.5, 0.5, 0] without overflow', () => {
    expect(Array.from(runOp({ op: 'softmax', inputs: { x: lit([3], [1000, 1000, -Infinity]) } }).data)).toEqual([0.5, 0.5, 0]);
  });

  it('softmax([[NaN, 1],[0, 0]]) is [[NaN, NaN],[0.5, 0.5]]: a NaN poisons only its own row', () => {
    expect(Array.from(runOp({ op: 'softmax', inputs: { x: lit([2, 2], [NaN, 1, 0, 0]) } }).data)).toEqual([NaN, NaN, 0.5, 0.5]);
  });

  it('softmax of a scalar is a shape_mismatch', () => {
    const errors = opErrors({ op: 'softmax', inputs: { x: lit([], [1]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('scalar');
  });

  it('softmax of [2,3] with axis = 2 is a shape_mismatch naming the axis', () => {
    const errors = opErrors({ op: 'softmax', attrs: { axis: 2 }, inputs: { x: lit([2, 3], [1, 2, 3, 4, 5, 6]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('axis 2');
  });

  it('softmax gradient matches central differences on random shapes of rank 1..4 along any axis', () => {
    const arb = shapeArb({ minRank: 1 }).chain((s) => fc.tuple(litArb(s), fc.integer({ min: -s.length, max: s.length - 1 })));
    fc.assert(
      fc.property(arb, ([x, axis]) => {
        expect(gradientMismatches({ op: 'softmax', attrs: { axis }, inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
