import { EngineError } from '../exec/program';
import type { OptimizerSettings, ParamState } from '../optim/types';
import { pyFloat, pyList } from './python';

/** A trainable tensor of the exported Net: its node and name, element count, and Python reference. */
export interface ExportedParam {
  readonly node: string;
  readonly name: string;
  readonly size: number;
  /** `net.linear.weight`, `net.w`. */
  readonly ref: string;
}

/** The saved arrays, in words for messages. */
const ARRAYS = [
  ['momentumBuffer', 'momentum buffer'],
  ['expAvg', 'Adam first moment (expAvg)'],
  ['expAvgSq', 'Adam second moment (expAvgSq)'],
  ['maxExpAvgSq', 'AMSGrad maximum (maxExpAvgSq)'],
] as const;

/**
 * Lines that put saved optimizer state into `optimizer.state`, so the script continues
 * where GradCanvas stopped. Only what this optimizer reads is written (PyTorch's Adam
 * expects all of its entries once any exist), matched by node and name as the engine
 * does (the first entry wins). State that does not fit its parameter is refused with
 * the node and parameter named, rather than exported into a script that fails later.
 */
export function savedStateLines(optimizer: OptimizerSettings, saved: readonly ParamState[], params: readonly ExportedParam[]): string[] {
  const lines: string[] = [];
  for (const p of params) {
    const s = saved.find((x) => x.node === p.node && x.name === p.name);
    if (!s) continue;
    for (const [key, words] of ARRAYS) {
      const v = s[key];
      if (v != null && v.length !== p.size) {
        throw new EngineError(
          'runtime',
          `the saved optimizer state of ${p.node}.${p.name} does not fit it: its ${words} has ${v.length} values, but the parameter has ${p.size} elements`,
          p.node,
        );
      }
    }
    const t = (v: ArrayLike<number> | null | undefined) =>
      v ? `torch.tensor(${pyList({ shape: [v.length], data: Float64Array.from(v) })}).reshape(${p.ref}.shape).to(device)` : `torch.zeros_like(${p.ref})`;
    const state = `optimizer.state[${p.ref}]`;
    if (optimizer.type === 'sgd') {
      if (s.momentumBuffer) lines.push(`${state}['momentum_buffer'] = ${t(s.momentumBuffer)}`);
      continue;
    }
    if (!s.expAvg && !s.expAvgSq && !s.maxExpAvgSq) continue;
    // GradCanvas counts steps only with the first moment saved, and starts missing moments at zero.
    lines.push(`${state}['step'] = torch.tensor(${pyFloat(s.expAvg ? (s.step ?? 0) : 0)})`);
    lines.push(`${state}['exp_avg'] = ${t(s.expAvg)}`, `${state}['exp_avg_sq'] = ${t(s.expAvgSq)}`);
    if (optimizer.amsgrad) lines.push(`${state}['max_exp_avg_sq'] = ${t(s.maxExpAvgSq)}`);
  }
  return lines;
}
