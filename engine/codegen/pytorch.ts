import { compile } from '../exec/compile';
import { EngineError, type Program, type Step } from '../exec/program';
import type { Graph, GraphNode, LeafValue } from '../graph/types';
import type { OptimizerSettings, ParamState } from '../optim/types';
import { divergenceFactorOf } from '../train/divergence';
import type { TrainSettings } from '../train/trainer';
import { logColumns } from '../train/log';
import { accuracyError } from '../train/metrics';
import { ValidationRun } from '../train/validation';
import { validationGraph, validationName } from '../graph/validation';
import { PREDICTION_RULES } from '../ops/prediction';
import { datasetLines } from './dataBlock';
import { divergenceBlock } from './divergenceBlock';
import { measureBlock } from './measureBlock';
import { pyComment, pyString } from './escape';
import { upstream } from './upstream';
import { printable } from './printable';
import { pyFloat, pyInt, pyList, pythonName, pythonNames, pyTensor } from './python';
import { type ExportedParam, savedStateLines } from './savedState';

/** The exported script, and the line (1-based) of each phase of the training step and of each node. */
export interface PytorchExport {
  readonly code: string;
  readonly phaseLines: { readonly zeroGrad: number; readonly predict: number; readonly loss: number; readonly backward: number; readonly update: number };
  /**
   * The line that computes each node, recorded as the line is written: its line in forward()
   * or in the inputs block, a parameter's line in the Net's __init__, and the loss's
   * `loss = criterion(…)` line when the loop computes it. Nodes the script leaves out have none.
   */
  readonly nodeLines: ReadonlyMap<string, number>;
  /** Where each part of the script starts (1-based line), in order: a notebook puts each part in its own cell. */
  readonly sections: readonly ScriptSection[];
}

/** The parts an exported script is written in, in their order. */
export const SCRIPT_PARTS = ['setup', 'data', 'model', 'loss', 'optimizer', 'training'] as const;

/** One part of an exported script. */
export type ScriptPart = (typeof SCRIPT_PARTS)[number];

/** A part of the script and the line (1-based) it starts on; it runs to the next part's start. */
export interface ScriptSection {
  readonly part: ScriptPart;
  readonly start: number;
}

/** How the script is written: its title and log interval, possibly overridden (CLI flags). */
export interface ScriptOptions {
  readonly title?: string;
  /** Print every k-th epoch and the last (default: the settings' `logEvery`, else 1). */
  readonly logEvery?: number;
  /** Keep every epoch's loss in a list `losses` (a notebook plots it); the printed log is the same. */
  readonly recordLosses?: boolean;
  /** The CSV file of each dataset bound from one (NAME → path as the script opens it); large ones are read from it (EMBED_MAX_ROWS). */
  readonly csvFiles?: ReadonlyMap<string, string>;
}

/** What the script runs: the graph's training settings, possibly overridden (CLI flags). */
export interface ExportOptions extends ScriptOptions {
  /** Saved optimizer state to continue from, as the graph file holds it. */
  readonly optimizerState?: readonly ParamState[];
}

/** The values a prepared script is written with: what changes as the model trains. */
export interface ScriptValues {
  /** A trainable tensor's current values by node and name; undefined keeps the values the graph was prepared with. */
  readonly param?: (node: string, name: string) => ArrayLike<number> | undefined;
  /** Saved optimizer state to continue from. */
  readonly optimizerState?: readonly ParamState[];
}

/** Writes a prepared training script with the current parameter values and optimizer state, without compiling again. */
export type ScriptWriter = (values?: ScriptValues) => PytorchExport;

/**
 * A self-contained PyTorch script for the graph: the data, an nn.Module mirroring the
 * graph with parameters at their exact current values, the loss, the optimizer and the
 * training loop, printing the same `epoch,loss[,acc][,val_loss[,val_acc]]` lines and final
 * parameters as the CLI: accuracy with `metrics.accuracy`, validation on the `<dataset>_test`
 * splits. It stops on the same divergence rule as the CLI, and then, like the CLI, exits with status 1.
 */
export function exportPytorch(graph: Graph, training: TrainSettings, options: ExportOptions = {}): PytorchExport {
  return prepareExport(graph, training, options)({ optimizerState: options.optimizerState });
}

/**
 * The work of exportPytorch that depends on the graph's structure and settings — compiling,
 * naming, the data and inputs blocks — done once; the writer it returns writes the script
 * with whatever parameter values and optimizer state it is given (a view of a model that is
 * training writes its script again on every step without compiling).
 */
