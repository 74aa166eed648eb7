import { describe, expect, it, vi } from 'vitest';
import { compile, type GraphFile } from '../../engine';
import { createNode } from '../store/edits';
import { example } from '../stepper/testGraphs';
import { computeKey } from './computeKey';
import { curveOf, Session, stepEpoch } from './Session';
import { lossSeries, trailOf } from './runHistory';
import { type DatasetDraft, EMPTY_DATASETS } from './types';

const XS = Array.from({ length: 17 }, (_, i) => -2 + 0.25 * i);

/** A CSV prepared in the Data panel and not bound. */
const DRAFT: DatasetDraft = { name: 'd', dataset: { columns: ['a', 'b'], rows: [[1, 2]] }, roles: { a: 'feature', b: 'target' }, textColumns: [] };

const grad = (s: Session, id: string) => {
  const g = s.state.compiled.program?.grad(id);
  return g ? Array.from(g.data) : null;
};
const param = (doc: GraphFile, id: string, name: string) => doc.nodes.find((n) => n.id === id)?.params?.[name]?.data;

describe('Session compiles once per document version', () => {
  it('new Session(doc) with 5 listeners, edits, undo and redo → one compile per document version that computes something new', () => {
    const counting = vi.fn(compile);
    const s = new Session({ doc: example('composite-function'), compile: counting });
    const versions: string[] = [computeKey(s.state.history.present)];
    for (let k = 0; k < 5; k++) s.subscribe((st) => void st.compiled.program?.slots.length);
    s.subscribe((st) => {
      const key = computeKey(st.history.present);
      if (key !== versions.at(-1)) versions.push(key);
    });
    s.edit('k', (d) => void (d.nodes[2].attrs = { k: 3 }));
    s.edit('move', (d) => void (d.nodes[0].position = { x: 50, y: 50 }));
    s.edit('add', (d) => void d.nodes.push(createNode('square', 'sq2', { x: 0, y: 0 })));
    s.edit('label', (d) => void (d.nodes[1].label = 'x²'));
    s.undo();
    s.undo();
    s.select(['x']);
    s.redo();
    s.edit('wire', (d) => void d.edges.push({ source: 'z', target: 'sq2', targetPort: 'x' }));
    // The first document, k = 3, +sq2, undo (−sq2), redo (+sq2), the wire; moves, labels and the selection compile nothing.
    expect(versions).toHaveLength(6);
    expect(counting).toHaveBeenCalledTimes(versions.length);
    expect(s.state.compiled.program?.value('sq2').data[0]).toBe(Math.pow(XS.reduce((a, x) => a + 3 * x * x + 2, 0), 2));
  });

  it('session.edit(a parameter value) → loaded into the program without a compile; the value follows', () => {
    const counting = vi.fn(compile);
    const s = new Session({ doc: example('linear-regression-module'), compile: counting });
    s.edit('w', (d) => {
      const lin = d.nodes.find((n) => n.id === 'linear');
      if (lin?.params) lin.params.weight = { shape: [1, 1], data: [2] };
    });
    expect(counting).toHaveBeenCalledTimes(1);
    expect(s.state.compiled.program?.params[0].value[0]).toBe(2);
    s.edit('reinit', (d) => void delete d.nodes.find((n) => n.id === 'linear')?.params);
    // Without stored values the initialiser applies again: that needs the engine.
    expect(counting).toHaveBeenCalledTimes(2);
  });
});

