import { compile } from '../exec/compile';
import { EngineError, type Program, type Step } from '../exec/program';
import type { Graph, GraphNode, LeafValue } from '../graph/types';
import { pyNumber } from '../ops/binary';
import type { OptimizerSettings, ParamState } from '../optim/types';
import type { TrainSettings } from '../train/trainer';
import { pyList, pyString, pythonNames, pyTensor } from './python';

/** Loss ops that map to a PyTorch criterion module, so the script reads `loss = criterion(outputs, labels)`. */
const CRITERIA: Readonly<Record<string, string>> = {
  mse: 'nn.MSELoss',
  bce: 'nn.BCELoss',
  bce_with_logits: 'nn.BCEWithLogitsLoss',
  cross_entropy: 'nn.CrossEntropyLoss',
};

/** The exported script, and the line (1-based) of each phase of the training step. */
export interface PytorchExport {
  readonly code: string;
  readonly phaseLines: { readonly zeroGrad: number; readonly predict: number; readonly loss: number; readonly backward: number; readonly update: number };
}

/** What the script runs: the graph's training settings, possibly overridden (CLI flags). */
export interface ExportOptions {
  readonly title?: string;
  readonly logEvery?: number;
  /** Saved optimizer state to continue from, as the graph file holds it. */
  readonly optimizerState?: readonly ParamState[];
}

/**
 * A self-contained PyTorch script for the graph: the data, an nn.Module mirroring the
 * graph with parameters at their exact current values, the loss, the optimizer and the
 * training loop, printing the same `epoch,loss` lines and final parameters as the CLI.
 */
