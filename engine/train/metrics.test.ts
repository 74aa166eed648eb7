import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import { EngineError, type Program } from '../exec/program';
import { classifier, type ClassifierKind } from '../testing/classifierGraphs';
import { linearRegression } from '../testing/graphs';
import { AccuracyMeter, accuracyProblem } from './metrics';

function program(kind: ClassifierKind, batchRows?: number): Program {
  const r = compile(classifier(kind), { batchRows });
  if (!r.program) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.program;
}

/** The accuracy counted by hand from the prediction node and the labels. */
function byHand(p: Program, kind: ClassifierKind): number {
  const t = p.value('T').data;
  if (kind === 'cross_entropy') {
    const s = p.value('lin').data;
    let hits = 0;
    for (let r = 0; r < t.length; r++) {
      const row = [s[3 * r], s[3 * r + 1], s[3 * r + 2]];
      if (row.indexOf(Math.max(...row)) === t[r]) hits++;
    }
    return hits / t.length;
  }
  const y = p.value(kind === 'bce' ? 'p' : 'lin').data;
  const cut = kind === 'bce' ? 0.5 : 0;
  return t.filter((v, i) => (y[i] >= cut ? 1 : 0) === v).length / t.length;
}

describe('AccuracyMeter', () => {
  it.each(['bce', 'bce_with_logits', 'cross_entropy'] as const)('on %s reads the class off the loss input as the op\'s prediction rule says', (kind) => {
    const p = program(kind);
    p.forward();
    const meter = new AccuracyMeter(p);
    meter.add(p);
    const acc = meter.take();
    expect(acc).toBe(byHand(p, kind));
    expect(acc).toBeGreaterThan(0);
    expect(acc).toBeLessThan(1);
  });

  it('adds up mini-batches of other programs of the same graph, weighting each prediction once', () => {
    const full = program('cross_entropy');
    const batch = program('cross_entropy', 8);
    const meter = new AccuracyMeter(full);
    const rows = full.value('X').data;
    const labels = full.value('T').data;
    let hits = 0;
    for (let start = 0; start < 24; start += 8) {
      batch.setLeafData('X', rows.subarray(start * 2, (start + 8) * 2));
      batch.setLeafData('T', labels.subarray(start, start + 8));
      batch.forward();
      meter.add(batch);
      hits += byHand(batch, 'cross_entropy') * 8;
    }
    full.forward();
    expect(meter.take()).toBe(hits / 24);
    expect(hits / 24).toBe(byHand(full, 'cross_entropy'));
  });

  it('take() starts a fresh count, and with nothing counted is NaN', () => {
    const p = program('bce');
    p.forward();
    const meter = new AccuracyMeter(p);
    meter.add(p);
    meter.take();
    expect(meter.take()).toBeNaN();
  });

  it('an mse loss has no class: accuracyProblem says which losses have, and the meter refuses it', () => {
    const r = compile(linearRegression([[1, 2], [2, 4]]));
    const p = r.program as Program;
    expect(accuracyProblem(p)).toBe("accuracy needs the loss to be a classification loss (bce, bce_with_logits, cross_entropy), but the loss 'loss' is mse");
    expect(() => new AccuracyMeter(p)).toThrow(EngineError);
    expect(accuracyProblem(program('bce'))).toBeNull();
  });
});
