import { describe, expect, it } from 'vitest';
import { createEngineRun } from './engineRun';
import { createFusedRun, type FusedRun } from './fused';
import { benchWorkloads, chainWorkload, mlpWorkload, type Workload } from './workloads';
import { bostonEngine, bostonFused, bostonWorkload } from './boston';

/** Asserts |a − b| ≤ 1e-12 · max(|a|, |b|) (exact zeros must match exactly). */
function expectClose(a: number, b: number, what: string): void {
  expect(Number.isFinite(a), `${what} is finite`).toBe(true);
  expect(Math.abs(a - b), `${what}: engine ${a}, fused ${b}`).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(a), Math.abs(b)));
}

/** Runs `steps` steps on both and compares the last loss, every updated parameter and the start value's gradient. */
function compareRuns(w: Workload, steps: number): FusedRun {
  const engine = createEngineRun(w);
  const fused = createFusedRun(w);
  let fusedLoss = NaN;
  for (let s = 0; s < steps; s++) {
    engine.step();
    fusedLoss = fused.step();
  }
  const program = engine.program;
  expectClose(program.lossValue(), fusedLoss, `${w.id} loss`);
  expect(program.params.length).toBe(fused.params.length);
  program.params.forEach((p, k) => {
    expect(p.value.length).toBe(fused.params[k].length);
    p.value.forEach((v, i) => expectClose(v, fused.params[k][i], `${w.id} ${p.node}.${p.name}[${i}]`));
  });
  if (w.kind === 'chain') expectClose((program.grad('x') as { data: Float64Array }).data[0], fused.inputGrad(), `${w.id} ∂loss/∂x`);
  return fused;
}

describe('bench workloads: the fused loop does the engine’s arithmetic', () => {
  for (const w of benchWorkloads()) {
    it(`${w.id} (${w.title}): same loss and parameters after one step`, () => compareRuns(w, 1));
  }

  it('the regression workloads still agree after several steps (the update feeds the next forward)', () => {
    for (const w of benchWorkloads()) if (w.kind === 'mlp') compareRuns(w, 5);
  });

  it('odd row counts and widths that are not multiples of four take the fused loops’ edge paths exactly', () => {
    compareRuns(mlpWorkload('odd-linear', 'N=101, linear(13,1)', 101, [13, 1], (x) => x[0] - x[12], 7), 3);
    compareRuns(mlpWorkload('odd-mlp', 'N=7, linear(5,3)→sq→linear(3,6)→sq→linear(6,1)', 7, [5, 3, 6, 1], (x) => x[0] * x[4], 8), 3);
  });

  it('short chains, where the start gradient has not underflowed, give the same gradient', () => {
    for (const length of [1, 2, 3, 31, 62, 300]) {
      const w = chainWorkload(`chain${length}`, 'short chain', length);
      expect(compareRuns(w, 1).inputGrad()).not.toBe(0);
    }
  });

  it('each workload stays finite and non-trivial', () => {
    for (const w of benchWorkloads()) {
      const fused = createFusedRun(w);
      let loss = 0;
      for (let s = 0; s < 200; s++) loss = fused.step();
      expect(Number.isFinite(loss) && loss > 0).toBe(true);
    }
  });

  it('W5: the Boston run ends with the same loss, weight and bias in the engine (compiled and interpreted) and the fused loop', () => {
    const w = bostonWorkload(300);
    expect(w.rows.length).toBe(506);
    const [compiled, interpreted, fused] = [bostonEngine(w), bostonEngine(w, true), bostonFused(w)];
    expect(compiled).toEqual(interpreted);
    for (const k of ['loss', 'weight', 'bias'] as const) expectClose(compiled[k], fused[k], `W5 ${k}`);
  });

  it('the compiled step and the interpreter agree bit for bit on every workload', () => {
    for (const w of [...benchWorkloads().map((b) => (b.kind === 'chain' ? chainWorkload(b.id, b.title, 900) : b))]) {
      const [a, b] = [createEngineRun(w), createEngineRun(w, 'float64', true)];
      for (let s = 0; s < 3; s++) {
        a.step();
        b.step();
      }
      a.program.slots.forEach((slot, k) => {
        const other = b.program.slots[k];
        expect(slot.value.every((v, i) => Object.is(v, other.value[i])), `${w.id} ${slot.id}`).toBe(true);
        expect(slot.grad?.every((v, i) => Object.is(v, other.grad?.[i])) ?? other.grad === null, `${w.id} ∂${slot.id}`).toBe(true);
      });
    }
  });
});
