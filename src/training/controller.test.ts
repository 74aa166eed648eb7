import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GraphFile } from '../../engine/format/schema';
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
  postMessage(m: ToWorker): void {
    if (m.type === 'start') this.session = new TrainingSession(m.file, m.epochs);
    if (m.type === 'pause' && this.session) this.deliver(this.session.pause());
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

beforeEach(() => {
  workers = [];
  useTraining.setState(IDLE_TRAINING);
  useMarks.getState().setMarks({});
  controller = new TrainingController(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
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

  it('divergence stops the run, marks the node and suggests a smaller learning rate', () => {
    const doc = regression(10);
    doc.training.epochs = 10_000;
    useEditor.getState().open(doc, 'test');
    controller.start();
    let m: FromWorker;
    do m = workers[0].slice(50);
    while (m.type === 'progress');
    const s = useTraining.getState();
    expect(s.status).toBe('diverged');
    expect(s.divergence?.message).toMatch(/smaller learning rate \(now 10\)/);
    expect(Object.keys(useMarks.getState().marks)).toEqual(s.divergence?.nodes);
    controller.reset();
    expect(useMarks.getState().marks).toEqual({});
    expect(params()?.weight.data).toEqual([1]);
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