export function prepareExport(graph: Graph, training: TrainSettings, options: ScriptOptions = {}): ScriptWriter {
  const compiled = compile(graph);
  const program = compiled.program;
  if (!program) throw EngineError.because('runtime', 'export_problems', { problems: compiled.problems.map((p) => p.message).join('; ') });
  if (program.loss === undefined) throw EngineError.because('no_loss', 'no_loss_export', {});
  const lossId = program.loss;
  const accuracy = training.metrics?.accuracy === true;
  const problem = accuracy ? accuracyError(program) : null;
  if (problem) throw problem;
  // The same validation pass the CLI runs; it throws when the split does not fit the graph.
  const validation = ValidationRun.of(graph, program, { accuracy });
  const columns = logColumns(accuracy, validation !== null);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const usedNames = new Set<string>();
  const names = pythonNames(program.slots.map((s) => s.id), usedNames);
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
  const split = lossStep && lossStep.op.criterion && targetSource && isData.has(targetSource.id) && lossStep.inputs[0].source ? lossStep : undefined;
  if (accuracy && !split) throw EngineError.because('runtime', 'export_accuracy_target', { node: lossId }, lossId);
  const outputId = split ? (split.inputs[0].source?.id as string) : lossId;
  const needed = upstream(program, outputId, isData);
  const lossUpstream = upstream(program, lossId);
  const hoisted = program.slots.filter((s) => isData.has(s.id) && s.def.name !== 'parameter' && lossUpstream.has(s.id));
  const leaves = program.slots.filter((s) => s.isLeaf && !isData.has(s.id) && s.def.name !== 'parameter' && needed.has(s.id));
  const netInputs = [...hoisted, ...leaves].filter((s) => needed.has(s.id) && s.id !== outputId);
  const params = program.slots.filter((s) => s.isLeaf && s.def.name === 'parameter' && needed.has(s.id));
  const modules = program.steps.filter((s) => s.op.torchModule && needed.has(s.slot.id));
  const paramIds = new Set(params.map((p) => p.id));
  // Trainable tensors in the engine's order, which is the order the CLI prints them in.
  const exported = new Set([...params.map((p) => p.id), ...modules.map((m) => m.slot.id)]);
  const trainable: ExportedParam[] = program.params
    .filter((p) => exported.has(p.node))
    .map((p) => ({ node: p.node, name: p.name, size: p.value.length, ref: p.name === 'value' ? `net.${py(p.node)}` : `net.${py(p.node)}.${p.name}` }));

  // The head — header, data, inputs — does not change as the model trains: written once here.
  const lines: string[] = [];
  const nodeLines = new Map<string, number>();
  const emit = (...ls: string[]) => lines.push(...ls);
  const comment = (id: string) => nodeComment(nodes.get(id) as GraphNode);
  /** Writes the line that computes `id` and records where it is. */
  const emitNode = (id: string, line: string) => nodeLines.set(id, emit(`${line}  ${comment(id)}`));
  // The first two lines are fixed: Python reads a `coding:` declaration there, so no user text may appear on them.
  emit(
    `# A runnable PyTorch script exported from GradCanvas; its numbers match GradCanvas (${program.dtype}).`,
    '# Each line that computes a node names it in a comment.',
    `# Graph: ${pyComment(options.title ?? 'GradCanvas graph')}`,
    ...(trainable.length > 0 ? ['import copy'] : []),
    'import math',
    'import sys',
    '',
    'import torch',
    'import torch.nn as nn',
    '',
    `torch.set_default_dtype(torch.${program.dtype})`,
    '# The device: a GPU when there is one, else the CPU (where the numbers match GradCanvas).',
    'device = torch.device("cuda" if torch.cuda.is_available() else "cpu")',
    '',
  );
  const sections: ScriptSection[] = [{ part: 'setup', start: 1 }];
  /** Marks where a part of the script starts: at the next line written. */
  const section = (part: ScriptPart, into: ScriptSection[] = sections, at: number = lines.length) => into.push({ part, start: at + 1 });
  section('data');

  const bound = Object.entries(graph.datasets ?? {}).filter(([name]) => batchedIds.some((id) => dataset(nodes.get(id)) === name && lossUpstream.has(id)));
  // The validation splits of those datasets, right after them.
  const splits = (validation?.datasets ?? []).filter((name) => bound.some(([b]) => b === name)).map(validationName);
  const datasets = [...bound, ...Object.entries(graph.datasets ?? {}).filter(([name]) => splits.includes(name))];
  if (datasets.length > 0) emit('# Data');
  const dataNames = new Map(datasets.map(([name]) => [name, pythonName(`data_${name}`, usedNames)]));
  for (const [name, d] of datasets) for (const line of datasetLines(name, dataNames.get(name) as string, d, options.csvFiles?.get(name))) lines.push(line);
  const moduleLevel = new Set([...hoisted, ...leaves]);
  if (moduleLevel.size > 0) emit('', '# Inputs');
  for (const s of program.slots) {
    if (!moduleLevel.has(s)) continue;
    const node = nodes.get(s.id) as GraphNode;
    const expr = s.isLeaf ? leafExpr(node, graph, program, dataNames) : opExpr(steps.get(s.id) as Step, py, new Set());
    emitNode(s.id, `${py(s.id)} = ${expr}`);
  }
  // The same inputs on the validation split: a twin of each one that reads a split dataset, or is computed from one.
  const valNames = new Map<string, string>();
  const vgraph = validation ? (validationGraph(graph) as Graph) : null;
  if (vgraph) {
    const vnodes = new Map(vgraph.nodes.map((n) => [n.id, n]));
    const twin = (s: (typeof program.slots)[number]): boolean => {
      if (!moduleLevel.has(s)) return false;
      if (s.isLeaf) return dataset(vnodes.get(s.id)) !== dataset(nodes.get(s.id));
      return (steps.get(s.id) as Step).inputs.some((i) => i.source && valNames.has(i.source.id));
    };
    // In topological order, so an op's inputs have their twins before it is looked at.
    for (const s of program.slots) {
      if (!twin(s)) continue;
      if (valNames.size === 0) emit('', `# The same inputs on the validation data (${pyComment(splits.map((n) => pyString(n)).join(', '))})`);
      valNames.set(s.id, pythonName(`${py(s.id)}_val`, usedNames));
      const vpy = (id: string) => valNames.get(id) ?? py(id);
      const expr = s.isLeaf ? leafExpr(vnodes.get(s.id) as GraphNode, vgraph, program, dataNames) : opExpr(steps.get(s.id) as Step, vpy, new Set());
      emit(`${vpy(s.id)} = ${expr}  ${comment(s.id)}`);
    }
  }
  const val = (id: string) => valNames.get(id) ?? py(id);

  const epochs = pyInt(training.epochs, 'epochs');
  const logEvery = pyInt(options.logEvery ?? training.logEvery ?? 1, 'the log interval');
  const arg = (id: string) => (miniBatch && batchedIds.includes(id) ? `${py(id)}[idx]` : py(id));
  const target = split ? arg(targetSource?.id as string) : '';
  const labels = split?.op.criterion?.target?.(target) ?? target;
  const kind = lossStep?.op.prediction;
  const valLabels = split ? (split.op.criterion?.target?.(val(targetSource?.id as string)) ?? val(targetSource?.id as string)) : null;
  const measure = measureBlock({
    columns,
    predict: accuracy && kind ? PREDICTION_RULES[kind].torch : null,
    labels,
    predictions: `${py(targetSource?.id ?? lossId)}.numel()`,
    validation: validation
      ? { call: `net(${netInputs.map((l) => val(l.id)).join(', ')})`, labels: valLabels, predictions: split ? `${val(targetSource?.id as string)}.numel()` : null, criterion: split !== undefined }
      : null,
  });
  const rule = divergenceBlock({
    factor: divergenceFactorOf(training.divergenceFactor),
    lr: training.optimizer.lr,
    logEvery,
    lastEpoch: Number(epochs) - 1,
    restores: trainable.length > 0,
    logLine: measure.logLine,
  });
  const seed = miniBatch ? pyInt(training.seed ?? 0, 'the seed') : '';
  const batchSize = miniBatch ? pyInt(training.batchSize, 'the batch size') : '';
  const head = lines;
  const headNodeLines = nodeLines;
  const headSections = sections;

  return (values = {}) => {
    const lines = [...head];
    const nodeLines = new Map(headNodeLines);
    const sections = [...headSections];
    const mark = (part: ScriptPart) => section(part, sections, lines.length);
    const emit = (...ls: string[]) => lines.push(...ls);
    const emitNode = (id: string, line: string) => nodeLines.set(id, emit(`${line}  ${comment(id)}`));
    // A trainable tensor as it stands now: the values given, else the ones the graph was prepared with.
    const tensor = (node: string, name: string, shape: readonly number[], prepared: Float64Array) => {
      const now = values.param?.(node, name);
      if (now !== undefined && now.length !== prepared.length) throw new EngineError('runtime', `${node}.${name} has ${now.length} values, but the script was prepared for ${prepared.length}`, node);
      return pyTensor({ shape: [...shape], data: now === undefined ? prepared : Float64Array.from(now) });
    };

    mark('model');
    emit('', '', 'class Net(nn.Module):', '    def __init__(self):', '        super().__init__()');
    for (const p of params) emitNode(p.id, `        self.${py(p.id)} = nn.Parameter(${tensor(p.id, 'value', p.shape, p.value)})`);
    for (const m of modules) emit(`        self.${py(m.slot.id)} = ${m.op.torchModule?.(m.attrs)}  ${comment(m.slot.id)}`);
    if (modules.length > 0) {
      emit('        with torch.no_grad():  # start from the graph\'s exact parameter values');
      for (const m of modules) for (const p of m.params) emit(`            self.${py(m.slot.id)}.${p.name}.copy_(${tensor(m.slot.id, p.name, p.shape, p.value)})`);
    }
    if (params.length === 0 && modules.length === 0) emit('        pass');
    emit('', `    def forward(self${netInputs.map((l) => `, ${py(l.id)}`).join('')}):`);
    for (const s of program.steps) {
      if (!needed.has(s.slot.id) || isData.has(s.slot.id)) continue;
      emitNode(s.slot.id, `        ${py(s.slot.id)} = ${opExpr(s, py, paramIds)}`);
    }
    emit(`        return ${py(outputId)}`, '', '');

    emit('net = Net().to(device)');
    mark('loss');
    if (split) {
      const reduction = String(split.attrs.reduction ?? 'mean');
      emit(`criterion = ${split.op.criterion?.module}(reduction=${pyString(reduction)})  ${comment(split.slot.id)}`);
    }
    mark('optimizer');
    if (trainable.length > 0) emit(`optimizer = ${optimizerExpr(training.optimizer)}`);
    const restore = trainable.length > 0 ? savedStateLines(training.optimizer, values.optimizerState ?? [], trainable) : [];
    if (restore.length > 0) emit('# Continue from the saved optimizer state');
    for (const line of restore) lines.push(line);

    mark('training');
    const indent = miniBatch ? '        ' : '    ';
    if (miniBatch) {
      emit('', ...PERMUTATION, '', `rng = Mulberry32(${seed})`);
      emit(`batch_size = ${batchSize}`, `rows = ${pyInt(rows, 'the row count')}`);
    }
    // Names print as the CLI prints them: escaped by the same function, so both show the same text.
    const named = trainable.map((p) => `(${pyString(printable(`${p.node}.${p.name}`))}, ${pyString(printable(p.node))}, ${p.ref})`);
    emit('', '# The trainable tensors, by the names GradCanvas prints, with the node each belongs to.', `trainable = [${named.join(', ')}]`, ...measure.setup, ...(measure.setup.length > 0 ? ['', ''] : ['']), ...rule.setup);
    if (options.recordLosses) emit('losses = []  # every epoch\'s loss, for the plot');
    emit(measure.header, `for epoch in range(${epochs}):`, ...rule.epochStart, ...measure.epochStart);
    if (miniBatch) emit('    order = permutation(rows, rng)', '    total = 0.0', '    for start in range(0, rows, batch_size):', '        idx = torch.tensor(order[start:start + batch_size], device=device)');
    const phaseLines = { zeroGrad: 0, predict: 0, loss: 0, backward: 0, update: 0 };
    if (trainable.length > 0) phaseLines.zeroGrad = emit(`${indent}optimizer.zero_grad()`);
    const call = `net(${netInputs.map((l) => arg(l.id)).join(', ')})`;
    if (split) {
      phaseLines.predict = emit(`${indent}outputs = ${call}`);
      phaseLines.loss = emit(`${indent}loss = criterion(outputs, ${labels})`);
      // The loop, not forward(), computes a criterion's loss.
      nodeLines.set(split.slot.id, phaseLines.loss);
    } else {
      phaseLines.predict = emit(`${indent}loss = ${call}`);
      phaseLines.loss = phaseLines.predict;
    }
    phaseLines.backward = emit(`${indent}loss.backward()`);
    if (trainable.length > 0) phaseLines.update = emit(`${indent}optimizer.step()`);
    emit(...measure.afterStep.map((l) => indent + l));
    if (miniBatch) emit('        total += loss.item() * len(idx)', '    epoch_loss = total / rows');
    else emit('    epoch_loss = loss.item()');
    if (options.recordLosses) emit('    losses.append(epoch_loss)');
    emit(...measure.epochEnd, ...rule.epochEnd, '');
    emit('for name, _node, p in trainable:', '    print(name, list(p.shape), " ".join(repr(v) for v in p.detach().flatten().tolist()))', ...rule.finish);
    return { code: `${lines.join('\n')}\n`, phaseLines, nodeLines, sections };
  };
}

