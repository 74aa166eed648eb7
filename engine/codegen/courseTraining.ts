import { compile } from '../exec/compile';
import type { Program, Step } from '../exec/program';
import type { Dataset, Graph, GraphNode, LeafValue } from '../graph/types';
import type { OptimizerSettings } from '../optim/types';
import type { TrainSettings } from '../train/trainer';
import { ValidationRun } from '../train/validation';
import { logColumns } from '../train/log';
import { validationName } from '../graph/validation';
import { PREDICTION_RULES } from '../ops/prediction';
import { pyComment, pyString } from './escape';
import { upstream } from './upstream';
import { pyFloat, pyInt, pyList, pythonName } from './python';
import type { PytorchExport, ScriptSection } from './pytorch';

/**
 * How the course writes a few ops by hand (`x**2`, `y.sum()`, `y.mean()`); every other op is
 * written with its own PyTorch expression.
 */
const COURSE_FORMS: Readonly<Record<string, (step: Step, args: readonly string[]) => string | null>> = {
  square: (_s, [x]) => `${x}**2`,
  sum: (s, [x]) => (s.attrs.axis == null && !s.attrs.keepdim ? `${x}.sum()` : null),
  mean: (s, [x]) => (s.attrs.axis == null && !s.attrs.keepdim ? `${x}.mean()` : null),
};

/** Names the course's script uses itself; a node may take `loss`, `outputs`, `labels` and `inputs`, which read as the course writes them. */
const COURSE_TAKEN = ['np', 'optim', 'data'];
/** Names a node keeps although the full export reserves them: the course script gives them no other use. */
const COURSE_FREE = new Set(['loss', 'outputs', 'labels', 'inputs']);

/** The course-style training script, and the Python name it gives each node (the importer names the node after it). */
export interface CourseTrainingExport extends PytorchExport {
  readonly names: ReadonlyMap<string, string>;
}

/** The CSV file the course-style script reads a dataset from: its name, `.csv`. */
export function datasetFileName(name: string): string {
  return `${name}.csv`;
}

/**
 * The CSV file of a dataset, as the course-style script reads it (`np.loadtxt(..., skiprows=1)`)
 * and GradCanvas's CSV import reads it back: a header row of column names (quoted when they
 * hold a comma, a quote or a line break), then one row of numbers per line, each in its
 * shortest exact form (a dataset holds finite numbers only).
 */
