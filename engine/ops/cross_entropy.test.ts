import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, OP_ID, compileLoss, gradientMismatches, leafId, lit, litArb, lossWeights, opErrors, opGraph, runOp } from '../testing/opHarness';
import { EngineError } from '../exec/program';
import { compile } from '../exec/compile';
import { assertTorch, PYTHON } from '../testing/debianPython';
import { type PyNumber, fromPy, toPy } from '../testing/torchBridge';

const L3 = Math.log(3);
const ce = (logits: ReturnType<typeof lit>, labels: number[], reduction = 'mean') =>
  runOp({ op: 'cross_entropy', attrs: { reduction }, inputs: { input: logits, target: lit([labels.length], labels) } }).data[0];

/** One cross_entropy call for PyTorch: logits [N, C], labels, reduction, and the upstream gradient w. */
interface TorchCase {
  readonly name: string;
  readonly logits: number[][];
  readonly labels: number[];
  readonly reduction: 'mean' | 'sum';
  readonly w: number;
}

/** torch.nn.functional.cross_entropy in float64 and its gradient for (w · loss).backward(), for every case in one process. */
const TORCH_CE = `
import json, math, sys, torch
def out(v):
    if math.isnan(v): return 'nan'
    if math.isinf(v): return 'inf' if v > 0 else '-inf'
    return '-0.0' if v == 0 and math.copysign(1.0, v) < 0 else v
res = []
for c in json.load(sys.stdin):
    x = torch.tensor([[float(v) for v in row] for row in c['logits']], dtype=torch.float64, requires_grad=True)
    loss = torch.nn.functional.cross_entropy(x, torch.tensor(c['labels']), reduction=c['reduction'])
    (loss * c['w']).backward()
    res.append({'loss': out(loss.item()), 'grad': [out(v) for v in x.grad.flatten().tolist()]})
print(json.dumps(res))
`;

/** The engine's loss and its gradient for (w · loss), from `logits → cross_entropy ← labels` with the loss weighted by w. */
function engineCe(c: TorchCase): { loss: number; grad: number[] } {
  const call = { op: 'cross_entropy', attrs: { reduction: c.reduction }, inputs: { input: lit([c.labels.length, c.logits[0].length], c.logits.flat()), target: lit([c.labels.length], c.labels) } };
  const graph = opGraph(call);
  const weighted = compile({
    ...graph,
    nodes: [...graph.nodes, { id: 'w', op: 'constant', value: { type: 'tensor', shape: [], data: [c.w] } }, { id: 'loss', op: 'mul' }],
    edges: [...graph.edges, { source: OP_ID, target: 'loss', targetPort: 'a' }, { source: 'w', target: 'loss', targetPort: 'b' }],
    loss: 'loss',
  }).program;
  if (!weighted) throw new Error(`${c.name} does not compile`);
  weighted.forward();
  weighted.backward();
  return { loss: weighted.value(OP_ID).data[0], grad: Array.from(weighted.grad(leafId('input'))?.data ?? []) };
}

/** Two floats agree to 1e-12 relative (both NaN, or equal infinities, count as agreeing). */
const close = (a: number, b: number) => (Number.isNaN(a) && Number.isNaN(b)) || a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));

/** Logit rows at scale s: a tie, negatives, mixed magnitudes, neighbours a few ulps apart, and a huge loss. */
function scaledCases(s: number): TorchCase[] {
  const ulp = 2 ** (Math.floor(Math.log2(s)) - 52);
  const logits = [
    [s, s, 0],
    [-s, -s, -2 * s],
    [0.3 * s, -1.2 * s, 2.5 * s],
    [s, s + 2 * ulp, s - 4 * ulp],
    [-s, s, 0.5 * s],
  ];
  const labels = [1, 2, 0, 0, 0];
  return (['mean', 'sum'] as const).flatMap((reduction) => [
    { name: `scale ${s}, ${reduction}`, logits, labels, reduction, w: 1 },
    { name: `scale −${s}, ${reduction}, upstream gradient`, logits: logits.map((r) => r.map((v) => -v)), labels: [0, 1, 2, 1, 2], reduction, w: lossWeights(1)[0] },
  ]);
}

const TORCH_CASES: TorchCase[] = [
  ...[1, 1e8, 1e15, 1e17, 1e100, 1e300].flatMap(scaledCases),
  { name: 'three equal logits', logits: [[7, 7, 7]], labels: [2], reduction: 'mean', w: 1 },
  // The label's gradient p − 1 is tiny here; computed as −g/N + p·g/N it would lose three digits that PyTorch keeps.
  { name: 'confident rows, mean over 3', logits: [[0, 30, 1], [2, 0, 25], [-3, 28, 0]], labels: [1, 2, 1], reduction: 'mean', w: lossWeights(1)[0] },
  { name: 'one −inf logit off the label', logits: [[-Infinity, 0, 1]], labels: [2], reduction: 'mean', w: 1 },
  { name: 'a logit of +inf', logits: [[Infinity, 0]], labels: [1], reduction: 'sum', w: 1 },
];

