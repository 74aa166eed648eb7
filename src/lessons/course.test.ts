import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type GraphFile, importPython, parseCsv } from '../../engine';
import { Session } from '../session/Session';
import { COURSE, lessonById } from './course';
import { LESSON_FILES, parseCourse } from './courseFiles';
import { factsOf } from './facts';
import { passesAll } from './predicates';
import { sessionOn, setLr, trainSteps } from './testSessions';

/** Whether the session passes step `step` (1-based) of lesson `id`. */
function stepDone(id: string, step: number, s: Session): boolean {
  const lesson = lessonById(id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  return passesAll(factsOf(s.state), lesson.steps[step - 1].check);
}

describe('the lesson files', () => {
  it('every lesson file validates, and the course is in the course’s order', () => {
    const r = parseCourse(LESSON_FILES);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(COURSE.map((l) => [l.number, l.id])).toEqual([
      [1, 'functions'],
      [2, 'derivatives'],
      [3, 'partial-derivatives'],
      [4, 'gradient-descent'],
      [5, 'tensors'],
      [6, 'define-by-run'],
      [7, 'backward'],
      [8, 'training-loop'],
      [9, 'nn-modules'],
      [10, 'binary-classification'],
      [11, 'multiclass-classification'],
    ]);
  });

  it('every node a lesson or a step focuses on is a node of the example the lesson opens, or of the graph the code it puts in the code panel builds', () => {
    for (const lesson of COURSE) {
      const open = (lesson.setup ?? []).flatMap((a) => (a.do === 'openExample' ? [a.file] : []));
      const code = (lesson.setup ?? []).flatMap((a) => (a.do === 'showCode' ? [a.code] : []));
      const foci = [lesson.focus ?? [], ...lesson.steps.map((s) => s.focus ?? [])].flat();
      if (foci.length === 0) continue;
      expect(open.length + code.length, `${lesson.id} focuses on nodes, so it opens an example or gives code`).toBe(1);
      const doc = code.length === 1 ? importPython(code[0]).file : (JSON.parse(readFileSync(`public/examples/${open[0]}`, 'utf8')) as GraphFile);
      const ids = doc.nodes.map((n) => n.id);
      expect(foci.filter((id) => !ids.includes(id)), lesson.id).toEqual([]);
    }
    expect(COURSE.filter((l) => l.setup?.some((a) => a.do === 'openExample') && !l.focus).map((l) => l.id), 'every lesson that opens an example says where to look').toEqual([]);
  });

  it('a bad file is refused with every problem named by lesson and path', () => {
    const good = structuredClone(LESSON_FILES[0]) as Record<string, unknown>;
    const steps = good.steps as Record<string, unknown>[];
    const bad = { ...good, id: 'bad', number: 50, title: { en: 'Only English' }, steps: [{ ...steps[0], check: [{ predicate: 'clickedBackward' }] }, ...steps.slice(1)] };
    const r = parseCourse([bad]);
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors.some((e) => e.startsWith('bad: title.ja:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('bad: steps.0.check.0.predicate:'))).toBe(true);
  });

  it('duplicate ids and numbers, and controls named by unknown message keys, are refused', () => {
    const file = structuredClone(LESSON_FILES[0]);
    expect(parseCourse([file, file]).ok).toBe(false);
    const named = structuredClone(LESSON_FILES[0]);
    named.steps[0].text.en += ' Press [[toolbar.noSuchButton]].';
    const r = parseCourse([named]);
    expect(r.ok ? [] : r.errors).toEqual(['functions: steps.0.en: [[toolbar.noSuchButton]] is not an interface message']);
  });
});

describe('lesson 1, functions: each step passes on the graph it asks for and fails short of it', () => {
  it('step 1: x = arange(−2, 2.1, 0.25); not an empty graph, not arange(−2, 2, 0.25)', () => {
    expect(stepDone('functions', 1, sessionOn('composite-function'))).toBe(true);
    const short = sessionOn('composite-function', (d) => {
      d.nodes[0].value = { type: 'arange', start: -2, end: 2, step: 0.25 };
    });
    expect(stepDone('functions', 1, short)).toBe(false);
  });

  it('steps 2–4: x², 2x², 2x² + 2; a wrong k or c fails', () => {
    const s = sessionOn('composite-function');
    for (const step of [2, 3, 4]) expect(stepDone('functions', step, s), `step ${step}`).toBe(true);
    const k3 = sessionOn('composite-function', (d) => {
      d.nodes.find((n) => n.id === 'scale')!.attrs = { k: 3 };
    });
    expect(stepDone('functions', 2, k3)).toBe(true);
    expect(stepDone('functions', 3, k3)).toBe(false);
    const c1 = sessionOn('composite-function', (d) => {
      d.nodes.find((n) => n.id === 'y')!.attrs = { c: 1 };
    });
    expect(stepDone('functions', 4, c1)).toBe(false);
    const unwired = sessionOn('composite-function', (d) => {
      d.edges = d.edges.filter((e) => e.target !== 'square');
    });
    expect(stepDone('functions', 2, unwired)).toBe(false);
  });

  it('step 5: y selected, not x', () => {
    const s = sessionOn('composite-function');
    s.select(['x']);
    expect(stepDone('functions', 5, s)).toBe(false);
    s.select(['y']);
    expect(stepDone('functions', 5, s)).toBe(true);
  });
});

describe('lesson 7, backward: each step passes on the gradient it asks for', () => {
  it('Backward → 4x; again → 8x; Zero grad → 0; once more → 4x', () => {
    const s = sessionOn('composite-function');
    expect(stepDone('backward', 1, s)).toBe(false);
    s.backward();
    expect([1, 2, 3, 4].map((k) => stepDone('backward', k, s))).toEqual([true, false, false, true]);
    s.backward();
    expect([1, 2, 3, 4].map((k) => stepDone('backward', k, s))).toEqual([false, true, false, false]);
    s.zeroGrad();
    expect([1, 2, 3, 4].map((k) => stepDone('backward', k, s))).toEqual([false, false, true, false]);
    s.backward();
    expect(stepDone('backward', 4, s)).toBe(true);
  });
});

describe('lesson 4, gradient descent: steps down, faster, then diverging', () => {
  it('three steps at lr 0.001 fall; lr 0.05 gets below 6; lr 0.2 diverges', () => {
    const s = sessionOn('linear-regression-by-hand');
    trainSteps(s, 2);
    expect(stepDone('gradient-descent', 1, s)).toBe(false);
    trainSteps(s, 1);
    expect(stepDone('gradient-descent', 1, s)).toBe(true);
    expect(stepDone('gradient-descent', 2, s)).toBe(false);
    setLr(s, 0.05);
    trainSteps(s, 1);
    expect(stepDone('gradient-descent', 2, s), 'the loss is not below 6 yet').toBe(false);
    trainSteps(s, 1);
    expect(stepDone('gradient-descent', 2, s)).toBe(true);
    expect(stepDone('gradient-descent', 3, s)).toBe(false);
    setLr(s, 0.2);
    trainSteps(s, 3);
    expect(stepDone('gradient-descent', 3, s), 'still falling at first').toBe(false);
    trainSteps(s, 4);
    expect(stepDone('gradient-descent', 3, s)).toBe(true);
  });

  it('a loss that rises at a learning rate that is not too large (0.05 after a reset) does not count as the lesson’s divergence', () => {
    const s = sessionOn('linear-regression-by-hand');
    setLr(s, 0.05);
    trainSteps(s, 6);
    expect(stepDone('gradient-descent', 3, s)).toBe(false);
  });
});

describe('lesson 8, the training loop by hand: predict, loss, gradient, update, loop', () => {
  it('each step passes on its state and not on the one before', () => {
    const s = sessionOn('linear-regression-by-hand');
    expect(stepDone('training-loop', 1, s)).toBe(false);
    s.select(['Yp']);
    expect(stepDone('training-loop', 1, s)).toBe(true);
    expect(stepDone('training-loop', 2, s)).toBe(false);
    s.select(['loss']);
    expect(stepDone('training-loop', 2, s)).toBe(true);
    expect(stepDone('training-loop', 3, s)).toBe(false);
    s.backward();
    expect(stepDone('training-loop', 3, s)).toBe(true);
    s.backward();
    expect(stepDone('training-loop', 3, s), 'two backward passes accumulate −38.08').toBe(false);
    expect(stepDone('training-loop', 4, s)).toBe(false);
    trainSteps(s, 1);
    expect(stepDone('training-loop', 4, s)).toBe(true);
    trainSteps(s, 1);
    expect(stepDone('training-loop', 4, s), 'a second update moves W on').toBe(false);
    expect(stepDone('training-loop', 5, s)).toBe(false);
    trainSteps(s, 499);
    expect(stepDone('training-loop', 5, s)).toBe(true);
  });
});

describe('lessons 10 and 11, classification: the probability or score node, training, accuracy', () => {
  for (const [id, file, op, loss] of [
    ['binary-classification', 'binary-classification', 'sigmoid', 0.15],
    ['multiclass-classification', 'multiclass-classification', 'linear', 0.2],
  ] as const) {
    it(`${id}: select ${op}; train past the loss; the accuracy reaches 0.95 only after training`, () => {
      const s = sessionOn(file);
      expect(stepDone(id, 1, s)).toBe(false);
      s.select(['X']);
      expect(stepDone(id, 1, s), 'an input is not it').toBe(false);
      s.select([s.state.history.present.nodes.find((n) => n.op === op)!.id]);
      expect(stepDone(id, 1, s)).toBe(true);
      expect(stepDone(id, 3, s), 'untrained').toBe(false);
      trainSteps(s, 10);
      expect(stepDone(id, 2, s)).toBe(false);
      expect(stepDone(id, 3, s)).toBe(false);
      trainSteps(s, 290);
      expect(factsOf(s.state).losses.at(-1)).toBeLessThan(loss);
      expect(stepDone(id, 2, s)).toBe(true);
      expect(stepDone(id, 3, s)).toBe(true);
    });
  }
});

describe('lesson 5, tensors: shapes, broadcasting, sum, mean and max gradients', () => {
  /** The example with y's c = 3 and a new reduction of y marked as the loss. */
  function reducedBy(op: 'mean' | 'max') {
    const s = sessionOn('composite-function', (d) => {
      d.nodes.find((n) => n.id === 'y')!.attrs = { c: 3 };
      d.nodes.push({ id: op, op, position: { x: 800, y: 300 } });
      d.edges.push({ source: 'y', target: op, targetPort: 'x' });
      d.loss = op;
    });
    return s;
  }

  it('steps 1–3: z selected; c = 3 broadcast; sum’s gradient 4x', () => {
    const s = sessionOn('composite-function');
    expect(stepDone('tensors', 1, s)).toBe(false);
    s.select(['z']);
    expect(stepDone('tensors', 1, s)).toBe(true);
    expect(stepDone('tensors', 2, s)).toBe(false);
    s.edit('c', (d) => {
      d.nodes.find((n) => n.id === 'y')!.attrs = { c: 3 };
    });
    expect(stepDone('tensors', 2, s)).toBe(true);
    expect(stepDone('tensors', 3, s)).toBe(false);
    s.backward();
    expect(stepDone('tensors', 3, s)).toBe(true);
  });

  it('step 4: backward from mean gives 4x/17, from sum it does not', () => {
    const s = reducedBy('mean');
    s.backward();
    expect(stepDone('tensors', 4, s)).toBe(true);
    expect(stepDone('tensors', 3, s)).toBe(false);
    const sum = sessionOn('composite-function');
    sum.backward();
    expect(stepDone('tensors', 4, sum)).toBe(false);
  });

  it('step 5: backward from max sends −4 and 4 to the tied ends, as PyTorch does; from mean it does not', () => {
    const s = reducedBy('max');
    s.backward();
    expect(stepDone('tensors', 5, s)).toBe(true);
    const mean = reducedBy('mean');
    mean.backward();
    expect(stepDone('tensors', 5, mean)).toBe(false);
  });
});

describe('lesson 3, partial derivatives: ∂L/∂W and ∂L/∂B at (1, 1), (2, 1) and (2, 0)', () => {
  /** Sets a parameter's value, as the inspector does. */
  function setParam(s: ReturnType<typeof sessionOn>, id: string, v: number) {
    s.edit('value', (d) => {
      d.nodes.find((n) => n.id === id)!.params = { value: { shape: [], data: [v] } };
    });
  }

  it('each step passes after Backward at its point and not at the others', () => {
    const s = sessionOn('linear-regression-by-hand');
    expect(stepDone('partial-derivatives', 1, s)).toBe(false);
    s.backward();
    expect([1, 2, 3].map((k) => stepDone('partial-derivatives', k, s))).toEqual([true, false, false]);
    setParam(s, 'W', 2);
    expect(stepDone('partial-derivatives', 2, s), 'gradients are gone after the edit').toBe(false);
    s.backward();
    expect([1, 2, 3].map((k) => stepDone('partial-derivatives', k, s))).toEqual([false, true, false]);
    setParam(s, 'B', 0);
    s.backward();
    expect([1, 2, 3].map((k) => stepDone('partial-derivatives', k, s))).toEqual([false, false, true]);
  });
});

describe('lesson 2, derivatives: autograd’s slope, then central and forward differences', () => {
  /** The example with x set to these values, as the inspector's tensor editor does. */
  const withX = (values: number[]) =>
    sessionOn('composite-function', (d) => {
      d.nodes.find((n) => n.id === 'x')!.value = { type: 'tensor', shape: [values.length], data: values };
    });

  it('Backward gives 4x; x = 1 ± 0.1, 1 ± 0.01 and (1, 1.1) each pass only their own step', () => {
    const s = sessionOn('composite-function');
    expect(stepDone('derivatives', 1, s)).toBe(false);
    s.backward();
    expect(stepDone('derivatives', 1, s)).toBe(true);
    const cases: [number[], boolean[]][] = [
      [[0.9, 1.1], [true, false, false]],
      [[0.99, 1.01], [false, true, false]],
      [[1, 1.1], [false, false, true]],
      [[0.9, 1.2], [false, false, false]],
    ];
    for (const [x, expected] of cases) expect([2, 3, 4].map((k) => stepDone('derivatives', k, withX(x))), String(x)).toEqual(expected);
    const y = factsOf(withX([0.9, 1.1]).state).nodes.find((n) => n.id === 'y')!.value;
    expect((y[1] - y[0]) / 0.2).toBeCloseTo(4, 12);
  });
});

describe('lesson 9, modules and Boston housing: the data bound, trained, and a learning rate that diverges', () => {
  /** linear(n, 1) → mse on a course CSV from shared/data, features and target bound, weight and bias 1, SGD lr 0.01. */
  function boston(file: string, features: string[]): Session {
    const csv = parseCsv(readFileSync(new URL(`../../../shared/data/${file}.csv`, import.meta.url), 'utf8'));
    if (!csv.ok) throw new Error(`${file} does not parse`);
    const n = features.length;
    const doc: GraphFile = {
      format: 'gradcanvas-graph',
      version: 1,
      nodes: [
        { id: 'X', op: 'input', position: { x: 0, y: 0 }, value: { type: 'columns', dataset: file, columns: features } },
        { id: 'Y', op: 'input', position: { x: 0, y: 200 }, value: { type: 'columns', dataset: file, columns: ['PRICE'] } },
        { id: 'linear', op: 'linear', position: { x: 200, y: 0 }, attrs: { inFeatures: n, outFeatures: 1 }, params: { weight: { shape: [1, n], data: features.map(() => 1) }, bias: { shape: [1], data: [1] } } },
        { id: 'mse', op: 'mse', position: { x: 400, y: 100 } },
      ],
      edges: [
        { source: 'X', target: 'linear', targetPort: 'x' },
        { source: 'linear', target: 'mse', targetPort: 'input' },
        { source: 'Y', target: 'mse', targetPort: 'target' },
      ],
      loss: 'mse',
      datasets: { [file]: { columns: [...csv.dataset.columns], rows: csv.dataset.rows.map((r) => [...r]) } },
      training: { epochs: 100, batchSize: null, seed: 0, optimizer: { type: 'sgd', lr: 0.01 } },
    };
    return new Session({ doc, frames: { request: () => 0, cancel: () => undefined } });
  }

  it('steps 1–2 on the module example: the linear node selected; trained below 5', () => {
    const s = sessionOn('linear-regression-module');
    expect(stepDone('nn-modules', 1, s)).toBe(false);
    s.select(['linear']);
    expect(stepDone('nn-modules', 1, s)).toBe(true);
    expect(stepDone('nn-modules', 2, s)).toBe(false);
    trainSteps(s, 500);
    expect(factsOf(s.state).losses.at(-1)).toBeCloseTo(4.6746, 3);
    expect(stepDone('nn-modules', 2, s)).toBe(true);
  });

  it('step 3: RM → PRICE bound and trained 100 epochs at lr 0.01 (58.8708, as PyTorch); not before', () => {
    const s = boston('boston_rm_price', ['RM']);
    trainSteps(s, 99);
    expect(stepDone('nn-modules', 3, s)).toBe(false);
    trainSteps(s, 1);
    expect(factsOf(s.state).losses.at(-1)).toBeCloseTo(58.8708, 3);
    expect(stepDone('nn-modules', 3, s)).toBe(true);
    expect(stepDone('nn-modules', 4, s), 'one feature does not diverge').toBe(false);
  });

  it('step 4: RM and LSTAT at lr 0.01 diverge (224, 297, 2359, 33061); at lr 0.001 they do not', () => {
    const s = boston('boston_rm_lstat_price', ['RM', 'LSTAT']);
    trainSteps(s, 4);
    expect(factsOf(s.state).losses.map((l) => Math.round(l))).toEqual([224, 297, 2359, 33061]);
    expect(stepDone('nn-modules', 4, s)).toBe(true);
    const slow = boston('boston_rm_lstat_price', ['RM', 'LSTAT']);
    setLr(slow, 0.001);
    trainSteps(slow, 6);
    expect(stepDone('nn-modules', 4, slow)).toBe(false);
  });
});

describe('lesson 6, Define-by-Run: the course’s code run in the code panel a statement at a time, backward, a changed line', () => {
  /** The code the lesson puts in the code panel. */
  function starter(): string {
    const code = lessonById('define-by-run')?.setup?.flatMap((a) => (a.do === 'showCode' ? [a.code] : []));
    if (!code || code.length !== 1) throw new Error('define-by-run puts no code in the code panel');
    return code[0];
  }
  /** Runs statement `k` of `code` as Run one statement does: its document on the canvas, and backward when it is z.backward(). */
  function runStatement(s: Session, code: string, k: number): void {
    const st = importPython(code).statements[k];
    s.edit('run one statement', () => st.file);
    if (st.backward) s.backward();
  }

  it('starts on an empty canvas with the Code tab and the course’s code in it', () => {
    const lesson = lessonById('define-by-run');
    expect(lesson?.setup?.map((a) => a.do)).toEqual(['newGraph', 'openTab', 'showCode']);
    expect(lesson?.setup).toContainEqual({ do: 'openTab', tab: 'dock.code' });
    const r = importPython(starter());
    expect(r.error).toBeNull();
    expect(r.statements.map((st) => st.added)).toEqual([[], ['x'], ['square', 'scale', 'y'], ['z'], [], []]);
  });

  it('steps 1–4 pass as the statements run — x, then square, scale and y, then z, then z.backward() — and not before', () => {
    const s = new Session({ frames: { request: () => 0, cancel: () => undefined } });
    const code = starter();
    const done = () => [1, 2, 3, 4, 5].map((k) => stepDone('define-by-run', k, s));
    expect(done()).toEqual([false, false, false, false, false]);
    runStatement(s, code, 0);
    expect(done(), 'import torch adds no node').toEqual([false, false, false, false, false]);
    runStatement(s, code, 1);
    expect(done()).toEqual([true, false, false, false, false]);
    runStatement(s, code, 2);
    expect(done()).toEqual([true, true, false, false, false]);
    runStatement(s, code, 3);
    expect(done()).toEqual([true, true, true, false, false]);
    runStatement(s, code, 4);
    expect(done()).toEqual([true, true, true, true, false]);
  });

  it('step 5: the y line changed to 3 * x**2 + 2 and the whole code run gives z = 110.5 and x.grad = 6x; another change does not pass', () => {
    const run = (code: string) => {
      const s = new Session({ frames: { request: () => 0, cancel: () => undefined } });
      const r = importPython(code);
      s.edit('run the code', () => r.file);
      if (r.statements.some((st) => st.backward)) s.backward();
      return s;
    };
    const code = starter();
    expect(stepDone('define-by-run', 5, run(code)), 'the code as given').toBe(false);
    expect(stepDone('define-by-run', 5, run(code.replace('y = 2 * x**2 + 2', 'y = 3 * x**2 + 2')))).toBe(true);
    expect(stepDone('define-by-run', 5, run(code.replace('y = 2 * x**2 + 2', 'y = 3 * x**2 + 3'))), 'z = 127.5').toBe(false);
  });

  it('step 6: the grad_fn labels switched on', () => {
    const s = sessionOn('composite-function');
    expect(stepDone('define-by-run', 6, s)).toBe(false);
    s.setGradFnLabels(true);
    expect(stepDone('define-by-run', 6, s)).toBe(true);
  });

  it('every course data file a lesson loads is shipped in public/data, an exact copy of the course’s', () => {
    const files = COURSE.flatMap((l) => [...(l.setup ?? []), ...l.steps.flatMap((st) => st.setup ?? [])]).flatMap((a) => (a.do === 'loadData' ? [a.file] : []));
    expect(files).toEqual(['boston_rm_price.csv', 'boston_rm_lstat_price.csv']);
    for (const f of files) expect(readFileSync(`public/data/${f}`, 'utf8'), f).toBe(readFileSync(new URL(`../../../shared/data/${f}`, import.meta.url), 'utf8'));
  });
});
