import { describe, expect, it } from 'vitest';
import { classPoints, classRegions, dataModelSetup, decideClass, decisionGrid, regressionPoints } from './dataModel';
import { compiled, compositeDoc, linearDoc } from './testGraphs';

describe('dataModel', () => {
  it('dataModelSetup(linear regression) finds the feature, target and prediction', () => {
    expect(dataModelSetup(linearDoc())).toEqual({
      type: 'regression',
      feature: 'X',
      featureName: 'x',
      target: 'Y',
      prediction: 'linear',
      axes: { x: { node: 'X', column: 'x', space: 'raw' }, y: { node: 'Y', column: 'y', space: 'raw' } },
    });
  });
  it('dataModelSetup of a graph without a dataset says why there is nothing to show', () => {
    expect(dataModelSetup(compositeDoc())).toEqual({ type: 'none', reason: 'no_loss' });
  });
  it('regressionPoints are sorted by x with the prediction w·x + b', () => {
    const doc = linearDoc();
    const p = compiled(doc);
    p.params[0].value[0] = 2;
    p.params[1].value[0] = 1;
    p.forward();
    const setup = dataModelSetup(doc);
    if (setup.type !== 'regression') throw new Error('expected regression');
    expect(regressionPoints(p, setup)).toEqual([
      { x: -1, y: -1, pred: -1 },
      { x: 0, y: 1, pred: 1 },
      { x: 1, y: 3, pred: 3 },
      { x: 2, y: 5, pred: 5 },
    ]);
  });
  it('decideClass reads a probability, a logit or the largest score', () => {
    expect(decideClass([0.7], 'probability')).toBe(1);
    expect(decideClass([-0.1], 'logit')).toBe(0);
    expect(decideClass([0.1, 3, 2], 'class-logits')).toBe(1);
  });
  it('decisionGrid of two features splits the plane where the logit changes sign, and restores the data', () => {
    const doc = linearDoc(true);
    const setup = dataModelSetup(doc);
    if (setup.type !== 'classes') throw new Error('expected classes');
    expect(setup.decide).toBe('logit');
    const p = compiled(doc);
    expect(classPoints(p, setup).map((q) => q.label)).toEqual([0, 0, 1, 1]);
    const before = Array.from(p.value('X').data);
    // weight [1, 0], bias 0: class 1 where x1 ≥ 0.
    const grid = decisionGrid(p, setup, [-1.5, -0.5, 0.5, 1.5, 2.5], [0, 1]);
    expect(Array.from(grid)).toEqual([0, 0, 1, 1, 1, 0, 0, 1, 1, 1]);
    expect(Array.from(p.value('X').data)).toEqual(before);
  });
  it("dataModelSetup reads how a loss decides a class from the loss op's definition: cross_entropy by the largest logit, mse none", () => {
    const withLoss = (op: string) => {
      const doc = linearDoc(true);
      return { ...doc, nodes: doc.nodes.map((n) => (n.id === 'loss' ? { ...n, op } : n)) };
    };
    expect(dataModelSetup(withLoss('cross_entropy'))).toMatchObject({ type: 'classes', decide: 'class-logits' });
    expect(dataModelSetup(withLoss('bce'))).toMatchObject({ type: 'classes', decide: 'probability' });
    expect(dataModelSetup(withLoss('mse'))).toEqual({ type: 'none', reason: 'unsupported' });
  });
  it('classRegions gives one region per class present, meeting at the boundary', () => {
    // 4×4 grid, class 1 in the right half (i ≥ 2): the regions meet on the line x = 2 in grid units.
    const classes = Int32Array.from({ length: 16 }, (_, k) => (k % 4 >= 2 ? 1 : 0));
    const r = classRegions(classes, 4);
    expect(r.map((q) => q.cls)).toEqual([0, 1]);
    const xs = r[1].shape.coordinates.flat(2).map((p) => p[0]);
    expect(Math.min(...xs)).toBeCloseTo(2, 12);
    expect(classRegions(new Int32Array(16), 4).map((q) => q.cls)).toEqual([0]);
  });
});
