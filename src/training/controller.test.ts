import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GraphFile } from '../../engine/format/schema';
import { useLanguage } from '../i18n/language';
import { useEditor } from '../store';
import { emptyDocument } from '../store/edits';
import { useMarks } from '../store/marksStore';
import { TrainingController } from './controller';
import { type FromWorker, type ToWorker, TrainingSession } from './protocol';
import { IDLE_TRAINING, useTraining } from './trainingStore';

// Frames run at once: the controller's per-frame flush is then synchronous.
vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => (f(0), 1));
vi.stubGlobal('cancelAnimationFrame', () => undefined);

/** A worker that runs the real session, one slice when the test says so. */
class FakeWorker {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  session: TrainingSession | null = null;
  terminated = false;
  /** When set, a pause is answered only on answerPause(), as a busy worker answers late. */
  deferPause = false;
  private pauseAsked = false;
  postMessage(m: ToWorker): void {
    if (m.type === 'start') this.session = new TrainingSession(m.file, m.epochs, m.firstLoss);
    if (m.type === 'pause' && this.session) {
      if (this.deferPause) this.pauseAsked = true;
      else this.deliver(this.session.pause());
    }
  }
  /** Answers a deferred pause. */
  answerPause(): void {
    if (this.pauseAsked && this.session) this.deliver(this.session.pause());
    this.pauseAsked = false;
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Runs up to n epochs and posts the result. */
  slice(n: number): FromWorker {
    const m = (this.session as TrainingSession).advance(n);
    this.deliver(m);
    return m;
  }
  private deliver(m: FromWorker): void {
    this.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  }
}

function regression(lr = 0.05): GraphFile {
  const doc = emptyDocument();
  doc.datasets = { d: { columns: ['x', 'y'], rows: [[0, 1], [1, 3], [2, 5], [3, 7]] } };
  doc.nodes = [
    { id: 'X', op: 'input', position: { x: 0, y: 0 }, value: { type: 'columns', dataset: 'd', columns: ['x'] } },
    { id: 'Y', op: 'input', position: { x: 0, y: 100 }, value: { type: 'columns', dataset: 'd', columns: ['y'] } },
    { id: 'lin', op: 'linear', position: { x: 200, y: 0 }, attrs: { inFeatures: 1, outFeatures: 1 }, params: { weight: { shape: [1, 1], data: [1] }, bias: { shape: [1], data: [1] } } },
    { id: 'loss', op: 'mse', position: { x: 400, y: 0 } },
  ];
  doc.edges = [
    { source: 'X', target: 'lin', targetPort: 'x' },
    { source: 'lin', target: 'loss', targetPort: 'input' },
    { source: 'Y', target: 'loss', targetPort: 'target' },
  ];
  doc.loss = 'loss';
  doc.training = { optimizer: { type: 'sgd', lr }, epochs: 20, batchSize: null, seed: 0 };
  return doc;
}

const params = () => useEditor.getState().history.present.nodes.find((n) => n.id === 'lin')?.params;

let workers: FakeWorker[] = [];
let controller: TrainingController;
/** The clock the controller's write throttle reads, in ms. */
let clock = 0;

beforeEach(() => {
  workers = [];
  clock = 0;
  useTraining.setState(IDLE_TRAINING);
  useMarks.getState().setMarks({});
  useLanguage.setState({ lang: 'en' });
  controller = new TrainingController(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    { now: () => clock },
  );
});

afterEach(() => controller.dispose());

describe('TrainingController', () => {
  it('start → done writes the trained parameters back as one edit `train`; reset restores them', () => {
    useEditor.getState().open(regression(), 'test');
    controller.start();
    expect(useTraining.getState()).toMatchObject({ status: 'running', epochs: 20, startParams: { 'lin.weight': [1], 'lin.bias': [1] } });
    const done = workers[0].slice(100);
    expect(done.type).toBe('done');
    const s = useTraining.getState();
    expect(s.status).toBe('done');
    expect(s.lossHistory).toHaveLength(20);
    expect(s.trail.at(-1)?.epoch).toBe(20);
    expect(useEditor.getState().history.past.at(-1)?.label).toBe('train');
    if (done.type === 'done') expect(params()?.weight.data).toEqual(done.params['lin.weight']);
    controller.reset();
    expect(params()).toEqual({ weight: { shape: [1, 1], data: [1] }, bias: { shape: [1], data: [1] } });
    expect(useTraining.getState().status).toBe('idle');
  });

  it('an edit while running pauses the run; a parameter the user edited keeps their value', () => {
    useEditor.getState().open(regression(), 'test');
    controller.start();
    workers[0].slice(5);
    useEditor.getState().edit('set weight', (d) => {
      const lin = d.nodes.find((n) => n.id === 'lin');
      if (lin?.params) lin.params.weight = { shape: [1, 1], data: [7] };
    });
    expect(useTraining.getState()).toMatchObject({ status: 'paused', pausedByEdit: true, epoch: 5 });
    expect(params()?.weight.data).toEqual([7]);
    expect(params()?.bias.data).not.toEqual([1]);
    // Resume after an edit starts a new session from the document for the remaining epochs.
    controller.resume();
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    workers[1].slice(100);
    expect(useTraining.getState()).toMatchObject({ status: 'done', epoch: 20 });
    expect(useTraining.getState().lossHistory).toHaveLength(20);
  });

  it('pause then resume without edits continues the same session', () => {
    useEditor.getState().open(regression(), 'test');
    controller.start();
    workers[0].slice(3);
    controller.pause();
    expect(useTraining.getState().status).toBe('paused');
    controller.resume();
    expect(workers).toHaveLength(1);
    workers[0].slice(100);
    expect(useTraining.getState()).toMatchObject({ status: 'done', epoch: 20 });
  });

  it('divergence stops the run, writes the last good parameters, marks the node and says which rule fired', () => {
    const doc = regression(10);
    doc.training.epochs = 10_000;
    useEditor.getState().open(doc, 'test');
    controller.start();
    let m: FromWorker;
    do m = workers[0].slice(50);
    while (m.type === 'progress');
    if (m.type !== 'diverged') throw new Error(`ended ${m.type}`);
    const s = useTraining.getState();
    expect(s.status).toBe('diverged');
    expect(s.divergence).toMatchObject({ epoch: m.divergence.epoch, rule: 'loss-growth', nodes: ['loss'], lr: 10 });
    expect(s.divergence?.message).toMatch(
      new RegExp(`^Training stopped at epoch ${m.divergence.epoch}: the loss \\S+ grew past 1,000,000 × the first loss \\(\\S+\\)\\. The parameters are back to epoch ${m.divergence.epoch - 1}’s values\\. Try a smaller learning rate \\(now 10\\)\\.$`),
    );
    expect(s.lossHistory).toHaveLength(m.divergence.epoch + 1);
    // The document holds the last good epoch's finite parameters, not the diverged ones.
    expect(params()?.weight.data).toEqual(m.params['lin.weight']);
    expect(params()?.bias.data).toEqual(m.params['lin.bias']);
    expect([...(params()?.weight.data ?? []), ...(params()?.bias.data ?? [])].every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
    expect(useMarks.getState().marks).toEqual({ loss: { kind: 'diverged', message: s.divergence?.message } });
    // Switching the language says it again in Japanese, on the panel and on the node.
    useLanguage.setState({ lang: 'ja' });
    expect(useTraining.getState().divergence?.message).toMatch(new RegExp(`^エポック ${m.divergence.epoch} で学習を止めました: .*学習率を小さくしてください`));
    expect(useMarks.getState().marks.loss.message).toBe(useTraining.getState().divergence?.message);
    controller.reset();
    expect(useMarks.getState().marks).toEqual({});
    expect(params()?.weight.data).toEqual([1]);
  });

  it('divergenceFactor null in the document → the run goes on until inf or nan', () => {
    const grow = regression(10);
    grow.training.epochs = 10_000;
    const off = { ...grow, training: { ...grow.training, divergenceFactor: null } };
    const stopAt = (doc: GraphFile) => {
      useEditor.getState().open(doc, 'test');
      controller.start();
      let m: FromWorker;
      do m = workers[workers.length - 1].slice(200);
      while (m.type === 'progress');
      return useTraining.getState().divergence;
    };
    const a = stopAt(grow);
    const b = stopAt(off);
    expect(a?.rule).toBe('loss-growth');
    expect(b?.rule).toMatch(/^nonfinite-/);
    expect(b?.epoch).toBeGreaterThan(a?.epoch ?? Infinity);
  });

  it('a resumed session after an edit → the rule still measures growth from the run’s first loss', () => {
    const doc = regression(0.05);
    doc.training.epochs = 100;
    useEditor.getState().open(doc, 'test');
    controller.start();
    workers[0].slice(5);
    useEditor.getState().edit('lr', (d) => void (d.training.optimizer.lr = 10));
    controller.resume();
    let m: FromWorker;
    do m = workers[1].slice(50);
    while (m.type === 'progress');
    const s = useTraining.getState();
    expect(s.divergence?.detail.firstLoss).toBe(s.lossHistory[0]);
    expect(s.divergence?.epoch).toBe(s.lossHistory.length - 1);
    expect(s.divergence?.detail.lastGoodEpoch).toBe((s.divergence?.epoch ?? 0) - 1);
  });

  it('while running → the parameters go into the document at most once a second, one undo entry for the run, without pausing it', () => {
    const doc = regression(0.01);
    doc.training.epochs = 1000;
    useEditor.getState().open(doc, 'test');
    const undoBefore = useEditor.getState().history.past.length;
    controller.start();
    clock = 500;
    workers[0].slice(10);
    expect(params()?.weight.data).toEqual([1]);
    clock = 1000;
    const first = workers[0].slice(10);
    if (first.type !== 'progress') throw new Error('still running');
    expect(params()?.weight.data).toEqual(first.params['lin.weight']);
    expect(useEditor.getState().history.present.optimizerState).toBeDefined();
    expect(useTraining.getState().status).toBe('running');
    clock = 1900;
    workers[0].slice(10);
    expect(params()?.weight.data).toEqual(first.params['lin.weight']);
    clock = 2000;
    const second = workers[0].slice(10);
    if (second.type !== 'progress') throw new Error('still running');
    expect(params()?.weight.data).toEqual(second.params['lin.weight']);
    expect(useTraining.getState().status).toBe('running');
    expect(useEditor.getState().history.past.length).toBe(undoBefore + 1);
    // Pause, resume and the end all merge into the same entry: one Undo takes the whole run back.
    controller.pause();
    controller.resume();
    clock = 3000;
    workers[0].slice(10_000);
    expect(useTraining.getState().status).toBe('done');
    expect(useEditor.getState().history.past.length).toBe(undoBefore + 1);
    expect(useEditor.getState().history.past.at(-1)?.label).toBe('train');
    useEditor.getState().undo();
    expect(params()).toEqual({ weight: { shape: [1, 1], data: [1] }, bias: { shape: [1], data: [1] } });
  });

  it('while running, after the user edited the document → no background write; the pause writes back and the edit wins', () => {
    const doc = regression(0.01);
    doc.training.epochs = 1000;
    useEditor.getState().open(doc, 'test');
    controller.start();
    workers[0].deferPause = true;
    workers[0].slice(5);
    useEditor.getState().edit('set weight', (d) => {
      const lin = d.nodes.find((n) => n.id === 'lin');
      if (lin?.params) lin.params.weight = { shape: [1, 1], data: [7] };
    });
    // The pause is on its way; progress posted before it must not overwrite the user's edit.
    clock = 5000;
    workers[0].slice(5);
    expect(params()).toEqual({ weight: { shape: [1, 1], data: [7] }, bias: { shape: [1], data: [1] } });
    workers[0].answerPause();
    expect(useTraining.getState()).toMatchObject({ status: 'paused', pausedByEdit: true });
    expect(params()?.weight.data).toEqual([7]);
    expect(params()?.bias.data).not.toEqual([1]);
  });

  it('start without a loss says why and does not run', () => {
    const doc = regression();
    doc.loss = null;
    useEditor.getState().open(doc, 'test');
    controller.start();
    expect(workers).toHaveLength(0);
    expect(useTraining.getState().error).toMatch(/no loss/);
  });
});