describe('Session run controls', () => {
  it('session.backward() on the composite → x.grad = 4x; again → 8x; zeroGrad → 0', () => {
    const s = new Session({ doc: example('composite-function') });
    expect(grad(s, 'x')).toEqual(XS.map(() => 0));
    expect(s.state.run.backwardFrom).toBeNull();
    s.backward();
    expect(grad(s, 'x')).toEqual(XS.map((x) => 4 * x));
    expect(s.state.run).toMatchObject({ backwardCount: 1, backwardFrom: 'z', lastRun: { type: 'backward' } });
    s.backward();
    expect(grad(s, 'x')).toEqual(XS.map((x) => 8 * x));
    s.zeroGrad();
    expect(grad(s, 'x')).toEqual(XS.map(() => 0));
    expect(s.state.run.backwardCount).toBe(0);
  });

  it('editing a parameter drops the gradients with the rest of the run: the next Backward starts from zero, as it says', () => {
    const s = new Session({ doc: example('linear-regression-by-hand') });
    const wGrad = () => s.state.compiled.program!.params.find((p) => p.node === 'W')!.grad![0];
    s.backward();
    expect(wGrad()).toBeCloseTo(-19.04, 10);
    s.edit('W = 2', (d) => {
      d.nodes.find((n) => n.id === 'W')!.params = { value: { shape: [], data: [2] } };
    });
    expect(s.state.run.backwardCount).toBe(0);
    s.backward();
    expect(s.state.run.backwardCount).toBe(1);
    // ∂L/∂W at W = 2, B = 1 (PyTorch: tensor(4.1600)); not −19.04 + 4.16.
    expect(wGrad()).toBeCloseTo(4.16, 10);
  });

  it('session.backward() with a constant selected → from the loss; with no loss, from the single scalar output', () => {
    const s = new Session({ doc: example('composite-function') });
    s.edit('add constant', (d) => void d.nodes.push(createNode('constant', 'c', { x: 0, y: 0 })));
    s.select(['c']);
    s.backward();
    expect(s.state.run.backwardFrom).toBe('z');
    s.edit('unset loss', (d) => void (d.loss = null));
    s.select(['c']);
    expect(s.backwardTarget()).toEqual({ ok: true, node: 'z', why: 'output' });
    s.backward();
    expect(grad(s, 'x')).toEqual(XS.map((x) => 4 * x));
  });

  it('session.backwardTarget() with two scalar outputs and no loss → asks for a pick; the pick is used', () => {
    const s = new Session({ doc: example('composite-function') });
    s.edit('two outputs', (d) => {
      d.loss = null;
      d.nodes.push(createNode('sum', 'z2', { x: 0, y: 0 }));
      d.edges.push({ source: 'y', target: 'z2', targetPort: 'x' });
    });
    expect(s.backwardTarget()).toEqual({ ok: false, reason: 'pick', candidates: ['z', 'z2'] });
    s.pickBackwardTarget('z2');
    s.backward();
    expect(s.state.run.backwardFrom).toBe('z2');
  });

  it('a forward or backward that throws a non-engine error → an internal run error, not an exception', () => {
    const s = new Session({ doc: example('composite-function') });
    const p = s.state.compiled.program!;
    vi.spyOn(p, 'forward').mockImplementation(() => {
      throw new TypeError('boom');
    });
    expect(() => s.forward()).not.toThrow();
    expect(s.state.run.runError).toEqual({ message: 'TypeError: boom', internal: true });
    p.backward = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'data')");
    };
    expect(() => s.backward()).not.toThrow();
    expect(s.state.run.runError).toEqual({ message: "TypeError: Cannot read properties of undefined (reading 'data')", internal: true });
    expect(s.state.run.backwardCount).toBe(0);
  });

  it('session.edit(a document that breaks before compile) does not throw: an internal run error; Undo runs the good one again', () => {
    const s = new Session({ doc: example('composite-function') });
    expect(() => s.edit('break', () => ({}) as GraphFile)).not.toThrow();
    expect(s.state.run.runError?.internal).toBe(true);
    expect(s.state.compiled.program).toBeNull();
    s.undo();
    expect(s.state.run.runError).toBeNull();
    expect(s.state.compiled.program?.value('z').data[0]).toBe(85);
  });
});

