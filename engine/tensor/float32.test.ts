import { describe, expect, it } from 'vitest';
import { f32, fma32, libmLogf, sleefExpf, sleefLogf, sleefPowf, sleefTanhf } from './float32';
import { torchSum32 } from './sum32';

// Reference numbers printed by PyTorch 1.13 (float32, CPU, AVX2) on the machine the differential
// tests run on; engine/testing/pytorch32.test.ts compares whole graphs.

describe('float32 arithmetic as PyTorch computes it', () => {
  it('fma32 rounds a·b + c once: (1 + 2⁻¹²)² + 2⁻⁶⁰ lies just above a float32 midpoint, so it rounds up where rounding twice ties down', () => {
    const a = 1 + 2 ** -12;
    expect(fma32(a, a, 2 ** -60)).toBe(1 + 2 ** -11 + 2 ** -23);
    expect(f32(a * a + 2 ** -60)).toBe(1 + 2 ** -11);
    expect(fma32(a, a, -(2 ** -60))).toBe(1 + 2 ** -11);
    expect(fma32(3, 0.5, 0.25)).toBe(1.75);
    expect(fma32(f32(0.1), f32(0.2), f32(0.3))).toBe(f32(f32(0.1) * f32(0.2) + f32(0.3)));
  });

  it('sleefExpf gives torch.exp’s float32 values, subnormals, 0 below −104 and inf above ~88.7 included', () => {
    const x = [-104.5, -103.9, -87.5, -20.25, -1, -1e-8, 0, 0.3, 1, 2.5, 10, 88.7, 88.8, 100.5].map(f32);
    const want = [0, 1.401298464324817e-45, 9.982351397596697e-39, 1.605228061585251e-9, 0.3678794503211975, 1, 1, 1.3498587608337402, 2.7182817459106445, 12.182494163513184, 22026.46484375, 3.325976864406685e38, Infinity, Infinity];
    expect(x.map(sleefExpf)).toEqual(want);
    expect(sleefExpf(NaN)).toBeNaN();
  });

  it('sleefLogf and libmLogf give torch.log’s values; log 0 = −inf, log of a negative number is NaN', () => {
    const x = [1e-38, 1e-30, 0.1, 0.5, 0.75, 1, 1.5, 2, 10, 1e30, 3.4e38].map(f32);
    const want = [-87.49822998046875, -69.07755279541016, -2.3025851249694824, -0.6931471824645996, -0.28768208622932434, 0, 0.40546509623527527, 0.6931471824645996, 2.3025851249694824, 69.07755279541016, 88.72200775146484];
    expect(x.map(sleefLogf)).toEqual(want);
    expect(x.map(libmLogf)).toEqual(want);
    for (const log of [sleefLogf, libmLogf]) {
      expect(log(0)).toBe(-Infinity);
      expect(log(-1)).toBeNaN();
      expect(log(Infinity)).toBe(Infinity);
    }
  });

  it('sleefTanhf gives torch.tanh’s values, ±1 beyond 8.66', () => {
    const x = [-9, -8.6, -2.5, -0.3, -1e-6, 0, 1e-6, 0.3, 0.7, 2.5, 8.6, 9].map(f32);
    const want = [-1, -0.9999999403953552, -0.9866142868995667, -0.29131263494491577, -9.999999974752427e-7, 0, 9.999999974752427e-7, 0.29131263494491577, 0.6043677926063538, 0.9866142868995667, 0.9999999403953552, 1];
    expect(x.map(sleefTanhf)).toEqual(want);
  });

  it('sleefPowf gives torch.pow’s values: odd powers of negatives are negative, fractional ones NaN, 0 to a negative power inf', () => {
    const x = [0.5, 2, 3.7, -2, -2, 1e-3, 10, 0].map(f32);
    const y = [1.5, -1.5, 0.25, 3, 0.5, 2.5, -3, -1.5];
    const got = x.map((v, i) => sleefPowf(v, y[i]));
    expect(got).toEqual([0.3535533845424652, 0.3535533845424652, 1.3869168758392334, -8, NaN, 3.1622779061990514e-8, 0.0010000000474974513, Infinity]);
  });

  it('torchSum32 adds in torch.sum’s order: 1,000 values sum to −12.91278 as PyTorch’s, not −12.91028 as one by one; along either axis of [100, 10] too', () => {
    const v = Float64Array.from({ length: 1000 }, (_, i) => f32(Math.sin(i) * 1000));
    const out = new Float64Array(1);
    torchSum32(v, 0, [1000], [true], out);
    expect(out[0]).toBe(-12.91278076171875);
    let sequential = 0;
    for (const x of v) sequential = f32(sequential + x);
    expect(sequential).toBe(-12.910276412963867);
    const columns = new Float64Array(10);
    torchSum32(v, 0, [100, 10], [true, false], columns);
    expect(Array.from(columns.slice(0, 3))).toEqual([-478.1671447753906, -177.1444091796875, 286.7431335449219]);
    const rows = new Float64Array(100);
    torchSum32(v, 0, [100, 10], [false, true], rows);
    expect(Array.from(rows.slice(0, 3))).toEqual([1955.20947265625, -1869.932861328125, 1182.805419921875]);
  });
});
