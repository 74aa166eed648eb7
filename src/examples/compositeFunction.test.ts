import { describe, expect, it } from 'vitest';
import { compile } from '../../engine';
import { compositeFunction } from './compositeFunction';

const xs = Array.from({ length: 17 }, (_, i) => -2 + 0.25 * i);

describe('compositeFunction', () => {
  it('compile(compositeFunction) has no problems and z is the loss', () => {
    const r = compile(compositeFunction);
    expect(r.problems).toEqual([]);
    expect(r.program?.loss).toBe('z');
    expect(r.shapes.get('x')).toEqual([17]);
    expect(r.shapes.get('z')).toEqual([]);
  });

  it('forward() gives y = 2x² + 2 and z = 85', () => {
    const p = compile(compositeFunction).program!;
    p.forward();
    expect(Array.from(p.value('x').data)).toEqual(xs);
    expect(Array.from(p.value('y').data)).toEqual(xs.map((x) => 2 * x * x + 2));
    expect(p.lossValue()).toBe(85);
  });

  it('backward() gives x.grad = 4x, twice gives 8x, zeroGrad() gives 0', () => {
    const p = compile(compositeFunction).program!;
    p.forward();
    p.backward();
    expect(Array.from(p.grad('x')!.data)).toEqual(xs.map((x) => 4 * x));
    p.backward();
    expect(Array.from(p.grad('x')!.data)).toEqual(xs.map((x) => 8 * x));
    p.zeroGrad();
    expect(Array.from(p.grad('x')!.data)).toEqual(xs.map(() => 0));
  });
});