describe('Session stepping lands in the document', () => {
  it('session.stepTrainingStep() ×3 on nn.Linear → the document, the program and the curve hold step 3; undo → step 2', () => {
    const s = new Session({ doc: example('linear-regression-module') });
    for (let k = 0; k < 3; k++) s.stepTrainingStep();
    const doc = s.state.history.present;
    const program = s.state.compiled.program!;
    const w = program.params.find((p) => p.name === 'weight')!.value[0];
    const b = program.params.find((p) => p.name === 'bias')!.value[0];
    expect(param(doc, 'linear', 'weight')).toEqual([w]);
    expect(param(doc, 'linear', 'bias')).toEqual([b]);
    expect(w).not.toBe(1);
    expect(s.state.history.past.map((e) => e.label)).toEqual(['Step 1', 'Step 2', 'Step 3']);
    const curve = curveOf(s.state);
    expect(curve.epochs).toBe(3);
    expect(lossSeries(curve).loss).toHaveLength(3);
    expect(trailOf(curve).map((p) => p.epoch)).toEqual([1, 2, 3]);
    expect(trailOf(curve)[2].params).toEqual({ 'linear.weight': [w], 'linear.bias': [b] });
    expect(stepEpoch(s.state)).toBe(3);
    expect(s.state.run.lastRun).toEqual({ type: 'step', step: 3, loss: lossSeries(curve).loss[2], updated: true });
    const step2 = trailOf(curve)[1].params;
    s.undo();
    const back = s.state.history.present;
    expect(param(back, 'linear', 'weight')).toEqual(step2['linear.weight']);
    expect(program.params.find((p) => p.name === 'weight')!.value[0]).toBe(step2['linear.weight'][0]);
    expect(curveOf(s.state).epochs).toBe(2);
    expect(trailOf(curveOf(s.state))).toHaveLength(2);
    expect(stepEpoch(s.state)).toBe(2);
    expect(s.state.stepper.events).toHaveLength(0);
  });

  it('session.stepTrainingStep() → the step’s training matches the engine’s Trainer for three epochs', async () => {
    const { Trainer } = await import('../../engine');
    const { fileToGraph } = await import('../../engine/format/convert');
    const doc = example('linear-regression-module');
    const t = new Trainer(fileToGraph(doc), { ...doc.training, epochs: 3 });
    for (let k = 0; k < 3; k++) t.epoch();
    const s = new Session({ doc });
    for (let k = 0; k < 3; k++) s.stepTrainingStep();
    expect(lossSeries(curveOf(s.state)).loss).toEqual(t.history);
    expect(s.state.compiled.program!.params.map((p) => p.value[0])).toEqual(t.program.params.map((p) => p.value[0]));
  });

  it('session.stepPhase() to the end of backward on the composite → x.grad = 4x in the program, backward counted', () => {
    const s = new Session({ doc: example('composite-function') });
    s.stepPhase();
    s.stepPhase();
    expect(s.state.run.backwardFrom).toBeNull();
    s.stepPhase();
    expect(s.state.stepper.events[s.state.stepper.cursor].phase).toBe('backward');
    expect(grad(s, 'x')).toEqual(XS.map((x) => 4 * x));
    expect(s.state.run).toMatchObject({ backwardCount: 1, backwardFrom: 'z' });
    // The composite has no parameters: the end of backward is the end of the step, written as Step 1.
    expect(s.state.history.past.at(-1)?.label).toBe('Step 1');
    expect(lossSeries(curveOf(s.state)).loss).toEqual([85]);
  });

  it('session.back() from the end of backward of a step not yet written → the gradients go back with the cursor', () => {
    const s = new Session({ doc: example('linear-regression-module') });
    s.stepPhase();
    s.stepPhase();
    s.stepPhase();
    const before = s.state.compiled.program!.params.map((p) => p.grad[0]);
    expect(before.every((g) => g !== 0)).toBe(true);
    s.back();
    expect(s.state.compiled.program!.params.map((p) => p.grad[0])).toEqual([0, 0]);
    s.resetStepper();
    expect(s.state.history.past).toHaveLength(0);
    expect(s.state.compiled.program!.params.map((p) => p.value[0])).toEqual([1, 1]);
  });

  it('session.resetStepper() mid-update → the document and the program keep step 0’s parameters', () => {
    const s = new Session({ doc: example('linear-regression-module') });
    for (let k = 0; k < 4; k++) s.stepPhase();
    // At the end of the update phase the step is written; one event back is within the written step.
    expect(s.state.stepper.committed).toBe(true);
    const s2 = new Session({ doc: example('linear-regression-module') });
    s2.stepPhase();
    s2.stepPhase();
    s2.stepPhase();
    s2.step();
    expect(s2.state.compiled.program!.params[0].value[0]).not.toBe(1);
    expect(s2.state.stepper.committed).toBe(false);
    s2.resetStepper();
    expect(s2.state.compiled.program!.params.map((p) => p.value[0])).toEqual([1, 1]);
    expect(s2.state.history.past).toHaveLength(0);
  });

  it('session.edit(lr) while a step is being played → the step is dropped, its update never written', () => {
    const s = new Session({ doc: example('linear-regression-module') });
    s.step();
    s.edit('lr', (d) => void (d.training.optimizer.lr = 0.01));
    expect(s.state.stepper.events).toHaveLength(0);
    s.stepTrainingStep();
    expect(s.state.history.past.map((e) => e.label)).toEqual(['lr', 'Step 1']);
  });
});