export function exportPytorch(graph: Graph, training: TrainSettings, options: ExportOptions = {}): PytorchExport {
  const compiled = compile(graph);
  const program = compiled.program;
  if (!program) throw new EngineError('runtime', compiled.problems.map((p) => p.message).join('; '));
  if (program.loss === undefined) throw new EngineError('no_loss', 'export needs a loss node');
  const lossId = program.loss;
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const names = pythonNames(program.slots.map((s) => s.id));
  const py = (id: string) => names.get(id) as string;
  const steps = new Map(program.steps.map((s) => [s.slot.id, s]));
  const lossStep = steps.get(lossId);

  // Mini-batches slice the dataset-bound inputs, so everything downstream of them runs per batch.
  const batchedIds = program.slots.filter((s) => dataset(nodes.get(s.id)) !== undefined).map((s) => s.id);
  const rows = batchedIds.length > 0 ? program.slot(batchedIds[0]).shape[0] : 0;
  const miniBatch = training.batchSize != null && training.batchSize < rows;
  // Data: nodes that need no gradient (data leaves and what is computed from them alone).
  // With full batches they are computed once, before training, as the course does with X and Y.
  const isData = new Set<string>();
  for (const s of program.slots) {
    const step = steps.get(s.id);
    const fromData = s.isLeaf ? s.grad === null : step !== undefined && step.params.length === 0 && step.inputs.every((i) => !i.source || isData.has(i.source.id));
    if (fromData && (s.isLeaf || !miniBatch)) isData.add(s.id);
  }
  // Split `loss = criterion(outputs, labels)` off when the loss is a criterion fed data as its target.
  const targetSource = lossStep?.inputs[1]?.source;
  const split = lossStep && CRITERIA[lossStep.op.name] && targetSource && isData.has(targetSource.id) && lossStep.inputs[0].source ? lossStep : undefined;
  const outputId = split ? (split.inputs[0].source?.id as string) : lossId;
  const needed = upstream(program, outputId, isData);
  const hoisted = program.slots.filter((s) => isData.has(s.id) && s.def.name !== 'parameter' && (upstream(program, lossId).has(s.id)));
  const leaves = program.slots.filter((s) => s.isLeaf && !isData.has(s.id) && s.def.name !== 'parameter' && needed.has(s.id));
  const netInputs = [...hoisted, ...leaves].filter((s) => needed.has(s.id) && s.id !== outputId);
  const params = program.slots.filter((s) => s.isLeaf && s.def.name === 'parameter' && needed.has(s.id));
  const modules = program.steps.filter((s) => s.params.length > 0 && needed.has(s.slot.id));

  const lines: string[] = [];
  const emit = (...ls: string[]) => lines.push(...ls);
  emit(
    `# ${options.title ?? 'GradCanvas graph'}: exported from GradCanvas as a runnable PyTorch script.`,
    '# Each line that computes a node names it in a comment; numbers match GradCanvas (float64).',
    'import torch',
    'import torch.nn as nn',
    '',
    'torch.set_default_dtype(torch.float64)',
    '',
  );

  const datasets = Object.entries(graph.datasets ?? {}).filter(([name]) => batchedIds.some((id) => dataset(nodes.get(id)) === name && upstream(program, lossId).has(id)));
  if (datasets.length > 0) emit('# Data');
  const dataNames = pythonNames(datasets.map(([name]) => `data_${name}`));
  for (const [name, d] of datasets) {
    emit(`# dataset ${pyString(name)}: columns ${d.columns.join(', ')}`);
    if (d.rows.length === 0) {
      emit(`${dataNames.get(`data_${name}`)} = torch.zeros(0, ${d.columns.length})`);
      continue;
    }
    const rowsText = d.rows.map((r, i) => `${i === 0 ? '' : '    '}[${r.map(pyNumber).join(', ')}]${i === d.rows.length - 1 ? '' : ','}`);
    rowsText[0] = `${dataNames.get(`data_${name}`)} = torch.tensor([${rowsText[0]}`;
    rowsText[rowsText.length - 1] += '])';
    emit(...rowsText);
  }
  const moduleLevel = [...hoisted, ...leaves];
  if (moduleLevel.length > 0) emit('', '# Inputs');
  for (const s of program.slots) {
    if (!moduleLevel.includes(s)) continue;
    const node = nodes.get(s.id) as GraphNode;
    const expr = s.isLeaf ? leafExpr(node, graph, program, dataNames) : opExpr(steps.get(s.id) as Step, py, []);
    emit(`${py(s.id)} = ${expr}  # node ${pyString(s.id)} (${node.op})`);
  }

  emit('', '', 'class Net(nn.Module):', '    def __init__(self):', '        super().__init__()');
  for (const p of params) emit(`        self.${py(p.id)} = nn.Parameter(${pyTensor({ shape: p.shape, data: p.value })})  # node ${pyString(p.id)} (parameter)`);
  for (const m of modules) {
    const { inFeatures, outFeatures } = nodes.get(m.slot.id)?.attrs as { inFeatures: number; outFeatures: number };
    emit(`        self.${py(m.slot.id)} = nn.Linear(${inFeatures}, ${outFeatures})  # node ${pyString(m.slot.id)} (linear)`);
  }
  if (modules.length > 0) {
    emit('        with torch.no_grad():  # start from the graph\'s exact parameter values');
    for (const m of modules) for (const p of m.params) emit(`            self.${py(m.slot.id)}.${p.name}.copy_(${pyTensor({ shape: p.shape, data: p.value })})`);
  }
  if (params.length === 0 && modules.length === 0) emit('        pass');
  emit('', `    def forward(self${netInputs.map((l) => `, ${py(l.id)}`).join('')}):`);
  for (const s of program.steps) {
    if (!needed.has(s.slot.id) || isData.has(s.slot.id)) continue;
    emit(`        ${py(s.slot.id)} = ${opExpr(s, py, params.map((p) => p.id))}  # node ${pyString(s.slot.id)} (${s.op.name})`);
  }
  emit(`        return ${py(outputId)}`, '', '');

  emit('net = Net()');
  if (split) {
    const reduction = (nodes.get(split.slot.id)?.attrs?.reduction as string | undefined) ?? 'mean';
    emit(`criterion = ${CRITERIA[split.op.name]}(reduction=${pyString(reduction)})  # node ${pyString(split.slot.id)} (${split.op.name})`);
  }
  const trainable = params.length + modules.length > 0;
  if (trainable) emit(`optimizer = ${optimizerExpr(training.optimizer)}`);
  const paramRef = (node: string, name: string) => (name === 'value' ? `net.${py(node)}` : `net.${py(node)}.${name}`);
  const trainableIds = new Set([...params.map((p) => `${p.id}.value`), ...modules.flatMap((m) => m.params.map((p) => `${m.slot.id}.${p.name}`))]);
  const saved = trainable ? (options.optimizerState ?? []).filter((s) => trainableIds.has(`${s.node}.${s.name}`)) : [];
  if (saved.length > 0) emit('# Continue from the saved optimizer state');
  for (const s of saved) {
    const ref = paramRef(s.node, s.name);
    const t = (v: ArrayLike<number>) => `torch.tensor(${pyList({ shape: [v.length], data: Float64Array.from(v) })}).reshape(${ref}.shape)`;
    if (s.momentumBuffer) emit(`optimizer.state[${ref}]['momentum_buffer'] = ${t(s.momentumBuffer)}`);
    if (s.expAvg && s.expAvgSq) {
      emit(`optimizer.state[${ref}]['step'] = torch.tensor(${pyNumber(s.step ?? 0)})`);
      emit(`optimizer.state[${ref}]['exp_avg'] = ${t(s.expAvg)}`, `optimizer.state[${ref}]['exp_avg_sq'] = ${t(s.expAvgSq)}`);
      if (s.maxExpAvgSq) emit(`optimizer.state[${ref}]['max_exp_avg_sq'] = ${t(s.maxExpAvgSq)}`);
    }
  }

  const epochs = training.epochs;
  const logEvery = options.logEvery ?? 1;
  const arg = (id: string) => (miniBatch && batchedIds.includes(id) ? `${py(id)}[idx]` : py(id));
  const labels = split ? arg(targetSource?.id as string) + (split.op.name === 'cross_entropy' ? '.long()' : '') : '';
  const indent = miniBatch ? '        ' : '    ';
  if (miniBatch) emit('', ...PERMUTATION, '', `rng = Mulberry32(${training.seed ?? 0})`, `batch_size = ${training.batchSize}`, `rows = ${rows}`);
  emit('', 'print("epoch,loss")', `for epoch in range(${epochs}):`);
  if (miniBatch) emit('    order = permutation(rows, rng)', '    total = 0.0', '    for start in range(0, rows, batch_size):', '        idx = torch.tensor(order[start:start + batch_size])');
  const phaseLines = { zeroGrad: 0, predict: 0, loss: 0, backward: 0, update: 0 };
  if (trainable) {
    emit(`${indent}optimizer.zero_grad()`);
    phaseLines.zeroGrad = lines.length;
  }
  const call = `net(${netInputs.map((l) => arg(l.id)).join(', ')})`;
  if (split) {
    emit(`${indent}outputs = ${call}`);
    phaseLines.predict = lines.length;
    emit(`${indent}loss = criterion(outputs, ${labels})`);
  } else {
    emit(`${indent}loss = ${call}`);
    phaseLines.predict = lines.length;
  }
  phaseLines.loss = lines.length;
  emit(`${indent}loss.backward()`);
  phaseLines.backward = lines.length;
  if (trainable) {
    emit(`${indent}optimizer.step()`);
    phaseLines.update = lines.length;
  }
  if (miniBatch) emit('        total += loss.item() * len(idx)', '    epoch_loss = total / rows');
  else emit('    epoch_loss = loss.item()');
  emit(`    if epoch % ${logEvery} == 0 or epoch == ${epochs - 1}:`, '        print(f"{epoch},{epoch_loss!r}")', '');
  const named = [...params.map((p) => `(${pyString(`${p.id}.value`)}, net.${py(p.id)})`), ...modules.flatMap((m) => m.params.map((p) => `(${pyString(`${m.slot.id}.${p.name}`)}, net.${py(m.slot.id)}.${p.name})`))];
  emit(`for name, p in [${named.join(', ')}]:`, '    print(name, list(p.shape), " ".join(repr(v) for v in p.detach().flatten().tolist()))');
  return { code: `${lines.join('\n')}\n`, phaseLines };
}