export function datasetCsv(d: Dataset): string {
  const cell = (name: string) => (/[",\r\n]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name);
  const lines = [d.columns.map(cell).join(',')];
  for (const row of d.rows) lines.push(row.map(String).join(','));
  return `${lines.join('\n')}\n`;
}

/** Whether a dataset name can be a file's stem: no directory separators, not empty, no leading dot. */
function fileStem(name: string): boolean {
  return name.length > 0 && !/[/\\\0]/.test(name) && !name.startsWith('.');
}

/**
 * A training graph written as the PyTorch course writes a training script — data read with
 * `np.loadtxt`, `class Net(nn.Module)` with its `nn.Linear` layers (values set in
 * `with torch.no_grad():`), leaf tensors with `requires_grad=True` for the graph's
 * parameters, `criterion = nn.MSELoss()`, `optimizer = optim.SGD(...)` and the loop
 * `for epoch in range(N):` with forward, loss, `backward()`, `step()`, `zero_grad()` and a
 * print of the loss — using only what the importer reads back (docs/code-import.md), so the
 * script imports to a graph with the same values, gradients and training log. The loop prints
 * `epoch,loss` as the CLI's `train` does (every `logEvery`-th epoch and the last).
 *
 * With `metrics.accuracy` and a `<dataset>_test` split it measures as the course does after the
 * step: `predicted = torch.where(outputs < 0.5, 0, 1)`, `train_acc = (predicted == labels).sum()
 * .item() / len(labels)`, then `outputs_test = net(inputs_test)` and its loss and accuracy, and
 * prints the CLI's `epoch,loss,acc,val_loss,val_acc`.
 *
 * Null for what the course-style script does not express: no scalar loss, nothing to train,
 * mini-batches, a dataset whose name cannot be a file's stem, or accuracy and validation
 * without a Net whose outputs and labels (read from the dataset) meet a loss module.
 */
export function exportCourseTrainingScript(graph: Graph, training: TrainSettings, title?: string): CourseTrainingExport | null {
  if (!graph.nodes.some((n) => n.op === 'parameter' || n.op === 'linear')) return null;
  const { program } = compile(graph);
  if (!program || program.loss === undefined || program.params.length === 0) return null;
  const lossId = program.loss;
  if (program.slot(lossId).shape.length !== 0) return null;
  const accuracy = training.metrics?.accuracy === true;
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const datasetOf = (id: string) => {
    const v = nodes.get(id)?.value;
    return v?.type === 'columns' ? v.dataset : undefined;
  };
  const bound = [...new Set(program.slots.map((s) => datasetOf(s.id)).filter((d): d is string => d !== undefined))];
  if (bound.some((d) => !fileStem(d))) return null;
  const rows = bound.length > 0 ? program.slot(program.slots.find((s) => datasetOf(s.id) !== undefined)?.id as string).shape[0] : 0;
  if (training.batchSize != null && training.batchSize < rows) return null;
  let validation: ValidationRun | null;
  try {
    validation = ValidationRun.of(graph, program, { accuracy });
  } catch {
    return null;
  }
  // Only the trainable tensors the loss reaches are the optimizer's (nn.Linear layers and parameter leaves).
  if (program.steps.some((s) => s.op.torchModule === undefined && s.params.length > 0)) return null;

  const steps = new Map(program.steps.map((s) => [s.slot.id, s]));
  const used = new Set(COURSE_TAKEN);
  const names = new Map<string, string>();
  for (const s of program.slots) {
    const id = s.id;
    const free = COURSE_FREE.has(id) && !used.has(id);
    names.set(id, free ? id : pythonName(id, used));
    used.add(names.get(id) as string);
  }
  const py = (id: string) => names.get(id) as string;

  // Data: leaves without a gradient and what is computed from them alone, computed once before the loop.
  const isData = new Set<string>();
  for (const s of program.slots) {
    const step = steps.get(s.id);
    const fromData = s.isLeaf ? s.grad === null : step !== undefined && step.params.length === 0 && step.inputs.every((i) => !i.source || isData.has(i.source.id));
    if (fromData) isData.add(s.id);
  }
  const lossStep = steps.get(lossId);
  const targetSource = lossStep?.inputs[1]?.source;
  const split = lossStep?.op.criterion && targetSource && isData.has(targetSource.id) && lossStep.inputs[0].source ? lossStep : undefined;
  const outputId = split ? (split.inputs[0].source?.id as string) : lossId;
  const modules = program.steps.filter((s) => s.op.torchModule);
  const withNet = modules.length > 0;
  const paramLeaves = program.slots.filter((s) => s.isLeaf && s.def.name === 'parameter');
  // Leaves that hold a gradient without being trained (requires_grad=True inputs): written before the loop like data.
  const gradLeaves = program.slots.filter((s) => s.isLeaf && s.def.name !== 'parameter' && !isData.has(s.id));
  const loopSteps = program.steps.filter((s) => !isData.has(s.slot.id));
  // With a Net: forward computes from its inputs to the output; the loop calls it, then the criterion.
  const forwardIds = new Set(withNet ? upstream(program, outputId, isData) : []);
  const netInputs = withNet ? program.slots.filter((s) => forwardIds.has(s.id) && (isData.has(s.id) || s.isLeaf) && s.id !== outputId) : [];
  // Accuracy and the validation pass are written as the course writes them: the model's outputs, the criterion and the labels, with a Net.
  const measured = accuracy || validation !== null;
  const labelsId = targetSource?.id;
  if (measured && (!split || !withNet || labelsId === undefined || (accuracy && !split.op.prediction))) return null;
  // The validation pass runs the Net on the `_test` twins of its inputs and labels: each must read a dataset's columns itself.
  const twinned = validation ? [...netInputs.map((s) => s.id), labelsId as string] : [];
  if (twinned.some((id) => datasetOf(id) === undefined || !validation?.datasets.includes(datasetOf(id) as string))) return null;

  const lines: string[] = [];
  const nodeLines = new Map<string, number>();
  const sections: ScriptSection[] = [];
  const emit = (...ls: string[]) => lines.push(...ls);
  const section = (part: ScriptSection['part']) => sections.push({ part, start: lines.length + 1 });
  const comment = (id: string) => `# ${pyComment(`node ${pyString(id)} (${(nodes.get(id) as GraphNode).op})`)}`;
  const emitNode = (id: string, line: string) => nodeLines.set(id, emit(`${line}  ${comment(id)}`));
  // Every loss op the loop computes is a loss module, as the course writes them: `criterion = nn.MSELoss()`, then `loss = criterion(outputs, labels)`.
  const criteria = new Map<Step, string>();
  for (const s of [...(split ? [split] : []), ...loopSteps.filter((s) => s !== split)]) {
    if (s.op.criterion && s.inputs.every((i) => i.source)) criteria.set(s, criteria.size === 0 ? 'criterion' : pythonName(`criterion${criteria.size + 1}`, used));
  }
  const expr = (step: Step, name: (id: string) => string) => {
    const args = step.inputs.map((inp, i) => (inp.source ? name(inp.source.id) : pyFloat(step.x[i][0])));
    const criterion = criteria.get(step);
    if (criterion) return `${criterion}(${args[0]}, ${step.op.criterion?.target?.(args[1]) ?? args[1]})`;
    return COURSE_FORMS[step.op.name]?.(step, args) ?? step.op.torch(args, step.attrs, pyString);
  };

  section('setup');
  // The first two lines carry no user text: Python reads a `coding:` declaration there.
  emit(
    `# A training script written as the PyTorch course writes it; GradCanvas computes the same numbers (${program.dtype}).`,
    '# Each line that computes a node names it in a comment.',
    `# Graph: ${pyComment(title ?? 'GradCanvas graph')}`,
    ...(bound.length > 0 ? ['import numpy as np'] : []),
    'import torch',
    'import torch.nn as nn',
    'import torch.optim as optim',
    '',
    `torch.set_default_dtype(torch.${program.dtype})`,
    '# The device: a GPU when there is one, else the CPU (where the numbers match GradCanvas).',
    'device = torch.device("cuda" if torch.cuda.is_available() else "cpu")',
  );

  section('data');
  const splits = validation ? validation.datasets.filter((d) => bound.includes(d)).map(validationName) : [];
  const dataNames = new Map([...bound, ...splits].map((d) => [d, pythonName(`data_${d}`, used)]));
  for (const d of [...bound, ...splits]) {
    const ds = (graph.datasets ?? {})[d] as Dataset;
    emit('', `# ${pyComment(`${pyString(datasetFileName(d))}: the dataset ${pyString(d)}, columns ${ds.columns.map(pyString).join(', ')}`, 400)}`);
    emit(`${dataNames.get(d)} = np.loadtxt(${pyString(datasetFileName(d))}, delimiter=",", skiprows=1, ndmin=2)`);
  }
  const before = program.slots.filter((s) => isData.has(s.id) && upstream(program, lossId).has(s.id));
  if (before.length + gradLeaves.length > 0) emit('');
  for (const s of program.slots) {
    if (!before.includes(s) && !gradLeaves.includes(s)) continue;
    const node = nodes.get(s.id) as GraphNode;
    const step = steps.get(s.id);
    emitNode(s.id, `${py(s.id)} = ${step ? expr(step, py) : leafExpr(node, graph, program, dataNames)}`);
  }
  // The validation data: the same columns of each `_test` split.
  const twins = new Map(twinned.map((id) => [id, pythonName(`${py(id)}_test`, used)]));
  if (twins.size > 0) emit('', '# The validation data');
  for (const [id, twin] of twins) {
    const node = nodes.get(id) as GraphNode;
    const v = node.value as Extract<LeafValue, { type: 'columns' }>;
    emit(`${twin} = ${leafExpr({ ...node, value: { ...v, dataset: validationName(v.dataset) } }, graph, program, dataNames)}`);
  }

  section('model');
  const value = (id: string, name: string) => {
    const p = program.params.find((q) => q.node === id && q.name === name);
    return pyList({ shape: [...(p?.shape ?? [])], data: p?.value ?? new Float64Array() });
  };
  if (paramLeaves.length > 0) emit('', '# The parameters, with the values they start from');
  for (const p of paramLeaves) emitNode(p.id, `${py(p.id)} = torch.tensor(${value(p.id, 'value')}, requires_grad=True, device=device)`);
  if (withNet) {
    emit('', '', 'class Net(nn.Module):', '    def __init__(self):', '        super().__init__()');
    for (const m of modules) emitNode(m.slot.id, `        self.${py(m.slot.id)} = ${m.op.torchModule?.(m.attrs)}`);
    emit('        with torch.no_grad():  # the values the graph starts from');
    for (const m of modules) for (const p of m.params) emit(`            self.${py(m.slot.id)}.${p.name}.copy_(torch.tensor(${value(m.slot.id, p.name)}))`);
    emit('', `    def forward(self${netInputs.map((s) => `, ${py(s.id)}`).join('')}):`);
    for (const s of loopSteps) {
      if (!forwardIds.has(s.slot.id)) continue;
      const call = s.op.torchModule ? `self.${py(s.slot.id)}(${s.inputs.map((i) => py(i.source?.id as string)).join(', ')})` : expr(s, py);
      emitNode(s.slot.id, `        ${py(s.slot.id)} = ${call}`);
    }
    emit(`        return ${py(outputId)}`, '', '', 'net = Net().to(device)');
  }

  section('loss');
  for (const [s, name] of criteria) emit(`${name} = ${s.op.criterion?.module}(reduction=${pyString(String(s.attrs.reduction ?? 'mean'))})  ${comment(s.slot.id)}`);
  section('optimizer');
  const list = `[${paramLeaves.map((p) => py(p.id)).join(', ')}]`;
  const params = withNet ? (paramLeaves.length > 0 ? `list(net.parameters()) + ${list}` : 'net.parameters()') : list;
  emit(`optimizer = ${optimizerExpr(training.optimizer, params)}`);

  section('training');
  const epochs = pyInt(training.epochs, 'epochs');
  const logEvery = pyInt(training.logEvery ?? 1, 'the log interval');
  const phaseLines = { zeroGrad: 0, predict: 0, loss: 0, backward: 0, update: 0 };
  emit('', `print(${pyString(logColumns(accuracy, validation !== null).join(','))})`, `for epoch in range(${epochs}):`);
  if (withNet) {
    phaseLines.predict = emit(`    ${py(outputId)} = net(${netInputs.map((s) => py(s.id)).join(', ')})`);
    for (const s of loopSteps) if (!forwardIds.has(s.slot.id) && s !== split) emitNode(s.slot.id, `    ${py(s.slot.id)} = ${expr(s, py)}`);
  } else {
    for (const s of loopSteps) {
      if (s === split) continue;
      const line = emit(`    ${py(s.slot.id)} = ${expr(s, py)}  ${comment(s.slot.id)}`);
      nodeLines.set(s.slot.id, line);
      if (phaseLines.predict === 0) phaseLines.predict = line;
    }
  }
  if (split) {
    phaseLines.loss = emit(`    ${py(lossId)} = ${expr(split, py)}`);
    nodeLines.set(lossId, phaseLines.loss);
  } else {
    phaseLines.loss = nodeLines.get(lossId) ?? phaseLines.predict;
  }
  if (phaseLines.predict === 0) phaseLines.predict = phaseLines.loss;
  phaseLines.backward = emit(`    ${py(lossId)}.backward()`);
  phaseLines.update = emit('    optimizer.step()');
  phaseLines.zeroGrad = emit('    optimizer.zero_grad()');
  const logged = [`${py(lossId)}.item()`];
  const rule = split?.op.prediction ? PREDICTION_RULES[split.op.prediction] : null;
  const labels = labelsId ? py(labelsId) : '';
  if (accuracy && rule) {
    const [predicted, acc] = [pythonName('predicted', used), pythonName('train_acc', used)];
    emit(`    ${predicted} = ${rule.torch(py(outputId))}`, `    ${acc} = (${predicted} == ${labels}).sum().item() / len(${labels})`);
    logged.push(acc);
  }
  if (validation && split) {
    const [outputs, loss] = [pythonName(`${py(outputId)}_test`, used), pythonName(`${py(lossId)}_test`, used)];
    const labelsTest = twins.get(labelsId as string) as string;
    emit(`    ${outputs} = net(${netInputs.map((s) => twins.get(s.id)).join(', ')})`, `    ${loss} = ${criteria.get(split)}(${outputs}, ${split.op.criterion?.target?.(labelsTest) ?? labelsTest})`);
    logged.push(`${loss}.item()`);
    if (accuracy && rule) {
      const [predicted, acc] = [pythonName('predicted_test', used), pythonName('val_acc', used)];
      emit(`    ${predicted} = ${rule.torch(outputs)}`, `    ${acc} = (${predicted} == ${labelsTest}).sum().item() / len(${labelsTest})`);
      logged.push(acc);
    }
  }
  const last = Number(epochs) - 1;
  const when = logEvery === '1' ? '' : `    if epoch % ${logEvery} == 0 or epoch == ${last}:\n    `;
  emit(`${when}    print(f"{epoch},${logged.map((l) => `{${l}}`).join(',')}")`);
  return { code: `${lines.join('\n')}\n`, phaseLines, nodeLines, sections, names };
}

/**
 * A data leaf as the course makes it, on the device: columns of the loaded array as a tensor, or
 * `torch.tensor([…])`, moved with `.to(device)`; a tensor that requires grad is made on the
 * device (`device=device`), so that on a GPU it stays a leaf with its own `.grad`.
 */
function leafExpr(node: GraphNode, graph: Graph, program: Program, dataNames: ReadonlyMap<string, string>): string {
  const v = node.value as LeafValue | undefined;
  const make = (fn: string, args: string) => (node.requiresGrad ? `${fn}(${args}, requires_grad=True, device=device)` : `${fn}(${args}).to(device)`);
  const float = program.dtype === 'float32' ? '.float()' : '';
  if (v?.type === 'columns') {
    const d = (graph.datasets ?? {})[v.dataset] as Dataset;
    const columns = v.columns.map((c) => String(d.columns.indexOf(c)));
    const index = v.vector ? columns[0] : `[${columns.join(', ')}]`;
    return `torch.tensor(${dataNames.get(v.dataset)}[:, ${index}])${float}.to(device)`;
  }
  if (v?.type === 'arange') return make('torch.arange', `${pyFloat(v.start)}, ${pyFloat(v.end)}, ${pyFloat(v.step)}`);
  const t = program.value(node.id);
  return make('torch.tensor', pyList({ shape: [...t.shape], data: Float64Array.from(t.data) }));
}

/** `optim.SGD(params, lr=…)` with every non-default hyper-parameter, as the course writes it. */
function optimizerExpr(o: OptimizerSettings, params: string): string {
  if (o.type === 'sgd') {
    const args = [`lr=${pyFloat(o.lr)}`];
    if (o.momentum) args.push(`momentum=${pyFloat(o.momentum)}`);
    if (o.dampening) args.push(`dampening=${pyFloat(o.dampening)}`);
    if (o.nesterov) args.push('nesterov=True');
    if (o.weightDecay) args.push(`weight_decay=${pyFloat(o.weightDecay)}`);
    return `optim.SGD(${params}, ${args.join(', ')})`;
  }
  const args = [`lr=${pyFloat(o.lr)}`];
  if (o.beta1 !== undefined || o.beta2 !== undefined) args.push(`betas=(${pyFloat(o.beta1 ?? 0.9)}, ${pyFloat(o.beta2 ?? 0.999)})`);
  if (o.eps !== undefined) args.push(`eps=${pyFloat(o.eps)}`);
  if (o.weightDecay) args.push(`weight_decay=${pyFloat(o.weightDecay)}`);
  if (o.amsgrad) args.push('amsgrad=True');
  return `optim.Adam(${params}, ${args.join(', ')})`;
}
