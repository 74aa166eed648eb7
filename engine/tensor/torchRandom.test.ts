import { describe, expect, it } from 'vitest';
import { logAvx, sinCosAvx } from './avxMathfun';
import { TorchGenerator } from './torchRandom';

// Numbers printed by PyTorch 1.13 (engine/pyimport/againstTorch.test.ts compares thousands more).
describe('TorchGenerator', () => {
  it('draws what torch.manual_seed(0); torch.randn(3) prints, one at a time below 16', () => {
    expect(Array.from(new TorchGenerator(0).randn(3, 'float32'))).toEqual([1.5409960746765137, -0.293428897857666, -2.1787893772125244]);
  });

  it('draws what torch.randn(20) prints, in AVX2 blocks of 16 with the last 16 drawn again', () => {
    const v = new TorchGenerator(0).randn(20, 'float32');
    expect([v[0], v[15], v[19]]).toEqual(PYTORCH_20);
  });

  it('draws what torch.rand and uniform_ print: 24 bits for float32, 53 for float64, scaled in double', () => {
    const g = new TorchGenerator(0);
    expect(Array.from(g.uniform(3, 0, 1, 'float32'))).toEqual([0.49625658988952637, 0.7682217955589294, 0.08847743272781372]);
    expect(Array.from(g.uniform(2, 0, 1, 'float64'))).toEqual([0.0562441839043476, 0.07262971157225484]);
    expect(Array.from(new TorchGenerator(0).uniform(3, -0.3, 0.7, 'float32'))).toEqual([0.1962565779685974, 0.4682217836380005, -0.21152257919311523]);
  });
});

const PYTORCH_20 = [-1.1258398294448853, -0.843676745891571, 0.05373690277338028];

describe('avx_mathfun', () => {
  it('log, sin and cos agree with the exact functions to float32 precision', () => {
    for (const x of [1e-7, 0.001, 0.3, 0.70710677, 0.9999999]) expect(Math.abs(logAvx(Math.fround(x)) - Math.log(Math.fround(x)))).toBeLessThan(4e-7 * Math.max(1, Math.abs(Math.log(x))));
    for (const x of [0, 0.5, 1.5, 3, 4.7, 6.28]) {
      const [s, c] = sinCosAvx(Math.fround(x));
      expect(Math.abs(s - Math.sin(Math.fround(x)))).toBeLessThan(3e-7);
      expect(Math.abs(c - Math.cos(Math.fround(x)))).toBeLessThan(3e-7);
    }
  });
});