/** Ids of the nodes `id` depends on, itself included; the walk stops at nodes in `stop`. */
function upstream(program: Program, id: string, stop: ReadonlySet<string> = new Set()): Set<string> {
  const steps = new Map(program.steps.map((s) => [s.slot.id, s]));
  const seen = new Set([id]);
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop() as string;
    if (stop.has(cur)) continue;
    for (const inp of steps.get(cur)?.inputs ?? []) {
      if (inp.source && !seen.has(inp.source.id)) {
        seen.add(inp.source.id);
        stack.push(inp.source.id);
      }
    }
  }
  return seen;
}

function dataset(node: GraphNode | undefined): string | undefined {
  return node?.value?.type === 'columns' ? node.value.dataset : undefined;
}

/** The Python expression that builds an input or constant leaf. */
function leafExpr(node: GraphNode, graph: Graph, program: Program, dataNames: Map<string, string>): string {
  const v = node.value as LeafValue;
  const grad = node.requiresGrad ? '.requires_grad_()' : '';
  switch (v.type) {
    case 'arange':
      return `torch.arange(${pyNumber(v.start)}, ${pyNumber(v.end)}, ${pyNumber(v.step)})${grad}`;
    case 'tensor':
      return `torch.tensor(${pyList(program.value(node.id))})${grad}`;
    case 'columns': {
      const columns = v.columns.map((c) => graph.datasets?.[v.dataset]?.columns.indexOf(c) ?? -1);
      const index = v.vector ? String(columns[0]) : `[${columns.join(', ')}]`;
      return `${dataNames.get(`data_${v.dataset}`)}[:, ${index}]${grad}`;
    }
  }
}

