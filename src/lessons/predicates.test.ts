import { describe, expect, it } from 'vitest';
import { factsOf, type LessonFacts } from './facts';
import { attempted, type Check, checkSchema, numbersMatch, passes, passesAll } from './predicates';
import { XS } from './content/xs';
import { importPython } from '../../engine';
import { Session } from '../session/Session';
import { sessionOn, setLr, trainSteps } from './testSessions';

const X = [...XS];
const facts = (s: { state: Parameters<typeof factsOf>[0] }): LessonFacts => factsOf(s.state);

/** The course's lines, as the code panel imports them statement by statement. */
const COURSE_CODE = 'x = torch.arange(-2, 2.1, 0.25, requires_grad=True)\ny = 2 * x**2 + 2\nz = y.sum()';

/** A session on an empty canvas and a function that puts the document after line `k` (0-based) of `code`, after `import torch`, on it, as Run one statement does. */
function codeSession(code = COURSE_CODE) {
  const s = new Session({ frames: { request: () => 0, cancel: () => undefined } });
  const r = importPython(`import torch\n${code}`);
  if (r.error) throw new Error(r.error.message);
  return { s, run: (k: number) => s.edit('run one statement', () => r.statements[k + 1].file) };
}

describe('numbersMatch', () => {
  it('equal within a relative tolerance; different lengths never match', () => {
    expect(numbersMatch([1, 2.0000000001], [1, 2])).toBe(true);
    expect(numbersMatch([1, 2.1], [1, 2])).toBe(false);
    expect(numbersMatch([1], [1, 2])).toBe(false);
    expect(numbersMatch([NaN], [0])).toBe(false);
  });
});