describe('Session documents', () => {
  it('session.open(doc) whose listener throws → everything as it was, and the failure thrown', () => {
    const s = new Session({ doc: example('composite-function') });
    s.backward();
    const before = s.state;
    s.subscribe((st) => {
      if (st.history.present.name === 'Sigmoid y = σ(x)') throw new TypeError('boom');
    });
    expect(() => s.open(example('sigmoid-function'), 'open')).toThrow('boom');
    expect(s.state.history).toBe(before.history);
    expect(s.state.compiled).toBe(before.compiled);
    expect(grad(s, 'x')).toEqual(XS.map((x) => 4 * x));
  });

  it('session.open(doc) after a draft and a viewport → the Data panel starts empty and the viewport unset (the canvas fits it)', () => {
    const s = new Session({ doc: example('composite-function'), viewport: { x: 5, y: 6, zoom: 2 } });
    s.loadDraft(DRAFT);
    s.open(example('sigmoid-function'), 'open');
    expect(s.state.datasets).toBe(EMPTY_DATASETS);
    expect(s.state.viewport).toBeNull();
  });

  it('session.open(doc, label, saved) → the selection, viewport and Data panel saved with it', () => {
    const s = new Session({ doc: example('composite-function') });
    const datasets = { ...EMPTY_DATASETS, draft: DRAFT };
    s.open(example('composite-function'), 'open', { selection: ['square', 'ghost'], viewport: { x: 1, y: 2, zoom: 3 }, datasets });
    expect(s.state).toMatchObject({ selection: ['square'], viewport: { x: 1, y: 2, zoom: 3 } });
    expect(s.state.datasets).toBe(datasets);
  });

  it('session.undo() across an open → the document left comes back with its entry, selection, viewport and draft; redo() → the opened one as it was left', () => {
    const switched: string[] = [];
    const s = new Session({ doc: example('composite-function'), switchEntry: (id) => switched.push(id) });
    s.select(['x']);
    s.setViewport({ x: 5, y: 6, zoom: 2 });
    s.loadDraft(DRAFT);
    const work = s.state.datasets;
    s.open(example('sigmoid-function'), 'open', { entries: { left: 'work', opened: 'new' } });
    s.setViewport({ x: 7, y: 8, zoom: 1 });
    s.undo();
    expect(switched).toEqual(['work']);
    expect(s.state.history.present.name).toBe('Composite function y = 2x² + 2');
    expect(s.state).toMatchObject({ selection: ['x'], viewport: { x: 5, y: 6, zoom: 2 } });
    expect(s.state.datasets).toBe(work);
    s.redo();
    expect(switched).toEqual(['work', 'new']);
    expect(s.state.history.present.name).toBe('Sigmoid y = σ(x)');
    expect(s.state).toMatchObject({ selection: [], viewport: { x: 7, y: 8, zoom: 1 } });
    expect(s.state.datasets).toBe(EMPTY_DATASETS);
    // Undo after Redo: the draft made before the open is still there.
    s.undo();
    expect(s.state.datasets).toBe(work);
  });

  it('session.undo() after an open → the previous document, compiled again', () => {
    const s = new Session({ doc: example('composite-function') });
    s.open(example('linear-regression-module'), 'open');
    expect(s.state.compiled.program?.loss).toBe('loss');
    s.undo();
    expect(s.state.compiled.program?.loss).toBe('z');
    expect(s.state.compiled.program?.value('z').data[0]).toBe(85);
  });
});

describe('Session and the plots that borrow its program', () => {
  it('session.withScratch(a forward at other weights) then backward() on a cross_entropy graph → the same gradient as without the plot', () => {
    const doc = example('multiclass-classification');
    const plain = new Session({ doc });
    plain.backward();
    const s = new Session({ doc });
    s.withScratch((p) => {
      const w = p.params.find((q) => q.node === 'linear' && q.name === 'weight');
      w?.value.fill(3);
      p.forward();
    });
    s.backward();
    expect(grad(s, 'X')).toEqual(grad(plain, 'X'));
    const weightGrad = (x: Session) => Array.from(x.state.compiled.program?.params.find((q) => q.name === 'weight')?.grad ?? []);
    expect(weightGrad(s)).toEqual(weightGrad(plain));
    expect(weightGrad(s).some((g) => g !== 0)).toBe(true);
  });
});