/** `# node "id" (op)`, with the node's label when it has one of its own. */
function nodeComment(node: GraphNode): string {
  const label = node.label !== undefined && node.label !== node.id ? `, label ${pyString(node.label)}` : '';
  return `# ${pyComment(`node ${pyString(node.id)} (${node.op})${label}`)}`;
}

function dataset(node: GraphNode | undefined): string | undefined {
  return node?.value?.type === 'columns' ? node.value.dataset : undefined;
}

/** The Python expression that builds an input or constant leaf. */
function leafExpr(node: GraphNode, graph: Graph, program: Program, dataNames: ReadonlyMap<string, string>): string {
  const v = node.value as LeafValue;
  const grad = node.requiresGrad ? '.requires_grad_()' : '';
  switch (v.type) {
    case 'arange':
      return `torch.arange(${pyFloat(v.start)}, ${pyFloat(v.end)}, ${pyFloat(v.step)}).to(device)${grad}`;
    case 'tensor':
      return `torch.tensor(${pyList(program.value(node.id))}).to(device)${grad}`;
    case 'columns': {
      // Own properties only: a dataset called `toString` or `__proto__` is a name like any other.
      const datasets = graph.datasets ?? {};
      const d = Object.hasOwn(datasets, v.dataset) ? datasets[v.dataset] : undefined;
      const variable = dataNames.get(v.dataset);
      if (!d || variable === undefined) throw new EngineError('runtime', `input ${node.id} reads the dataset '${v.dataset}', which the graph does not hold`, node.id);
      const columns = v.columns.map((c) => {
        const j = d.columns.indexOf(c);
        if (j < 0) throw new EngineError('runtime', `input ${node.id} reads the column '${c}', which the dataset '${v.dataset}' does not have`, node.id);
        return String(j);
      });
      const index = v.vector ? columns[0] : `[${columns.join(', ')}]`;
      return `${variable}[:, ${index}]${grad}`;
    }
  }
}

