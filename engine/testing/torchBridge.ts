import type { Graph } from '../graph/types';
import type { Dtype } from '../tensor/float32';
import { resolveAttrs } from '../ops/attrs';
import type { Program } from '../exec/program';
import type { OptimizerSettings } from '../optim/types';
import { pyNumber } from '../ops/binary';
import { TORCH_DRIVER } from './torchDriver';
import { pyString } from '../codegen/escape';

/** A leaf tensor handed to Python: its variable, shape, values (see toPy) and requires_grad. */
export interface TorchTensorSpec {
  readonly var: string;
  readonly shape: readonly number[];
  readonly data: readonly PyNumber[];
  readonly grad: boolean;
}

/** One graph as Python: leaf tensors, code from each op's `torch()` expression, the loss, what to report. */
export interface TorchGraphSpec {
  readonly name: string;
  readonly leaves: readonly TorchTensorSpec[];
  readonly code: string;
  readonly loss: string;
  readonly report: readonly string[];
}

/** A graph trained with a torch.optim optimizer for a number of full-batch steps. */
export interface TorchTrainingSpec extends TorchGraphSpec {
  readonly optimizer: 'SGD' | 'Adam';
  readonly kwargs: Readonly<Record<string, number | boolean | readonly number[]>>;
  readonly trainable: readonly string[];
  readonly steps: number;
}

/** Everything the Python driver runs in one process, in one dtype (float64 when absent). */
export interface TorchSpec {
  readonly graphs: readonly TorchGraphSpec[];
  readonly trainings: readonly TorchTrainingSpec[];
  readonly dtype?: Dtype;
}

/** A number crossing to or from Python: JSON cannot hold NaN, ±Infinity or −0, so they travel as strings. */
export type PyNumber = number | 'nan' | 'inf' | '-inf' | '-0.0';

/** A tensor as PyTorch computed it. */
export interface TorchTensorResult {
  readonly shape: readonly number[];
  readonly value: readonly PyNumber[];
  readonly requiresGrad: boolean;
  readonly grad: readonly PyNumber[] | null;
  /** The class name of the tensor's grad_fn (`MaxBackward0`), null for a leaf or a tensor without one. */
  readonly gradFn?: string | null;
}

/** A graph's tensors by variable, or the Python traceback. */
export interface TorchGraphResult {
  readonly error?: string;
  readonly tensors: Readonly<Record<string, TorchTensorResult>>;
}

/** A training run's loss before each step and the trainable tensors after each step. */
export interface TorchTrainingResult {
  readonly error?: string;
  readonly losses: readonly PyNumber[];
  readonly params: readonly Readonly<Record<string, readonly PyNumber[]>>[];
}

/** What the driver prints. */
export interface TorchResults {
  readonly torch: string;
  readonly graphs: readonly TorchGraphResult[];
  readonly trainings: readonly TorchTrainingResult[];
}

/** Runs a Python program with the given stdin (supplied by the caller, so the engine needs no Node APIs). */
export type RunPython = (program: string, stdin: string) => { status: number | null; stdout: string; stderr: string };

/** The Python variable of each node (`n0`, `n1`, … in topological order). */
export function torchVars(program: Program): Map<string, string> {
  return new Map(program.slots.map((s, i) => [s.id, `n${i}`]));
}

/** The Python variable of a trainable tensor: the node's for a parameter leaf, `nX_weight` for linear's. */
export function paramVar(vars: ReadonlyMap<string, string>, node: string, name: string): string {
  const v = vars.get(node) as string;
  return name === 'value' ? v : `${v}_${name}`;
}

/** The graph as Python, from the program's current leaf and parameter values. */
export function graphSpec(name: string, graph: Graph, program: Program): TorchGraphSpec {
  const vars = torchVars(program);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const leaves: TorchTensorSpec[] = [];
  const lines: string[] = [];
  const report: string[] = [];
  const stepOf = new Map(program.steps.map((s) => [s.slot.id, s]));
  for (const slot of program.slots) {
    const v = vars.get(slot.id) as string;
    report.push(v);
    if (slot.isLeaf) {
      leaves.push({ var: v, shape: [...slot.shape], data: Array.from(slot.value, toPy), grad: slot.grad !== null });
      continue;
    }
    const step = stepOf.get(slot.id);
    if (!step) throw new Error(`${slot.id} has no step`);
    const { attrs } = resolveAttrs(step.op.attrs, nodes.get(slot.id)?.attrs);
    const args = step.inputs.map((inp, i) =>
      inp.source ? (vars.get(inp.source.id) as string) : pyNumber(attrs[step.op.inputs[i].fallbackAttr as string] as number),
    );
    for (const p of step.params) {
      const pv = paramVar(vars, p.node, p.name);
      leaves.push({ var: pv, shape: [...p.shape], data: Array.from(p.value, toPy), grad: true });
      args.push(pv);
      report.push(pv);
    }
    lines.push(`${v} = ${step.op.torch(args, attrs, pyString)}`);
  }
  if (program.loss === undefined) throw new Error(`${name} has no loss`);
  return { name, leaves, code: lines.join('\n'), loss: vars.get(program.loss) as string, report };
}

/** The torch.optim class and keyword arguments matching the engine's optimizer settings. */
export function torchOptimizer(s: OptimizerSettings): Pick<TorchTrainingSpec, 'optimizer' | 'kwargs'> {
  const kw: Record<string, number | boolean | readonly number[]> = { lr: s.lr };
  const set = (key: string, value: number | boolean | readonly number[] | undefined) => {
    if (value !== undefined) kw[key] = value;
  };
  set('weight_decay', s.weightDecay);
  if (s.type === 'sgd') {
    set('momentum', s.momentum);
    set('dampening', s.dampening);
    set('nesterov', s.nesterov);
    return { optimizer: 'SGD', kwargs: kw };
  }
  if (s.beta1 !== undefined || s.beta2 !== undefined) set('betas', [s.beta1 ?? 0.9, s.beta2 ?? 0.999]);
  set('eps', s.eps);
  set('amsgrad', s.amsgrad);
  return { optimizer: 'Adam', kwargs: kw };
}

/** A training case: the graph at the program's current values, the optimizer, and the steps. */
export function trainingSpec(name: string, graph: Graph, program: Program, settings: OptimizerSettings, steps: number): TorchTrainingSpec {
  const vars = torchVars(program);
  return {
    ...graphSpec(name, graph, program),
    ...torchOptimizer(settings),
    trainable: program.params.map((p) => paramVar(vars, p.node, p.name)),
    steps,
  };
}

/** Runs every case in one Python process; throws with Python's stderr when the driver itself fails. */
export function runTorch(spec: TorchSpec, run: RunPython): TorchResults {
  const { status, stdout, stderr } = run(TORCH_DRIVER, JSON.stringify(spec));
  if (status !== 0) throw new Error(`the PyTorch driver exited with status ${status}:\n${stderr}`);
  return JSON.parse(stdout) as TorchResults;
}

/** A JavaScript number as JSON Python reads exactly: NaN, ±Infinity and −0 as strings for float(). */
export function toPy(v: number): PyNumber {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return Object.is(v, -0) ? '-0.0' : v;
}

/** A number from Python's JSON as a JavaScript number. */
export function fromPy(v: PyNumber): number {
  if (typeof v === 'number') return v;
  return v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : -0;
}
