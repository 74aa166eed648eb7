import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { EngineError } from './program';
import { compositeFunction, scalarChain } from '../testing/graphs';

const program = (g = compositeFunction()) => {
  const p = compile(g).program;
  if (!p) throw new Error('did not compile');
  return p;
};

describe('Program', () => {
  it('forward on the composite function gives z = Σ(2x² + 2) = 85', () => {
    const p = program();
    p.forward();
    expect(p.value('z').data[0]).toBe(85);
    expect(Array.from(p.value('ad').data.slice(0, 3))).toEqual([10, 8.125, 6.5]);
  });

  it('backward gives x.grad = 4x, and a second backward doubles it', () => {
    const p = program();
    p.forward();
    p.backward();
    const x = Array.from(p.value('x').data);
    expect(Array.from(p.grad('x')?.data ?? [])).toEqual(x.map((v) => 4 * v));
    p.backward();
    expect(Array.from(p.grad('x')?.data ?? [])).toEqual(x.map((v) => 8 * v));
    p.zeroGrad();
    expect(Array.from(p.grad('x')?.data ?? [])).toEqual(x.map(() => 0));
  });

  it('backward keeps intermediate gradients fresh while leaf gradients accumulate', () => {
    const p = program();
    p.forward();
    p.backward();
    p.backward();
    expect(Array.from(p.grad('sq')?.data ?? [])).toEqual(new Array(17).fill(2));
  });

  it('backward from a chosen scalar node works and a non-scalar node is refused', () => {
    const p = program();
    p.forward();
    expect(() => p.backward('sq')).toThrow(EngineError);
    expect(() => p.backward('sq')).toThrow(/scalar/);
  });

  it('a value used twice receives both gradient contributions', () => {
    const p = program({
      nodes: [
        { id: 'x', op: 'input', value: { type: 'tensor', shape: [], data: [3] }, requiresGrad: true },
        { id: 'm', op: 'mul' },
        { id: 's', op: 'sum' },
      ],
      edges: [
        { source: 'x', target: 'm', targetPort: 'a' },
        { source: 'x', target: 'm', targetPort: 'b' },
        { source: 'm', target: 's', targetPort: 'x' },
      ],
      loss: 's',
    });
    p.forward();
    p.backward();
    expect(p.grad('x')?.data[0]).toBe(6);
  });

  it('a 100,000-node chain runs forward and backward without a stack overflow', () => {
    const p = program(scalarChain(100_000));
    p.forward();
    p.backward();
    // Reference: the same chain as a plain loop, with the chain rule multiplied along it.
    let v = 0.3;
    let d = 1;
    for (let i = 0; i < 100_000; i++) {
      const kind = i % 3;
      d *= kind === 0 ? 2 * v : kind === 1 ? 0.5 : 1;
      v = kind === 0 ? v * v : kind === 1 ? 0.5 * v : v + 0.1;
    }
    expect(p.lossValue()).toBe(v);
    expect(p.grad('x')?.data[0]).toBe(d);
  });

  it('a runtime error names the node where it happened', () => {
    const p = program({
      nodes: [
        { id: 'x', op: 'input', value: { type: 'tensor', shape: [2], data: [0.5, 2] } },
        { id: 't', op: 'input', value: { type: 'tensor', shape: [2], data: [0, 1] } },
        { id: 'bce', op: 'bce' },
      ],
      edges: [
        { source: 'x', target: 'bce', targetPort: 'input' },
        { source: 't', target: 'bce', targetPort: 'target' },
      ],
    });
    expect(() => p.forward()).toThrow(/bce: bce input must be a probability in \[0, 1\], got 2/);
  });
});
