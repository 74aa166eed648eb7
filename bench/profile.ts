/**
 * Runs one workload's engine step in a loop, for a profiler:
 * `node --cpu-prof --import tsx bench/profile.ts W4 [seconds]` (or `--prof`), then open the
 * .cpuprofile in Chrome DevTools. Prints the mean time per step.
 */
import { createEngineRun } from './engineRun';
import { benchWorkloads } from './workloads';

const id = process.argv[2] ?? 'W4';
const seconds = Number(process.argv[3] ?? 5);
const workload = benchWorkloads().find((w) => w.id === id);
if (!workload) throw new Error(`no workload '${id}'; use W1, W2, W3 or W4`);
const run = createEngineRun(workload);
const start = performance.now();
let steps = 0;
while (performance.now() - start < seconds * 1000) {
  for (let k = 0; k < 10; k++) run.step();
  steps += 10;
}
process.stdout.write(`${id}: ${(((performance.now() - start) / steps) * 1000).toFixed(2)} µs/step over ${steps} steps\n`);
