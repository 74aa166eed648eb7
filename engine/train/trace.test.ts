import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import { traceBackward, traceForward, traceTrainingStep, type TraceEvent } from './trace';
import { createOptimizer } from '../optim/index';
import { compositeFunction, linearRegression } from '../testing/graphs';
import type { Graph } from '../graph/types';

const compiled = (g: Graph) => {
  const p = compile(g).program;
  if (!p) throw new Error('did not compile');
  return p;
};

/** y = x·x + x: x feeds three edges, so its gradient 2x + 1 is the sum of three contributions. */
const branching: Graph = {
  nodes: [
    { id: 'x', op: 'input', value: { type: 'tensor', shape: [2], data: [3, -1] }, requiresGrad: true },
    { id: 'm', op: 'mul' },
    { id: 'a', op: 'add' },
    { id: 's', op: 'sum' },
  ],
  edges: [
    { source: 'x', target: 'm', targetPort: 'a' },
    { source: 'x', target: 'm', targetPort: 'b' },
    { source: 'm', target: 'a', targetPort: 'a' },
    { source: 'x', target: 'a', targetPort: 'b' },
    { source: 'a', target: 's', targetPort: 'x' },
  ],
  loss: 's',
};

describe('trace', () => {
  it('traceForward lists every node once in topological order with its value', () => {
    const events = traceForward(compiled(compositeFunction()));
    expect(events.map((e) => e.node)).toEqual(['x', 'sq', 'sc', 'ad', 'z']);
    expect(events.map((e) => e.type === 'forward' && e.phase)).toEqual(['predict', 'predict', 'predict', 'predict', 'loss']);
    const z = events[4];
    expect(z.type === 'forward' && z.value.data[0]).toBe(85);
  });

  it('traceBackward visits nodes in reverse order and gives the same gradients as backward', () => {
    const p = compiled(compositeFunction());
    p.forward();
    const events = traceBackward(p);
    expect(events.map((e) => e.node)).toEqual(['z', 'ad', 'sc', 'sq', 'x']);
    const x = events[4];
    const expected = Array.from(p.value('x').data, (v) => 4 * v);
    expect(x.type === 'backward' && Array.from(x.grad.data)).toEqual(expected);
    expect(Array.from(p.grad('x')?.data ?? [])).toEqual(expected);
  });

  it('where an output feeds several edges, each edge contribution is recorded and they sum to the gradient', () => {
    const p = compiled(branching);
    p.forward();
    const x = traceBackward(p).find((e) => e.node === 'x') as Extract<TraceEvent, { type: 'backward' }>;
    expect(x.contributions.map((c) => `${c.target}.${c.port}`).sort()).toEqual(['a.b', 'm.a', 'm.b']);
    const total = x.contributions.reduce((acc, c) => acc.map((v, i) => v + c.grad.data[i]), [0, 0]);
    expect(total).toEqual([7, -1]);
    expect(Array.from(x.grad.data)).toEqual([7, -1]);
  });

  it('traceTrainingStep records before and after of each parameter with after = before − lr·grad', () => {
    const rows = [[1, 2], [2, 4], [3, 7]];
    const p = compiled(linearRegression(rows, 0.5, 0));
    const opt = createOptimizer({ type: 'sgd', lr: 0.1 }, p.params);
    const events = traceTrainingStep(p, opt);
    const phases = [...new Set(events.map((e) => e.phase))];
    expect(phases).toEqual(['predict', 'loss', 'backward', 'update']);
    const updates = events.filter((e): e is Extract<TraceEvent, { type: 'update' }> => e.type === 'update');
    expect(updates.map((u) => u.param)).toEqual(['weight', 'bias']);
    for (const u of updates) {
      u.after.data.forEach((v, i) => expect(v).toBeCloseTo(u.before.data[i] - 0.1 * u.grad.data[i], 15));
    }
    const weightGrad = events.find((e) => e.type === 'backward' && e.param === 'weight');
    expect(weightGrad?.type === 'backward' && weightGrad.contributions[0].port).toBe('weight');
  });
});

describe('trace in float32', () => {
  it('a traced training step gives the gradients and updated parameters of forward, backward and step in float32, bit for bit', () => {
    const rows = [[0.1, 0.7], [1.3, 2.9], [2.2, 4.1], [3.7, 7.3], [4.1, 8.05]];
    const graph: Graph = { ...linearRegression(rows, 0.3, -0.2), dtype: 'float32' };
    const traced = compiled(graph);
    const plain = compiled(graph);
    expect(traced.dtype).toBe('float32');
    const events = traceTrainingStep(traced, createOptimizer({ type: 'sgd', lr: 0.1, momentum: 0.9 }, traced.params, [], 'float32'));
    const sgd = createOptimizer({ type: 'sgd', lr: 0.1, momentum: 0.9 }, plain.params, [], 'float32');
    sgd.zeroGrad();
    plain.forward();
    plain.backward();
    const grads = plain.params.map((p) => p.grad.slice());
    sgd.step();
    const updates = events.filter((e) => e.type === 'update');
    expect(updates).toHaveLength(plain.params.length);
    plain.params.forEach((p, k) => {
      expect(traced.params[k].grad).toEqual(grads[k]);
      expect(traced.params[k].value).toEqual(p.value);
      expect(Array.from(p.value).every((v) => Math.fround(v) === v)).toBe(true);
    });
  });
});
