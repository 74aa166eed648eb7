import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import { compileLoss, leafId, lit, opErrors, opGraph, OP_ID, runOp } from '../testing/opHarness';

const scores = lit([3, 3], [0.1, 2, 0.5, 3, -1, 3, NaN, 1, 4]);

describe('argmax', () => {
  it('argmax(scores, axis = 1) is each row\'s class: [1, 0, 0] (a tie goes to the first, a NaN wins)', () => {
    const y = runOp({ op: 'argmax', attrs: { axis: 1 }, inputs: { x: scores } });
    expect(y.shape).toEqual([3]);
    expect(Array.from(y.data)).toEqual([1, 0, 0]);
  });

  it('argmax(scores, axis = 0, keepdim) is [[2, 0, 2]]', () => {
    const y = runOp({ op: 'argmax', attrs: { axis: 0, keepdim: true }, inputs: { x: scores } });
    expect(y.shape).toEqual([1, 3]);
    expect(Array.from(y.data)).toEqual([2, 0, 2]);
  });

  it('argmax with no axis is the index into the flattened tensor: 5 for [[1,2,3],[4,9,9]]', () => {
    const x = lit([2, 3], [1, 2, 3, 4, 9, 9]);
    expect(Array.from(runOp({ op: 'argmax', inputs: { x } }).data)).toEqual([4]);
    const kept = runOp({ op: 'argmax', attrs: { keepdim: true }, inputs: { x } });
    expect(kept.shape).toEqual([1, 1]);
    expect(Array.from(kept.data)).toEqual([4]);
  });

  it('argmax of a scalar is 0, and of [-Infinity, -Infinity] is 0', () => {
    expect(Array.from(runOp({ op: 'argmax', inputs: { x: lit([], [-3]) } }).data)).toEqual([0]);
    expect(Array.from(runOp({ op: 'argmax', attrs: { axis: -1 }, inputs: { x: lit([], [-3]) } }).data)).toEqual([0]);
    expect(Array.from(runOp({ op: 'argmax', inputs: { x: lit([2], [-Infinity, -Infinity]) } }).data)).toEqual([0]);
  });

  it('argmax along a rank-3 middle axis picks per [outer, inner] slice', () => {
    // x[o, j, k] = values below: slices along j are [0,5,2], [9,1,9], [3,3,4], [-1,-2,-3].
    const x = lit([2, 3, 2], [0, 9, 5, 1, 2, 9, 3, -1, 3, -2, 4, -3]);
    expect(Array.from(runOp({ op: 'argmax', attrs: { axis: 1 }, inputs: { x } }).data)).toEqual([1, 0, 2, 0]);
  });

  it('argmax of an empty tensor, or along an empty axis, is a shape_mismatch; a bad axis names the rank', () => {
    expect(opErrors({ op: 'argmax', inputs: { x: lit([0], []) } })[0].message).toContain('argmax of an empty tensor [0] has no value');
    expect(opErrors({ op: 'argmax', attrs: { axis: 0 }, inputs: { x: lit([0, 3], []) } }).map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(runOp({ op: 'argmax', attrs: { axis: 1 }, inputs: { x: lit([0, 3], []) } }).shape).toEqual([0]);
    expect(opErrors({ op: 'argmax', attrs: { axis: -3 }, inputs: { x: scores } })[0].message).toContain('axis -3 is out of range for a tensor of rank 2');
  });

  it('argmax\'s output requires no gradient even when its input does, so a loss built only on it cannot run backward', () => {
    const { program } = compile(opGraph({ op: 'argmax', attrs: { axis: 1 }, inputs: { x: lit([2, 2], [1, 2, 4, 3], true) } }));
    expect(program?.slot(leafId('x')).grad).not.toBeNull();
    expect(program?.slot(OP_ID).grad).toBeNull();
    const p = compileLoss({ op: 'argmax', attrs: { axis: 1 }, inputs: { x: lit([2, 2], [1, 2, 4, 3], true) } });
    p.forward();
    expect(() => p.backward()).toThrow("'loss' does not depend on anything that requires grad");
  });
});