/** The Python expression of one op step, with the op's own parameters as module attributes. */
function opExpr(step: Step, py: (id: string) => string, paramLeaves: readonly string[]): string {
  if (step.op.name === 'linear') return `self.${py(step.slot.id)}(${argOf(step, 0, py, paramLeaves)})`;
  const args = step.inputs.map((_, i) => argOf(step, i, py, paramLeaves));
  return step.op.torch(args, step.attrs);
}

function argOf(step: Step, i: number, py: (id: string) => string, paramLeaves: readonly string[]): string {
  const src = step.inputs[i].source;
  if (!src) return pyNumber(step.x[i][0]);
  return paramLeaves.includes(src.id) ? `self.${py(src.id)}` : py(src.id);
}

/** `torch.optim.SGD(net.parameters(), lr=…)` with every non-default hyper-parameter. */
function optimizerExpr(o: OptimizerSettings): string {
  if (o.type === 'sgd') {
    const args = [`lr=${pyNumber(o.lr)}`];
    if (o.momentum) args.push(`momentum=${pyNumber(o.momentum)}`);
    if (o.dampening) args.push(`dampening=${pyNumber(o.dampening)}`);
    if (o.nesterov) args.push('nesterov=True');
    if (o.weightDecay) args.push(`weight_decay=${pyNumber(o.weightDecay)}`);
    return `torch.optim.SGD(net.parameters(), ${args.join(', ')})`;
  }
  const args = [`lr=${pyNumber(o.lr)}`, `betas=(${pyNumber(o.beta1 ?? 0.9)}, ${pyNumber(o.beta2 ?? 0.999)})`, `eps=${pyNumber(o.eps ?? 1e-8)}`];
  if (o.weightDecay) args.push(`weight_decay=${pyNumber(o.weightDecay)}`);
  if (o.amsgrad) args.push('amsgrad=True');
  return `torch.optim.Adam(net.parameters(), ${args.join(', ')})`;
}

/** GradCanvas's seeded shuffle (mulberry32 and Fisher–Yates), so mini-batches visit rows in the same order. */
const PERMUTATION = [
  'class Mulberry32:',
  '    def __init__(self, seed):',
  '        self.s = seed & 0xFFFFFFFF',
  '',
  '    def __call__(self):',
  '        self.s = (self.s + 0x6D2B79F5) & 0xFFFFFFFF',
  '        t = self.s',
  '        t = ((t ^ (t >> 15)) * (t | 1)) & 0xFFFFFFFF',
  '        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF',
  '        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296',
  '',
  '',
  'def permutation(n, rand):',
  '    p = list(range(n))',
  '    for i in range(n - 1, 0, -1):',
  '        j = int(rand() * (i + 1))',
  '        p[i], p[j] = p[j], p[i]',
  '    return p',
];