describe('cross_entropy', () => {
  it('cross_entropy of logits at scales 1 to 1e300 (negatives, ties, neighbours a few ulps apart), mean and sum → PyTorch float64 loss and gradient to 1e-12', () => {
    assertTorch();
    const input = TORCH_CASES.map((c) => ({ ...c, logits: c.logits.map((r) => r.map(toPy)) }));
    const r = spawnSync(PYTHON, ['-c', TORCH_CE], { input: JSON.stringify(input), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const torch = JSON.parse(r.stdout) as { loss: PyNumber; grad: PyNumber[] }[];
    TORCH_CASES.forEach((c, k) => {
      const ours = engineCe(c);
      const loss = fromPy(torch[k].loss);
      const grad = torch[k].grad.map(fromPy);
      expect(close(ours.loss, loss), `${c.name}: loss ${ours.loss} vs PyTorch ${loss}`).toBe(true);
      grad.forEach((g, i) => expect(close(ours.grad[i], g), `${c.name}: grad[${i}] ${ours.grad[i]} vs PyTorch ${g}`).toBe(true));
    });
  });

  it('cross_entropy([[1e17, 1e17, 0]], [1]) → ln 2 and gradient [0.5, −0.5, 0], as PyTorch gives', () => {
    const c = engineCe({ name: '1e17', logits: [[1e17, 1e17, 0]], labels: [1], reduction: 'mean', w: 1 });
    expect(c.loss).toBe(Math.LN2);
    expect(c.grad).toEqual([0.5, -0.5, 0]);
  });

  it('cross_entropy([[1e8 + 1, 1e8]], [1]) → ln(1 + e) to 1e-15 relative, where forming m + log z first is off by 1.8e-10', () => {
    const want = Math.log1p(Math.E);
    const c = engineCe({ name: '1e8', logits: [[1e8 + 1, 1e8]], labels: [1], reduction: 'mean', w: 1 });
    expect(Math.abs(c.loss - want) / want).toBeLessThan(1e-15);
  });

  it('cross_entropy([[0, 0]], [1]) is ln 2', () => {
    expect(ce(lit([1, 2], [0, 0]), [1])).toBeCloseTo(Math.LN2, 15);
  });

  it('cross_entropy([[0, ln 3],[ln 2, 0]], [1, 0]) is (ln(4/3) + ln(3/2))/2 = ln 2 / 2, and ln 2 with sum', () => {
    const logits = lit([2, 2], [0, L3, Math.LN2, 0]);
    expect(ce(logits, [1, 0])).toBeCloseTo(Math.LN2 / 2, 15);
    expect(ce(logits, [1, 0], 'sum')).toBeCloseTo(Math.LN2, 15);
  });

  it('cross_entropy([[1000, 0, -1000]], [0]) is 0 without overflow', () => {
    expect(ce(lit([1, 3], [1000, 0, -1000]), [0])).toBe(0);
  });

  it('cross_entropy([[0, ln 3]], [0]) has gradient (softmax − onehot)·g = [−0.75, 0.75]·g and none for the labels', () => {
    const p = compileLoss({ op: 'cross_entropy', inputs: { input: lit([1, 2], [0, L3]), target: lit([1], [0]) } });
    p.forward();
    p.backward();
    const [w] = lossWeights(1);
    expect(Array.from(p.grad(leafId('input'))?.data ?? [])).toEqual([expect.closeTo(-0.75 * w, 15), expect.closeTo(0.75 * w, 15)]);
    expect(p.grad(leafId('target'))).toBeNull();
  });

  it('cross_entropy of logits [2,3] and labels [3] is a shape_mismatch naming both shapes', () => {
    const errors = opErrors({ op: 'cross_entropy', inputs: { input: lit([2, 3], [1, 2, 3, 4, 5, 6]), target: lit([3], [0, 1, 2]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('[2, 3]');
    expect(errors[0].message).toContain('[3]');
  });

  it('cross_entropy of logits [2,3] and labels [2,1] is a shape_mismatch naming both shapes', () => {
    const errors = opErrors({ op: 'cross_entropy', inputs: { input: lit([2, 3], [1, 2, 3, 4, 5, 6]), target: lit([2, 1], [0, 1]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('[2, 1]');
  });

  it('cross_entropy of 1-D logits [3] is a shape_mismatch', () => {
    const errors = opErrors({ op: 'cross_entropy', inputs: { input: lit([3], [1, 2, 3]), target: lit([1], [0]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
  });

  it('cross_entropy with label 3 for 3 classes, or label 0.5, fails at run time naming the label', () => {
    expect(() => ce(lit([1, 3], [0, 0, 0]), [3])).toThrow(EngineError);
    expect(() => ce(lit([1, 3], [0, 0, 0]), [3])).toThrow(/label 3/);
    expect(() => ce(lit([1, 3], [0, 0, 0]), [0.5])).toThrow(/label 0.5/);
  });

  it('cross_entropy([[NaN, 0],[0, 0]], [1, 0]) is NaN', () => {
    expect(ce(lit([2, 2], [NaN, 0, 0, 0]), [1, 0])).toBeNaN();
  });

  it('cross_entropy logits gradient matches central differences for random [N, C] with integer labels, mean and sum', () => {
    const arb = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([n, c]) =>
        fc.tuple(
          litArb([n, c], fc.double({ min: -3, max: 3, noNaN: true })),
          fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: n, maxLength: n }),
          fc.constantFrom('mean', 'sum'),
        ),
      );
    fc.assert(
      fc.property(arb, ([input, labels, reduction]) => {
        const target = lit([labels.length], labels);
        expect(gradientMismatches({ op: 'cross_entropy', attrs: { reduction }, inputs: { input, target } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
