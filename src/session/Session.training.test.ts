import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphFile } from '../../engine';
import { emptyDocument } from '../store/edits';
import { divergenceText } from '../training/divergenceText';
import { type FromWorker, type ToWorker, TrainingSession } from '../training/protocol';
import { curveOf, Session } from './Session';
import { lossSeries, trailOf } from './runHistory';

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

let workers: FakeWorker[] = [];
let session: Session;
/** The clock the session's write throttle reads, in ms. */
let clock = 0;
let lang: 'en' | 'ja' = 'en';

/** A session on `doc` whose frames run at once and whose workers the test drives. */
function start(doc: GraphFile): Session {
  session = new Session({
    doc,
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    frames: { request: (cb) => (cb(0), 1), cancel: () => undefined },
    now: () => clock,
    lang: () => lang,
  });
  return session;
}

const params = () => session.state.history.present.nodes.find((n) => n.id === 'lin')?.params;
const training = () => session.state.training;

beforeEach(() => {
  workers = [];
  clock = 0;
  lang = 'en';
});

afterEach(() => session?.dispose());

describe('Session training', () => {
  it('the run keeps its latest epoch as the CLI logs it, with the validation split\'s loss', () => {
    const doc = regression();
    doc.datasets.d_test = { columns: ['x', 'y'], rows: [[4, 9], [5, 11]] };
    start(doc);
    session.train();
    const done = workers[0].slice(100);
    if (done.type !== 'done') throw new Error(done.type);
    expect(training().lastLog).toEqual(done.log);
    expect(training().lastLog).toMatchObject({ epoch: 19, loss: done.losses.at(-1), val_loss: done.testLosses.at(-1) });
  });

  it('session.train() → done writes the parameters and the curve as one entry “Train 20 epochs”; resetTraining() restores them', () => {
    start(regression());
    session.train();
    expect(training()).toMatchObject({ status: 'running', epochs: 20, startParams: { 'lin.weight': [1], 'lin.bias': [1] } });
    const done = workers[0].slice(100);
    expect(done.type).toBe('done');
    expect(training().status).toBe('done');
    expect(session.state.history.past.at(-1)?.label).toBe('Train 20 epochs');
    if (done.type === 'done') expect(params()?.weight.data).toEqual(done.params['lin.weight']);
    // The curve is the document's: every epoch's loss, and the trail ending at the trained parameters.
    const curve = session.state.history.present.history!;
    if (done.type === 'done') expect(lossSeries(curve).loss).toEqual(done.losses);
    expect(lossSeries(curve).loss).toHaveLength(20);
    expect(training().lastLoss).toBe(lossSeries(curve).loss.at(-1));
    expect(trailOf(curve).at(-1)).toMatchObject({ epoch: 20, params: { 'lin.weight': params()?.weight.data } });
    expect(session.state.compiled.program!.params[0].value[0]).toBe(params()?.weight.data[0]);
    session.resetTraining();
    expect(params()).toEqual({ weight: { shape: [1, 1], data: [1] }, bias: { shape: [1], data: [1] } });
    expect(session.state.history.present.history).toBeUndefined();
    expect(training().status).toBe('idle');
  });

  it('three stepped steps, then Train → one curve: the run’s epochs follow the steps', () => {
    start(regression());
    for (let k = 0; k < 3; k++) session.stepTrainingStep();
    session.train();
    workers[0].slice(100);
    const curve = curveOf(session.state);
    expect(curve.epochs).toBe(23);
    expect(lossSeries(curve).epochs).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(trailOf(curve).map((p) => p.epoch).slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(session.state.history.past.map((e) => e.label)).toEqual(['Step 1', 'Step 2', 'Step 3', 'Train 20 epochs']);
    session.undo();
    expect(curveOf(session.state).epochs).toBe(3);
    expect(training().status).toBe('idle');
  });

  it('session.edit() while running pauses the run; a parameter the user edited keeps their value', () => {
    start(regression());
    session.train();
    workers[0].slice(5);
    session.edit('set weight', (d) => {
      const lin = d.nodes.find((n) => n.id === 'lin');
      if (lin?.params) lin.params.weight = { shape: [1, 1], data: [7] };
    });
    expect(training()).toMatchObject({ status: 'paused', pausedByEdit: true, epoch: 5 });
    expect(params()?.weight.data).toEqual([7]);
    expect(params()?.bias.data).not.toEqual([1]);
    expect(session.state.compiled.program!.params[0].value[0]).toBe(7);
    // Resume after an edit starts a new session from the document for the remaining epochs.
    session.resumeTraining();
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    workers[1].slice(100);
    expect(training()).toMatchObject({ status: 'done', epoch: 20 });
    expect(curveOf(session.state).epochs).toBe(20);
  });

  it('pauseTraining() then resumeTraining() without edits continues the same worker session', () => {
    start(regression());
    session.train();
    workers[0].slice(3);
    session.pauseTraining();
    expect(training().status).toBe('paused');
    session.resumeTraining();
    expect(workers).toHaveLength(1);
    workers[0].slice(100);
    expect(training()).toMatchObject({ status: 'done', epoch: 20 });
  });

  it('divergence stops the run, writes the last good parameters, marks the node, and the message follows the language', () => {
    const doc = regression(10);
    doc.training.epochs = 10_000;
    start(doc);
    session.train();
    let m: FromWorker;
    do m = workers[0].slice(50);
    while (m.type === 'progress');
    if (m.type !== 'diverged') throw new Error(`ended ${m.type}`);
    const d = training().divergence;
    expect(training().status).toBe('diverged');
    expect(d).toMatchObject({ epoch: m.divergence.epoch, rule: 'loss-growth', nodes: ['loss'], lr: 10 });
    expect(divergenceText('en', d!.detail, d!.lr)).toMatch(
      new RegExp(`^Training stopped at epoch ${m.divergence.epoch}: the loss \\S+ grew past 1,000,000 × the first loss \\(\\S+\\)\\. The parameters are back to epoch ${m.divergence.epoch - 1}’s values\\. Try a smaller learning rate \\(now 10\\)\\.$`),
    );
    expect(divergenceText('ja', d!.detail, d!.lr)).toMatch(new RegExp(`^エポック ${m.divergence.epoch} で学習を止めました: .*学習率を小さくしてください`));
    expect(curveOf(session.state).epochs).toBe(m.divergence.epoch + 1);
    expect(training().lastLoss).toBe(m.losses.at(-1));
    expect(params()?.weight.data).toEqual(m.params['lin.weight']);
    expect(params()?.bias.data).toEqual(m.params['lin.bias']);
    expect([...(params()?.weight.data ?? []), ...(params()?.bias.data ?? [])].every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
    expect(session.state.marks).toEqual({ loss: { kind: 'diverged' } });
    session.resetTraining();
    expect(session.state.marks).toEqual({});
    expect(params()?.weight.data).toEqual([1]);
  });

  it('divergenceFactor null in the document → the run goes on until inf or nan', () => {
    const grow = regression(10);
    grow.training.epochs = 10_000;
    const off = { ...grow, training: { ...grow.training, divergenceFactor: null } };
    const stopAt = (doc: GraphFile) => {
      start(doc);
      session.train();
      let m: FromWorker;
      do m = workers[workers.length - 1].slice(200);
      while (m.type === 'progress');
      const d = training().divergence;
      session.dispose();
      return d;
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
    start(doc);
    session.train();
    workers[0].slice(5);
    session.edit('lr', (d) => void (d.training.optimizer.lr = 10));
    session.resumeTraining();
    let m: FromWorker;
    do m = workers[1].slice(50);
    while (m.type === 'progress');
    const s = training();
    const losses = lossSeries(curveOf(session.state)).loss;
    expect(s.divergence?.detail.firstLoss).toBe(losses[0]);
    expect(s.divergence?.epoch).toBe(losses.length - 1);
    expect(s.divergence?.detail.lastGoodEpoch).toBe((s.divergence?.epoch ?? 0) - 1);
  });

  it('while running → the parameters and the curve go into the document at most once a second, one undo entry for the run, without pausing it', () => {
    const doc = regression(0.01);
    doc.training.epochs = 1000;
    start(doc);
    const undoBefore = session.state.history.past.length;
    session.train();
    clock = 500;
    workers[0].slice(10);
    expect(params()?.weight.data).toEqual([1]);
    // The views already follow the run: the program holds its latest parameters and the live curve its losses.
    expect(session.state.compiled.program!.params[0].value[0]).not.toBe(1);
    expect(curveOf(session.state).epochs).toBe(10);
    clock = 1000;
    const first = workers[0].slice(10);
    if (first.type !== 'progress') throw new Error('still running');
    expect(params()?.weight.data).toEqual(first.params['lin.weight']);
    expect(session.state.history.present.optimizerState).toBeDefined();
    expect(session.state.history.present.history?.epochs).toBe(20);
    expect(training().status).toBe('running');
    clock = 1900;
    workers[0].slice(10);
    expect(params()?.weight.data).toEqual(first.params['lin.weight']);
    clock = 2000;
    const second = workers[0].slice(10);
    if (second.type !== 'progress') throw new Error('still running');
    expect(params()?.weight.data).toEqual(second.params['lin.weight']);
    expect(training().status).toBe('running');
    expect(session.state.history.past.length).toBe(undoBefore + 1);
    // Pause, resume and the end all merge into the same entry: one Undo takes the whole run back.
    session.pauseTraining();
    session.resumeTraining();
    clock = 3000;
    workers[0].slice(10_000);
    expect(training().status).toBe('done');
    expect(session.state.history.past.length).toBe(undoBefore + 1);
    expect(session.state.history.past.at(-1)?.label).toBe('Train 1000 epochs');
    // The merged entry holds the document before the run and after it, not one patch list per write.
    expect(session.state.history.past.at(-1)?.patches).toHaveLength(1);
    session.undo();
    expect(params()).toEqual({ weight: { shape: [1, 1], data: [1] }, bias: { shape: [1], data: [1] } });
    expect(session.state.history.present.history).toBeUndefined();
  });

  it('while running, after the user edited the document → no background write; the pause writes back and the edit wins', () => {
    const doc = regression(0.01);
    doc.training.epochs = 1000;
    start(doc);
    session.train();
    workers[0].deferPause = true;
    workers[0].slice(5);
    session.edit('set weight', (d) => {
      const lin = d.nodes.find((n) => n.id === 'lin');
      if (lin?.params) lin.params.weight = { shape: [1, 1], data: [7] };
    });
    // The pause is on its way; progress posted before it must not overwrite the user's edit.
    clock = 5000;
    workers[0].slice(5);
    expect(params()).toEqual({ weight: { shape: [1, 1], data: [7] }, bias: { shape: [1], data: [1] } });
    workers[0].answerPause();
    expect(training()).toMatchObject({ status: 'paused', pausedByEdit: true });
    expect(params()?.weight.data).toEqual([7]);
    expect(params()?.bias.data).not.toEqual([1]);
    // The program shows the document: the user's weight, the run's bias.
    expect(session.state.compiled.program!.params.map((p) => p.value[0])).toEqual([7, params()?.bias.data[0]]);
  });

  it('session.undo() while running → the run ends without writing: Undo takes back exactly the run’s entry, and Redo brings it back', () => {
    const doc = regression(0.01);
    doc.training.epochs = 1000;
    start(doc);
    session.edit('rename', (d) => void (d.name = 'fit'));
    session.train();
    workers[0].deferPause = true;
    clock = 1000;
    const written = workers[0].slice(10);
    if (written.type !== 'progress') throw new Error('still running');
    expect(session.state.history.past.at(-1)?.label).toBe('Train 10 epochs');
    const afterWrite = session.state.history.present;
    // The run goes on past what it wrote: the program shows epoch 15, the document epoch 10.
    clock = 1500;
    workers[0].slice(5);
    session.undo();
    expect(training().status).toBe('idle');
    expect(workers[0].terminated).toBe(true);
    expect(params()).toEqual({ weight: { shape: [1, 1], data: [1] }, bias: { shape: [1], data: [1] } });
    expect(session.state.compiled.program!.params.map((p) => p.value[0])).toEqual([1, 1]);
    expect(session.state.history.present.optimizerState).toBeUndefined();
    expect(session.state.history.present.history).toBeUndefined();
    expect(curveOf(session.state).epochs).toBe(0);
    expect(session.state.history.past.map((e) => e.label)).toEqual(['rename']);
    expect(session.state.history.future.map((e) => e.label)).toEqual(['Train 10 epochs']);
    // A late answer of the ended worker changes nothing.
    workers[0].answerPause();
    workers[0].slice(5);
    expect(session.state.history.future).toHaveLength(1);
    expect(params()?.weight.data).toEqual([1]);
    session.redo();
    expect(session.state.history.present).toEqual(afterWrite);
    expect(params()?.weight.data).toEqual(written.params['lin.weight']);
    expect(session.state.compiled.program!.params[0].value[0]).toBe(written.params['lin.weight'][0]);
    expect(session.state.history.future).toEqual([]);
  });

  it('session.undo() while running, before the run wrote anything → the edit before it is undone and the program shows the document’s parameters', () => {
    const doc = regression(0.01);
    doc.training.epochs = 1000;
    start(doc);
    session.edit('rename', (d) => void (d.name = 'fit'));
    session.train();
    clock = 500;
    workers[0].slice(10);
    expect(session.state.compiled.program!.params[0].value[0]).not.toBe(1);
    session.undo();
    expect(training().status).toBe('idle');
    expect(session.state.history.present.name).toBeUndefined();
    expect(session.state.compiled.program!.params.map((p) => p.value[0])).toEqual([1, 1]);
    expect(session.state.history.future.map((e) => e.label)).toEqual(['rename']);
  });

  it('session.train() with no loss marked trains the only mse node: the loss rule chose it', () => {
    const doc = regression();
    doc.loss = null;
    start(doc);
    expect(session.state.compiled.program?.loss).toBe('loss');
    session.train();
    expect(workers).toHaveLength(1);
    expect(training().error).toBeNull();
  });

  it('session.train() without a loss (two mse nodes, none marked) says why and does not run', () => {
    const doc = regression();
    doc.loss = null;
    doc.nodes.push({ id: 'loss2', op: 'mse', position: { x: 400, y: 200 } });
    doc.edges.push({ source: 'lin', target: 'loss2', targetPort: 'input' }, { source: 'Y', target: 'loss2', targetPort: 'target' });
    start(doc);
    session.train();
    expect(workers).toHaveLength(0);
    expect(training().error).toMatch(/no loss/);
  });

  it('session.stepTrainingStep() while a run goes on → refused with the reason; the run’s label is in the interface language', () => {
    lang = 'ja';
    start(regression());
    session.train();
    workers[0].slice(3);
    session.stepTrainingStep();
    expect(session.state.stepper.error).toBe('学習中です。ステップ実行するには一時停止してください');
    workers[0].slice(100);
    expect(session.state.history.past.at(-1)?.label).toBe('20 エポック学習');
  });
});