describe('lesson predicates, judged from the session state', () => {
  it('nodeValues: a node (of an op) computes these values', () => {
    const s = sessionOn('composite-function');
    expect(passes(facts(s), { predicate: 'nodeValues', op: 'square', values: X.map((x) => x * x) })).toBe(true);
    expect(passes(facts(s), { predicate: 'nodeValues', values: X.map((x) => 2 * x * x + 2) })).toBe(true);
    expect(passes(facts(s), { predicate: 'nodeValues', op: 'scale', values: X.map((x) => x * x) }), 'the op must match').toBe(false);
    const k3 = sessionOn('composite-function', (d) => {
      d.nodes.find((n) => n.id === 'scale')!.attrs = { k: 3 };
    });
    expect(passes(facts(k3), { predicate: 'nodeValues', values: X.map((x) => 2 * x * x) })).toBe(false);
  });

  it('gradIsMultiple: None before backward; 4x after one, 8x after two, 0 after zero grad', () => {
    const s = sessionOn('composite-function');
    const grad = (k: number): Check => ({ predicate: 'gradIsMultiple', k, values: X });
    expect(passes(facts(s), grad(0)), 'x.grad is None, not zeros').toBe(false);
    s.backward();
    expect(passes(facts(s), grad(4))).toBe(true);
    expect(passes(facts(s), grad(8))).toBe(false);
    s.backward();
    expect(passes(facts(s), grad(8))).toBe(true);
    expect(passes(facts(s), grad(4))).toBe(false);
    s.zeroGrad();
    expect(passes(facts(s), grad(0))).toBe(true);
    expect(passes(facts(s), { predicate: 'gradIsMultiple', k: 0, values: [1, 2, 3] }), 'a leaf with other values').toBe(false);
  });

  it('gradValues: a parameter’s .grad is these values after backward, None before', () => {
    const s = sessionOn('linear-regression-by-hand');
    const wGrad: Check = { predicate: 'gradValues', op: 'parameter', values: [-19.04] };
    expect(passes(facts(s), wGrad)).toBe(false);
    s.backward();
    expect(passes(facts(s), wGrad)).toBe(true);
    expect(passes(facts(s), { predicate: 'gradValues', op: 'parameter', values: [2] }), 'B.grad').toBe(true);
    expect(passes(facts(s), { predicate: 'gradValues', op: 'input', values: [-19.04] })).toBe(false);
    s.backward();
    expect(passes(facts(s), wGrad), 'accumulated: −38.08').toBe(false);
  });

  it('selectedValues: the selection holds a node with these values', () => {
    const s = sessionOn('composite-function');
    const y: Check = { predicate: 'selectedValues', values: X.map((x) => 2 * x * x + 2) };
    expect(passes(facts(s), y)).toBe(false);
    s.select(['x']);
    expect(passes(facts(s), y)).toBe(false);
    s.select(['y']);
    expect(passes(facts(s), y)).toBe(true);
  });

  it('selectedOp: a selected node of the op', () => {
    const s = sessionOn('binary-classification');
    const sig: Check = { predicate: 'selectedOp', op: 'sigmoid' };
    expect(passes(facts(s), sig)).toBe(false);
    s.select(['linear']);
    expect(passes(facts(s), sig)).toBe(false);
    s.select(['prob']);
    expect(passes(facts(s), sig)).toBe(true);
  });

  it('usesColumns: an input bound to exactly these dataset columns, in any order', () => {
    const s = sessionOn('binary-classification');
    expect(passes(facts(s), { predicate: 'usesColumns', columns: ['x2', 'x1'] })).toBe(true);
    expect(passes(facts(s), { predicate: 'usesColumns', columns: ['label'] })).toBe(true);
    expect(passes(facts(s), { predicate: 'usesColumns', columns: ['x1'] }), 'one of two is not the binding').toBe(false);
    expect(passes(facts(sessionOn('composite-function')), { predicate: 'usesColumns', columns: ['x1'] })).toBe(false);
  });

  it('stepPhaseShown and gradFnLabels read the step-through', () => {
    const s = sessionOn('composite-function');
    expect(passes(facts(s), { predicate: 'stepPhaseShown', phase: 'predict' })).toBe(false);
    s.step();
    expect(passes(facts(s), { predicate: 'stepPhaseShown', phase: 'predict' })).toBe(true);
    expect(passes(facts(s), { predicate: 'stepPhaseShown', phase: 'backward' })).toBe(false);
    s.stepTrainingStep();
    expect(passes(facts(s), { predicate: 'stepPhaseShown', phase: 'backward' })).toBe(true);
    expect(passes(facts(s), { predicate: 'gradFnLabels', on: true })).toBe(false);
    expect(passes(facts(s), { predicate: 'gradFnLabels', on: false })).toBe(true);
    s.setGradFnLabels(true);
    expect(passes(facts(s), { predicate: 'gradFnLabels', on: true })).toBe(true);
  });

  it('accuracyAtLeast: the classification loss’s predictions now; none without a classification loss', () => {
    const s = sessionOn('binary-classification');
    expect(facts(s).accuracy).toBe(0.25);
    expect(passes(facts(s), { predicate: 'accuracyAtLeast', value: 0.9 })).toBe(false);
    trainSteps(s, 100);
    expect(passes(facts(s), { predicate: 'accuracyAtLeast', value: 0.9 })).toBe(true);
    const regression = sessionOn('linear-regression-by-hand');
    expect(facts(regression).accuracy).toBeNull();
    expect(passes(facts(regression), { predicate: 'accuracyAtLeast', value: 0 })).toBe(false);
  });

  it('backwardCount: backward passes held since the last zero grad', () => {
    const s = sessionOn('composite-function');
    s.backward();
    s.backward();
    expect(passes(facts(s), { predicate: 'backwardCount', exactly: 2 })).toBe(true);
    s.zeroGrad();
    s.backward();
    expect(passes(facts(s), { predicate: 'backwardCount', exactly: 2 })).toBe(false);
    expect(passes(facts(s), { predicate: 'backwardCount', exactly: 1 })).toBe(true);
  });

  it('stepsTaken, lossFalling and lossBelow read the loss curve of stepped epochs', () => {
    const s = sessionOn('linear-regression-by-hand');
    expect(passes(facts(s), { predicate: 'stepsTaken', atLeast: 1 })).toBe(false);
    expect(passes(facts(s), { predicate: 'lossFalling' })).toBe(false);
    trainSteps(s, 3);
    expect(facts(s).losses.map((l) => Number(l.toFixed(4)))).toEqual([13.352, 12.9897, 12.6438]);
    expect(passes(facts(s), { predicate: 'stepsTaken', atLeast: 3 })).toBe(true);
    expect(passes(facts(s), { predicate: 'stepsTaken', atLeast: 4 })).toBe(false);
    expect(passes(facts(s), { predicate: 'lossFalling' })).toBe(true);
    expect(passes(facts(s), { predicate: 'lossBelow', value: 6 })).toBe(false);
    setLr(s, 0.05);
    trainSteps(s, 2);
    expect(passes(facts(s), { predicate: 'lossBelow', value: 6 })).toBe(true);
  });

  it('learningRate: the document’s learning rate within [atLeast, below)', () => {
    const s = sessionOn('linear-regression-by-hand');
    const mid: Check = { predicate: 'learningRate', atLeast: 0.02, below: 0.08 };
    expect(passes(facts(s), mid)).toBe(false);
    setLr(s, 0.05);
    expect(passes(facts(s), mid)).toBe(true);
    setLr(s, 0.08);
    expect(passes(facts(s), mid)).toBe(false);
  });

  it('diverged: the loss rose over the last steps (lr 0.2), not while it falls (lr 0.05); a stopped run counts', () => {
    const good = sessionOn('linear-regression-by-hand');
    setLr(good, 0.05);
    trainSteps(good, 8);
    expect(passes(facts(good), { predicate: 'diverged' })).toBe(false);
    const bad = sessionOn('linear-regression-by-hand');
    setLr(bad, 0.2);
    trainSteps(bad, 2);
    expect(passes(facts(bad), { predicate: 'diverged' }), 'two steps cannot show three rises').toBe(false);
    trainSteps(bad, 3);
    expect(passes(facts(bad), { predicate: 'diverged' })).toBe(true);
    const stopped: LessonFacts = { ...facts(good), divergenceStopped: true };
    expect(passes(stopped, { predicate: 'diverged' })).toBe(true);
    const inf: LessonFacts = { ...facts(good), losses: [3, Infinity] };
    expect(passes(inf, { predicate: 'diverged' })).toBe(true);
  });

  it('passesAll: every check holds; an empty list never passes by itself', () => {
    const s = sessionOn('composite-function');
    expect(passesAll(facts(s), [])).toBe(false);
    expect(passesAll(facts(s), [{ predicate: 'nodeValues', op: 'input', values: X }, { predicate: 'backwardCount', exactly: 0 }])).toBe(true);
    expect(passesAll(facts(s), [{ predicate: 'nodeValues', op: 'input', values: X }, { predicate: 'backwardCount', exactly: 1 }])).toBe(false);
  });

  it('the schema refuses an unknown predicate, a missing argument and an extra one', () => {
    expect(checkSchema.safeParse({ predicate: 'clickedBackward' }).success).toBe(false);
    expect(checkSchema.safeParse({ predicate: 'lossBelow' }).success).toBe(false);
    expect(checkSchema.safeParse({ predicate: 'lossBelow', value: 1, button: 'x' }).success).toBe(false);
    expect(checkSchema.safeParse({ predicate: 'lossBelow', value: 1 }).success).toBe(true);
  });
});

