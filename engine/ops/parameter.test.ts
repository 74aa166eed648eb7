import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import type { GraphNode, InitSpec } from '../graph/types';
import { leafValue } from '../testing/opHarness';
import { tensor } from '../tensor/tensor';
import { parameter, parameterFanIn } from './parameter';

const param = (shape: number[], init?: InitSpec): number[] => Array.from(leafValue({ id: 'p', op: 'parameter', shape, init }).data);
const meanOf = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const stdOf = (v: number[]) => Math.sqrt(meanOf(v.map((x) => (x - meanOf(v)) ** 2)));

describe('parameter', () => {
  it('parameter [2,3] with constant init 0.5 is all 0.5; without init it is all zeros', () => {
    expect(param([2, 3], { type: 'constant', value: 0.5 })).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(param([2])).toEqual([0, 0]);
  });

  it('parameter.init is what a parameter without init starts from: constant 0', () => {
    expect(parameter.init).toEqual({ type: 'constant', value: 0 });
    expect(param([3])).toEqual(param([3], parameter.init));
  });

  it('parameterFanIn([8, 16]) is 16 and parameterFanIn([]) is 1', () => {
    expect(parameterFanIn([8, 16])).toBe(16);
    expect(parameterFanIn([])).toBe(1);
  });

  it('parameter uniform(-0.3, 0.7) init is in [-0.3, 0.7), centred near 0.2, and reproducible from its seed', () => {
    const v = param([1000], { type: 'uniform', low: -0.3, high: 0.7, seed: 5 });
    for (const x of v) {
      expect(x).toBeGreaterThanOrEqual(-0.3);
      expect(x).toBeLessThan(0.7);
    }
    expect(meanOf(v)).toBeCloseTo(0.2, 1);
    expect(param([1000], { type: 'uniform', low: -0.3, high: 0.7, seed: 5 })).toEqual(v);
    expect(param([1000], { type: 'uniform', low: -0.3, high: 0.7, seed: 6 })).not.toEqual(v);
  });

  it('parameter normal(1, 0.1) init has mean ≈ 1 and std ≈ 0.1, and is reproducible from its seed', () => {
    const v = param([4000], { type: 'normal', mean: 1, std: 0.1, seed: 3 });
    expect(Math.abs(meanOf(v) - 1)).toBeLessThan(0.01);
    expect(Math.abs(stdOf(v) - 0.1)).toBeLessThan(0.01);
    expect(param([4000], { type: 'normal', mean: 1, std: 0.1, seed: 3 })).toEqual(v);
    expect(param([4000], { type: 'normal', mean: 1, std: 0.1, seed: 4 })).not.toEqual(v);
  });

  it('parameter [8,16] default init is uniform in ±1/√16 = ±0.25, filling most of the range, and reproducible', () => {
    const v = param([8, 16], { type: 'default', seed: 9 });
    for (const x of v) expect(Math.abs(x)).toBeLessThanOrEqual(0.25);
    expect(Math.max(...v.map(Math.abs))).toBeGreaterThan(0.2);
    expect(param([8, 16], { type: 'default', seed: 9 })).toEqual(v);
    expect(param([8, 16], { type: 'default', seed: 10 })).not.toEqual(v);
  });

  it('parameter with stored values uses them; stored values of the wrong shape are a bad_value', () => {
    expect(Array.from(leafValue({ id: 'p', op: 'parameter', shape: [2], params: { value: tensor([2], [3, 4]) } }).data)).toEqual([3, 4]);
    const wrong: GraphNode = { id: 'p', op: 'parameter', shape: [3], params: { value: tensor([2], [3, 4]) } };
    expect(compile({ nodes: [wrong], edges: [] }).problems.map((p) => p.code)).toContain('bad_value');
  });

  it('running backward twice doubles leaf gradients (PyTorch accumulation), and zeroGrad resets them', () => {
    const r = compile({
      nodes: [
        { id: 'p', op: 'parameter', shape: [3], init: { type: 'constant', value: 2 } },
        { id: 'x', op: 'input', requiresGrad: true, value: { type: 'tensor', shape: [3], data: [1, -2, 3] } },
        { id: 'px', op: 'mul' },
        { id: 'loss', op: 'sum' },
      ],
      edges: [
        { source: 'p', target: 'px', targetPort: 'a' },
        { source: 'x', target: 'px', targetPort: 'b' },
        { source: 'px', target: 'loss', targetPort: 'x' },
      ],
      loss: 'loss',
    });
    const prog = r.program;
    if (!prog) throw new Error(r.problems.map((p) => p.message).join('; '));
    const grads = () => [Array.from(prog.grad('p')?.data ?? []), Array.from(prog.grad('x')?.data ?? [])];
    prog.forward();
    prog.backward();
    expect(grads()).toEqual([[1, -2, 3], [2, 2, 2]]);
    prog.backward();
    expect(grads()).toEqual([[2, -4, 6], [4, 4, 4]]);
    expect(Array.from(prog.grad('px')?.data ?? [])).toEqual([1, 1, 1]);
    prog.zeroGrad();
    expect(grads()).toEqual([[0, 0, 0], [0, 0, 0]]);
    prog.backward();
    expect(grads()).toEqual([[1, -2, 3], [2, 2, 2]]);
  });
});