/** The Python expression of one op step, with the op's own parameters as module attributes. */
function opExpr(step: Step, py: (id: string) => string, paramLeaves: ReadonlySet<string>): string {
  const args = step.inputs.map((_, i) => argOf(step, i, py, paramLeaves));
  if (step.op.torchModule) return `self.${py(step.slot.id)}(${args.join(', ')})`;
  return step.op.torch(args, step.attrs, pyString);
}

function argOf(step: Step, i: number, py: (id: string) => string, paramLeaves: ReadonlySet<string>): string {
  const src = step.inputs[i].source;
  if (!src) return pyFloat(step.x[i][0]);
  return paramLeaves.has(src.id) ? `self.${py(src.id)}` : py(src.id);
}

/** `torch.optim.SGD(net.parameters(), lr=…)` with every non-default hyper-parameter. */
function optimizerExpr(o: OptimizerSettings): string {
  if (o.type === 'sgd') {
    const args = [`lr=${pyFloat(o.lr)}`];
    if (o.momentum) args.push(`momentum=${pyFloat(o.momentum)}`);
    if (o.dampening) args.push(`dampening=${pyFloat(o.dampening)}`);
    if (o.nesterov) args.push('nesterov=True');
    if (o.weightDecay) args.push(`weight_decay=${pyFloat(o.weightDecay)}`);
    return `torch.optim.SGD(net.parameters(), ${args.join(', ')})`;
  }
  const args = [`lr=${pyFloat(o.lr)}`, `betas=(${pyFloat(o.beta1 ?? 0.9)}, ${pyFloat(o.beta2 ?? 0.999)})`, `eps=${pyFloat(o.eps ?? 1e-8)}`];
  if (o.weightDecay) args.push(`weight_decay=${pyFloat(o.weightDecay)}`);
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