describe('nodeOps', () => {
  it('holds when the graph computes a node of each op: x, then square, scale and y, then z appear as the statements run', () => {
    const { s, run } = codeSession();
    const x: Check = { predicate: 'nodeOps', ops: ['input'] };
    const y: Check = { predicate: 'nodeOps', ops: ['input', 'square', 'scale', 'add'] };
    const z: Check = { predicate: 'nodeOps', ops: ['input', 'square', 'scale', 'add', 'sum'] };
    expect([x, y, z].map((c) => passes(facts(s), c)), 'an empty canvas').toEqual([false, false, false]);
    run(0);
    expect([x, y, z].map((c) => passes(facts(s), c))).toEqual([true, false, false]);
    run(1);
    expect([x, y, z].map((c) => passes(facts(s), c))).toEqual([true, true, false]);
    run(2);
    expect([x, y, z].map((c) => passes(facts(s), c))).toEqual([true, true, true]);
  });

  it('a node that is on the canvas but not computed (unwired) does not count', () => {
    const s = new Session({ frames: { request: () => 0, cancel: () => undefined } });
    s.edit('add square', (d) => void d.nodes.push({ id: 'square', op: 'square', position: { x: 0, y: 0 } }));
    expect(passes(facts(s), { predicate: 'nodeOps', ops: ['square'] })).toBe(false);
  });
});

