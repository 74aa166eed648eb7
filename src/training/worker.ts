import { EngineError } from '../../engine';
import { type FromWorker, type ToWorker, TrainingSession } from './protocol';

/** How long one slice of epochs runs before the worker posts progress and reads its messages (~30 posts per second). */
const SLICE_MS = 33;

// Typed with the DOM's lib: postMessage(message) and onmessage have the same shape in a worker.
const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
let session: TrainingSession | null = null;
let paused = false;
let scheduled = false;
// A MessageChannel yields to incoming messages without setTimeout's 4 ms clamp.
const tick = new MessageChannel();

function post(m: FromWorker): void {
  scope.postMessage(m);
}

function fail(e: unknown): void {
  session = null;
  const engine = e instanceof EngineError ? { node: e.node, reason: e.reason, params: e.params } : {};
  post({ type: 'error', message: e instanceof Error ? e.message : String(e), ...engine });
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  tick.port2.postMessage(null);
}

tick.port1.onmessage = () => {
  scheduled = false;
  if (!session || paused) return;
  try {
    const m = session.advance(Number.MAX_SAFE_INTEGER, performance.now() + SLICE_MS);
    post(m);
    if (m.type === 'progress') schedule();
    else session = null;
  } catch (e) {
    fail(e);
  }
};

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  switch (m.type) {
    case 'start':
      try {
        session = new TrainingSession(m.file, m.epochs, m.firstLoss);
        paused = false;
        schedule();
      } catch (err) {
        fail(err);
      }
      return;
    case 'pause':
      if (session && !paused) {
        paused = true;
        post(session.pause());
      }
      return;
    case 'resume':
      if (session && paused) {
        paused = false;
        schedule();
      }
      return;
    case 'stop':
      session = null;
      paused = false;
      return;
  }
};
