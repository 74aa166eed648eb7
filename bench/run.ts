/**
 * `npm run bench [-- --json] [-- --only=W1,W2]`: per-step medians (forward, backward, SGD update) of the
 * engine's compiled step, a hand-fused Float64Array loop and TensorFlow.js on four workloads,
 * and the course's Boston run end to end (W5, engine and fused loop), in one run.
 * Progress goes to stderr; stdout gets the table, or with --json only one JSON object.
 *
 * Engine and fused loop are timed first, before TF.js is loaded: under tsx, loading a
 * CommonJS package such as tfjs-core detaches an ArrayBuffer, which permanently disables
 * V8's fast path for typed-array access in this process (measured: both 25–45% slower).
 */
import { createEngineRun } from './engineRun';
import { createFusedRun } from './fused';
import { type WorkloadResult, result, table } from './report';
import { DEFAULT_TIMING, measure, measureInterleaved, type Timing } from './timing';
import { benchWorkloads } from './workloads';
import { bostonEngine, bostonFused, bostonWorkload } from './boston';

const json = process.argv.includes('--json');
/** `--only=W1,W5`: the workloads to run (all when absent). */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const selected = (id: string) => only === undefined || only.includes(id);

/** Progress on stderr, so stdout stays clean for --json. */
function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Describes one timing for the progress log. */
function describe(t: Timing): string {
  return `median ${(t.medianMs * 1e3).toPrecision(4)} µs/step, min ${(t.minMs * 1e3).toPrecision(4)} (${t.samples} samples × ${t.stepsPerSample} steps)`;
}

const started = performance.now();
const workloads = benchWorkloads().filter((w) => selected(w.id));
const timings = new Map<string, { engine: Timing; fused: Timing; interpreted: Timing }>();
for (const w of workloads) {
  log(`${w.id}: ${w.title}`);
  const engine = createEngineRun(w);
  const fused = createFusedRun(w);
  const interpreted = createEngineRun(w, 'float64', true);
  // Sampled in alternation, so the ratio sees the same machine load.
  const [e, f, i] = measureInterleaved([engine.step, () => void fused.step(), interpreted.step]);
  const loss = engine.program.lossValue();
  log(`  engine ${describe(e)}, loss ${loss.toPrecision(6)}${Number.isFinite(loss) ? '' : '  WARNING: not finite'}`);
  log(`  fused  ${describe(f)}`);
  log(`  interpreted ${describe(i)}: ${(i.medianMs / f.medianMs).toFixed(2)}× fused`);
  timings.set(w.id, { engine: e, fused: f, interpreted: i });
}

// W5: the course's Boston run end to end (a Trainer, every epoch through the divergence rule), beside its fused peer.
const boston = bostonWorkload();
/** W5's engine, fused and interpreted runs, sampled in alternation. */
function measureBoston(): Timing[] {
  log(`${boston.id}: ${boston.title}`);
  const [e, f, i] = measureInterleaved([() => void bostonEngine(boston), () => void bostonFused(boston), () => void bostonEngine(boston, true)], {
    ...DEFAULT_TIMING,
    warmupMs: 0,
    minWarmupSteps: 1,
    minSamples: 5,
    budgetMs: 0,
  });
  log(`  engine ${describe(e)}, loss ${bostonEngine(boston).loss.toPrecision(6)}`);
  log(`  fused  ${describe(f)}`);
  log(`  interpreted ${describe(i)}: ${(i.medianMs / f.medianMs).toFixed(2)}× fused`);
  return [e, f, i];
}
const bostonTimings = selected(boston.id) ? measureBoston() : null;

// The same workloads in float32 (PyTorch's default dtype): every step rounds, sums follow torch.sum's order.
const float32: string[] = [];
for (const w of workloads) {
  const t = measure(createEngineRun(w, 'float32').step);
  const ratio = t.medianMs / (timings.get(w.id)?.engine.medianMs ?? NaN);
  log(`${w.id} float32 engine ${describe(t)}`);
  float32.push(`${w.id} float32: engine ${(t.medianMs * 1e3).toPrecision(3)} µs/step, ${ratio.toFixed(2)}× float64`);
}

const { createTfjsRun, initTfjs, liveTensors } = await import('./tfjsRun');
await initTfjs();
const results: Record<string, WorkloadResult> = {};
for (const w of workloads) {
  const tfjs = createTfjsRun(w);
  tfjs.step();
  const tensors = liveTensors();
  const t = measure(tfjs.step);
  log(`${w.id} tfjs ${describe(t)}, loss ${tfjs.loss().toPrecision(6)}, live tensors ${tensors} → ${liveTensors()}`);
  tfjs.dispose();
  const { engine, fused, interpreted } = timings.get(w.id) as { engine: Timing; fused: Timing; interpreted: Timing };
  results[w.id] = result(w.id, w.title, engine, fused, t, interpreted);
}
if (bostonTimings) results[boston.id] = result(boston.id, boston.title, bostonTimings[0], bostonTimings[1], null, bostonTimings[2]);
log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.stdout.write(json ? `${JSON.stringify(results)}\n` : `${table(results)}\n\n${float32.join('\n')}\n`);