describe('wrong attempts: what shows a step’s hint', () => {
  /** Whether doing `act` on `s` is an attempt at `check`. */
  const attempt = (s: ReturnType<typeof sessionOn>, check: Check, act: () => void): boolean => {
    const before = facts(s);
    act();
    return attempted(before, facts(s), check);
  };

  it('nodeValues: dropping a node is not an attempt; a value computed or changed at a node already there is', () => {
    const s = sessionOn('composite-function');
    const check: Check = { predicate: 'nodeValues', op: 'input', values: [1, 2] };
    const drop = () => s.edit('add input', (d) => void d.nodes.push({ id: 'x2', op: 'input', position: { x: 0, y: 0 } }));
    expect(attempt(s, check, drop)).toBe(false);
    expect(attempt(s, check, () => s.select(['x2'])), 'selecting it is not either').toBe(false);
    const setValue = () =>
      s.edit('value', (d) => {
        d.nodes.find((n) => n.id === 'x2')!.value = { type: 'tensor', shape: [3], data: [1, 2, 3] };
      });
    expect(attempt(s, check, setValue)).toBe(true);
    expect(passes(facts(s), check), 'and it fails: the hint shows').toBe(false);
    expect(attempt(s, { predicate: 'nodeValues', op: 'square', values: [1] }, () => s.select([])), 'nor a selection change for another op').toBe(false);
  });

  it('gradIsMultiple, gradValues, backwardCount: a Backward or Zero grad is an attempt; an edit or a Forward is not', () => {
    const s = sessionOn('composite-function');
    const check: Check = { predicate: 'gradIsMultiple', k: 8, values: X };
    expect(attempt(s, check, () => s.forward())).toBe(false);
    expect(attempt(s, check, () => s.select(['x']))).toBe(false);
    expect(attempt(s, check, () => s.backward())).toBe(true);
    expect(attempt(s, { predicate: 'gradValues', values: [1] }, () => s.backward())).toBe(true);
    expect(attempt(s, { predicate: 'backwardCount', exactly: 1 }, () => s.zeroGrad())).toBe(true);
    expect(attempt(s, check, () => s.edit('k', (d) => void (d.nodes.find((n) => n.id === 'scale')!.attrs = { k: 3 })))).toBe(false);
  });

  it('selectedValues and selectedOp: selecting a node is an attempt; clearing the selection or an edit is not', () => {
    const s = sessionOn('composite-function');
    const check: Check = { predicate: 'selectedOp', op: 'sum' };
    expect(attempt(s, check, () => s.select(['square']))).toBe(true);
    expect(attempt(s, check, () => s.select([]))).toBe(false);
    expect(attempt(s, { predicate: 'selectedValues', values: [0] }, () => s.backward())).toBe(false);
  });

  it('training checks: a finished step is an attempt; a changed learning rate is an attempt only at learningRate', () => {
    const s = sessionOn('linear-regression-by-hand');
    const below: Check = { predicate: 'lossBelow', value: 1 };
    expect(attempt(s, below, () => setLr(s, 0.05))).toBe(false);
    expect(attempt(s, { predicate: 'learningRate', atLeast: 1 }, () => setLr(s, 0.1))).toBe(true);
    expect(attempt(s, { predicate: 'learningRate', atLeast: 1 }, () => s.backward())).toBe(false);
    expect(attempt(s, below, () => trainSteps(s, 1))).toBe(true);
    expect(attempt(s, { predicate: 'diverged' }, () => trainSteps(s, 1))).toBe(true);
    expect(attempt(s, { predicate: 'stepsTaken', atLeast: 9 }, () => s.select(['W']))).toBe(false);
    // A run in the worker counts when it ends, not at each epoch.
    const running = { ...facts(s), trainingRunning: true };
    expect(attempted(facts(s), { ...running, epochs: running.epochs + 1 }, below)).toBe(false);
    expect(attempted(running, facts(s), below)).toBe(true);
  });

  it('nodeOps: a computed node of another op appearing, or one of a listed op going away, is an attempt; the listed ops appearing is not', () => {
    const check: Check = { predicate: 'nodeOps', ops: ['input', 'square', 'scale', 'add'] };
    const { s, run } = codeSession();
    run(0);
    expect(attempt(s, check, () => run(1)), 'square, scale and y appear').toBe(false);
    expect(attempt(s, check, () => s.select(['x'])), 'a selection').toBe(false);
    expect(attempt(s, check, () => run(0)), 'the code ran again from its first line: square, scale and y went away').toBe(true);
    const cube = codeSession('x = torch.arange(-2, 2.1, 0.25, requires_grad=True)\ny = 2 * x**3 + 2');
    cube.run(0);
    expect(attempt(cube.s, check, () => cube.run(1)), 'x**3 is a pow node, not square').toBe(true);
    expect(passes(facts(cube.s), check), 'and it fails: the hint shows').toBe(false);
  });

  it('stepPhaseShown: running the pass with Forward instead of the step-through is an attempt; stepping through is not', () => {
    const s = sessionOn('composite-function');
    const check: Check = { predicate: 'stepPhaseShown', phase: 'loss' };
    expect(attempt(s, check, () => s.step())).toBe(false);
    expect(attempt(s, check, () => s.forward())).toBe(true);
    expect(attempt(s, { predicate: 'gradFnLabels', on: true }, () => s.setGradFnLabels(false))).toBe(false);
    expect(attempt(s, { predicate: 'gradFnLabels', on: true }, () => s.setGradFnLabels(true))).toBe(true);
  });
});
