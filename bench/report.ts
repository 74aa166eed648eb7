import type { Timing } from './timing';

/** Per-step medians of the three contestants on one workload, with the ratios the issue asks for. */
export interface WorkloadResult {
  readonly title: string;
  readonly engineMs: number;
  readonly fusedMs: number;
  /** NaN where TF.js is not run (W5). */
  readonly tfjsMs: number;
  readonly engineOverFused: number;
  readonly tfjsOverEngine: number;
  /** The interpreter's step (Program.forward/backward, what the engine ran before its compiled step) over the fused loop. */
  readonly interpretedMs: number;
  readonly interpretedOverFused: number;
  /** Fastest samples of engine and fused loop and their ratio: what a quiet machine gives. */
  readonly engineMinMs: number;
  readonly fusedMinMs: number;
  readonly engineOverFusedMin: number;
  /** The target for engine/fused (medians), and whether this run met it. */
  readonly target: number;
  readonly meetsTarget: boolean;
}

/** Targets for engine time over fused-loop time, per workload (W5 has none: it is measured, not held to a ratio). */
export const TARGETS: Readonly<Record<string, number>> = { W1: 3, W2: 1.05, W3: 1.05, W4: 5 };

/** Builds a result from the three timings. */
export function result(id: string, title: string, engine: Timing, fused: Timing, tfjs: Timing | null, interpreted: Timing): WorkloadResult {
  const target = TARGETS[id] ?? Infinity;
  const engineOverFused = engine.medianMs / fused.medianMs;
  return {
    title,
    engineMs: engine.medianMs,
    fusedMs: fused.medianMs,
    tfjsMs: tfjs?.medianMs ?? NaN,
    engineOverFused,
    tfjsOverEngine: (tfjs?.medianMs ?? NaN) / engine.medianMs,
    interpretedMs: interpreted.medianMs,
    interpretedOverFused: interpreted.medianMs / fused.medianMs,
    engineMinMs: engine.minMs,
    fusedMinMs: fused.minMs,
    engineOverFusedMin: engine.minMs / fused.minMs,
    target,
    meetsTarget: engineOverFused <= target,
  };
}

/** A time in ms with a unit that keeps 3 significant digits (ns and µs below 1 ms). */
function time(ms: number): string {
  if (Number.isNaN(ms)) return '—';
  if (ms < 1e-3) return `${(ms * 1e6).toPrecision(3)} ns`;
  if (ms < 1) return `${(ms * 1e3).toPrecision(3)} µs`;
  return `${ms.toPrecision(3)} ms`;
}

/** The results as a plain-text table (medians; the last column compares fastest samples). */
export function table(results: Readonly<Record<string, WorkloadResult>>): string {
  const head = ['', 'engine/step', 'fused/step', 'tfjs/step', 'engine/fused', 'target', 'tfjs/engine', 'engine/fused (min)', 'interpreted/fused'];
  const rows = Object.entries(results).map(([id, r]) => [
    id,
    time(r.engineMs),
    time(r.fusedMs),
    time(r.tfjsMs),
    `${r.engineOverFused.toFixed(2)}×`,
    r.target === Infinity ? '—' : `≤${r.target}× ${r.meetsTarget ? 'ok' : 'MISSED'}`,
    Number.isNaN(r.tfjsOverEngine) ? '—' : `${r.tfjsOverEngine.toFixed(1)}×`,
    `${r.engineOverFusedMin.toFixed(2)}×`,
    `${r.interpretedOverFused.toFixed(2)}×`,
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const legend = Object.entries(results).map(([id, r]) => `${id}: ${r.title}`);
  return [line(head), ...rows.map(line), '', 'Times are medians per step (W5: per whole run); "min" compares each side\'s fastest sample; "interpreted" is the engine\'s interpreter (Program.forward/backward), timed in the same rounds.', ...legend].join('\n');
}
