import type { FileError } from '../format/load';
import type { GraphProblem } from '../format/open';

/** What a call takes, by code (the page words them in either language). */
export const EXPECTED = {
  oneTensor: 'one tensor',
  tensorAndNumber: 'a tensor and a number',
  none: 'no arguments',
  listOrArange: 'one list of numbers, a number or np.arange(...)',
  range: '1 to 3 numbers (start, end, step)',
  stepDirection: 'a step that goes from start towards end',
  positionalFirst: 'positional arguments before keywords',
  trueFalse: 'True or False',
  fileName: 'the file name as a string ("boston.csv")',
  loadtxt: 'the file name, delimiter="," and skiprows=1 (the header row)',
  outputsLabels: 'the outputs and the labels',
  reductionOnly: 'no arguments but reduction="mean" or "sum"',
  features: 'two whole numbers: the input and output features',
  lr: 'the learning rate lr=',
  twoNumbers: 'two numbers',
  oneNumber: 'one number',
  wholeNumber: 'one whole number',
  sizes: 'sizes as whole numbers (2, 3), a tuple (2, 3) or a list [2, 3]',
  sizesOrMinusOne: 'the new sizes as whole numbers, at most one of them -1 (view(-1, 1))',
  tensorAndShape: 'a tensor and the new sizes',
  seed: 'one whole number (the seed)',
  dtypeOrDevice: 'a type (torch.float32, torch.float64, torch.int64 or x.dtype) or a device (device, "cpu" or "cuda")',
  device: 'a device: "cpu", "cuda", "cuda" if torch.cuda.is_available() else "cpu", or a name holding torch.device(...)',
  integer: 'a whole number',
  axes: 'one axis, or every axis of the tensor',
} as const;

/** A code of EXPECTED. */
export type Expected = keyof typeof EXPECTED;

/**
 * Why a line of Python cannot be imported: a stable code, what fills its sentence, and the
 * English sentence (the CLI's words; the page words it in either language from the code).
 */
export const IMPORT_REASONS = {
  syntax: () => 'Python cannot read this: check the brackets, operators and commas here.',
  statement: ({ what }) =>
    `${what} is not supported. Supported statements: import torch (torch.nn as nn, torch.nn.functional as F, torch.optim as optim, numpy as np, pandas as pd), name = expression, values, indices = torch.max(x, dim), torch.set_default_dtype(...), torch.manual_seed(...), device = torch.device(...), net.to(device), class Net(nn.Module):, with torch.no_grad():, for epoch in range(N):, z.backward(), print(...).`,
  import: ({ what }) =>
    `import ${what} is not supported. Supported: import torch, import torch.nn as nn, import torch.nn.functional as F, import torch.optim as optim, import numpy as np, import pandas as pd.`,
  notImported: ({ name }) => `${name} is used before it is imported: import it first.`,
  undefinedName: ({ name }) => `${name} is not defined: assign it before this line.`,
  call: ({ what }) =>
    `${what}(...) is not supported. Supported: torch.tensor, torch.arange, torch.zeros, torch.ones, torch.randn, torch.rand, torch.manual_seed, torch.device, torch.sigmoid/exp/log/tanh/relu/square/neg/pow, torch.sum/mean/max/argmax, torch.softmax, torch.matmul, torch.eq/gt, torch.reshape, F.sigmoid/relu/tanh/softmax/linear, F.mse_loss, F.binary_cross_entropy(_with_logits), F.cross_entropy, and the methods .sum() .mean() .max() .argmax() .view() .reshape() .float() .double() .long() .to() .cpu() .dim() .backward().`,
  arguments: ({ what, expected }) => `${what} takes ${EXPECTED[expected as Expected]}.`,
  keyword: ({ what, name, supported }) => `${what} does not take ${name}= here. Supported: ${supported}.`,
  expression: ({ what }) =>
    `${what} is not supported here. Supported: numbers, names, + - * / ** @ == > <, torch.float32 / torch.float64 / torch.int64, x.dtype, torch.max(x, dim).values / .indices / [0] / [1], and the calls listed for calls (torch.tensor, F.relu, .sum(), …).`,
  operator: ({ op }) => `The operator ${op} is not supported here. Supported: + - * / ** @ between tensors and numbers, and one comparison == > < with a tensor.`,
  exponent: () => 'A tensor can be raised only to a number (x**2), not to a tensor.',
  notTensor: ({ name }) => `${name} is not a tensor.`,
  notNumber: () => 'A number is expected here.',
  integerTensor: () =>
    'This is an integer tensor: it cannot hold gradients, and GradCanvas takes it only as class labels (F.cross_entropy), in a comparison or in argmax. Write the numbers as floats (2.0) or convert it with .float().',
  ragged: () => 'torch.tensor takes a list of numbers, or lists of equal length.',
  divideByZero: () => 'Division by zero.',
  dtype: ({ name }) => `A number type is expected here: torch.float32 or torch.float64 (torch.int64 for class labels), got ${name}.`,
  mixedDtype: () => 'torch.set_default_dtype must come before the first tensor: a graph has one number type, and a tensor of the other type already exists.',
  backwardTwice: () =>
    'backward() is called a second time: PyTorch would add the second gradients to .grad, and a graph runs one backward per script. Call backward() once, on the sum of the losses.',
  notScalar: ({ name }) => 'backward() needs a single number: take .sum() or .mean() of ' + name + ' first.',
  graph: ({ message }) => `${message}`,
  csv: ({ name, message }) => `${name} cannot be read: ${message}`,
  dataset: ({ name }) => `No dataset ${name}: the file's name without .csv must name a dataset of the graph or one GradCanvas ships (line, parabola, blobs2, blobs3).`,
  dataIndex: () => 'Select columns as df["x"], df[["x", "y"]] (pandas) or data[:, 0], data[:, [0, 1]] (NumPy).',
  column: ({ name, dataset }) => `The dataset ${dataset} has no column ${name}.`,
  columnIndex: ({ index, dataset, count }) => `Column ${index} is not in the dataset ${dataset}, which has ${count} columns.`,
  dataMethod: ({ what }) => `.${what}() is not supported on data. Supported: .float(), .double(), .long(), .to(dtype), .view(-1, 1), .reshape(-1, 1), .to(device), .cpu().`,
  dataDtype: ({ dtype, graph }) =>
    `This data makes ${dtype} numbers but the script computes in ${graph}: NumPy data is float64, so add .float() for float32, or call torch.set_default_dtype(torch.float64) first.`,
  dataDtypeArg: ({ name }) => `dtype= takes torch.float32, torch.float64 or torch.long here, got ${name}.`,
  objectCall: ({ what }) => `${what}(...) cannot be called.`,
  features: ({ what }) => `nn.Linear takes whole numbers of features, got ${what}.`,
  reduction: ({ got }) => `reduction= takes "mean" or "sum", got ${got}.`,
  bias: () => 'nn.Linear always has a bias in GradCanvas: leave out bias=False.',
  optimizerParams: () => 'The optimizer takes net.parameters(), a list of tensors made with requires_grad=True ([W, B]), or list(net.parameters()) + [W, B].',
  notLeaf: ({ name }) => `${name} is given to the optimizer but is not a tensor made with torch.tensor(..., requires_grad=True).`,
  method: ({ what }) => `The method's parameters ${what} are not supported: write (self, name, ...) without defaults.`,
  argumentCount: ({ what, expected, got }) => `${what} takes ${expected} arguments besides self, got ${got}.`,
  superInit: () => 'Call super().__init__() at the start of __init__, before setting self.name (PyTorch requires it).',
  initStatement: ({ what }) =>
    `${what} is not supported in __init__. Supported: super().__init__(), self.name = nn.Linear(in, out) (or nn.ReLU(), nn.Sigmoid(), nn.Tanh()), name = number, nn.init.constant_(...), with torch.no_grad(): ... .copy_(...).`,
  secondForward: ({ name }) => `${name}(...) is called a second time: the graph holds one forward pass (call the model once, in the training loop).`,
  forwardReturn: () => 'forward must end with return and the tensor it computes.',
  forwardStatement: ({ what }) => `${what} is not supported in forward. Supported: name = expression and return name.`,
  layerTwice: ({ name }) => `${name} is used a second time: each layer is one node of the graph, used once.`,
  weightMethod: ({ what }) => `${what} is not supported. A weight or bias is set with .copy_(torch.tensor(...)), .fill_(number), .zero_() or nn.init.constant_(w, number).`,
  inPlace: ({ what }) => `${what} changes a parameter in place: PyTorch allows it only inside with torch.no_grad(): (or on .data).`,
  notWeight: ({ name }) => `${name} is not a layer's weight or bias (write net.l1.weight or self.l1.bias).`,
  weightShape: ({ name, expected, got }) => `${name} has shape ${expected}, but the values have shape ${got}.`,
  copyValue: () => 'copy_ takes torch.tensor([...]) of numbers.',
  classBase: ({ name }) => `class ${name} must be written class ${name}(nn.Module):.`,
  classStatement: ({ what }) => `${what} is not supported in a model class: write def __init__(self, ...) and def forward(self, x).`,
  classMethods: ({ name }) => `class ${name} needs both def __init__(self, ...) and def forward(self, x).`,
  outsideLoop: ({ what }) => `${what} belongs in the training loop (for epoch in range(N):).`,
  withStatement: () => 'Only with torch.no_grad(): is supported.',
  noGradStatement: ({ what }) => `${what} is not supported in with torch.no_grad():. Supported: .copy_(...), .fill_(...), .zero_() and nn.init.constant_(...) on a weight or bias.`,
  secondLoop: () => 'A second training loop: GradCanvas reads one for epoch in range(N): loop.',
  loopRange: () => 'The training loop is written for epoch in range(N): with a whole number N.',
  loopStatement: ({ what }) =>
    `${what} is not supported in the training loop. Supported: name = expression (forward and loss), optimizer.zero_grad(), loss.backward(), optimizer.step(), print(...) and if epoch % k == 0: print(...).`,
  untrainedModel: () => "The optimizer does not hold the model's parameters, which GradCanvas trains: pass net.parameters() to it.",
  loopTwice: ({ what }) => `optimizer.${what}() is called twice in one epoch; call it once.`,
  loopMissing: ({ what }) => `The training loop has no ${what}.`,
  stepBeforeBackward: () => 'optimizer.step() comes before loss.backward(): the step needs the gradients backward computes.',
  noZeroGrad: () =>
    'The loop has no optimizer.zero_grad(): PyTorch then adds each epoch\'s gradients to the previous ones, which GradCanvas does not train. Call optimizer.zero_grad() before loss.backward() or after optimizer.step().',
  zeroBetween: () => 'optimizer.zero_grad() between loss.backward() and optimizer.step() clears the gradients before the step uses them: call it before backward() or after step().',
  loopIf: ({ what }) => `${what} is not supported in the training loop. Supported: if epoch % k == 0: (or ... or epoch == N - 1:) with print(...) inside.`,
  item: () => '.item() gives a Python number, which the graph does not hold: use it inside print(...), or keep the tensor.',
  seed: ({ what }) => `${what} draws new numbers on every run: call torch.manual_seed(0) (any seed) before it, so the graph holds PyTorch's numbers.`,
  dtypeMismatch: ({ what, dtype, graph }) =>
    `${what} makes a ${dtype} tensor, but this script computes in ${graph}: a graph has one number type. Make every tensor ${graph}, or set torch.set_default_dtype(torch.${dtype}) before the first tensor.`,
  castGrad: ({ what }) => `${what} makes a new tensor from one that requires grad, so the result is no leaf and has no .grad: convert or reshape the numbers first, then set requires_grad=True.`,
  long: ({ what }) => `${what}: .long() is supported on class labels, a tensor of whole numbers made by torch.tensor or torch.arange.`,
  labels: ({ what }) => `${what} is not a tensor of class labels: F.cross_entropy takes an integer tensor (torch.tensor([0, 2, 1]) or labels.long()).`,
  opArguments: ({ what, usage }) => `${what} is called as ${usage}.`,
  choice: ({ what, values }) => `${what} takes one of ${values}.`,
  reshapeSize: ({ shape, count }) => `The shape ${shape} is invalid for a tensor of ${count} numbers.`,
  linearParams: ({ what }) => `${what} takes the weight and bias as names of tensors made for it (w = torch.randn(...), b = torch.zeros(...)) and used nowhere else.`,
  parameterOf: ({ name, node, param }) => `${name} is the ${param} of the linear node ${node} now; only ${name}.grad can be printed.`,
  accuracyForm: () =>
    'Accuracy is written (predicted == labels).sum().item() / len(labels), with predicted from torch.where(outputs < 0.5, 0, 1), torch.max(outputs, 1)[1] or _, predicted = torch.max(outputs, 1).',
  accuracyRule: ({ op, rule }) => `GradCanvas measures the accuracy of ${op} as ${rule}: predict the classes that way.`,
  accuracyOf: () => 'The accuracy compares the predictions of the outputs the loss is computed from with the labels of that loss.',
  accuracyLoss: () => 'Accuracy needs a classification loss (nn.BCELoss, nn.BCEWithLogitsLoss or nn.CrossEntropyLoss) computed before it.',
  validationBeforeStep: () => 'The validation pass comes after optimizer.step(): GradCanvas validates the parameters each epoch ends with.',
  validationInputs: () => 'The validation pass runs the model on the _test split of the data it trains on: the same columns of the dataset named <name>_test, used only there.',
  validationLabels: ({ name }) => `${name} is not the _test split of the training labels (the same columns of the dataset named <name>_test).`,
  validationCriterion: () => 'The validation loss uses the criterion of the training loss.',
  validationLoss: () => 'The validation pass needs its loss: loss_test = criterion(outputs_test, labels_test).',
  validationAccuracy: () => 'The validation accuracy needs the training accuracy too: GradCanvas logs acc before val_acc.',
  toArgument: ({ what, got }) =>
    `${what}(...) takes a number type (torch.float32, torch.float64, torch.int64 or x.dtype) or a device (device = torch.device(...), "cpu" or "cuda"; GradCanvas computes on the CPU), got ${got}.`,
  tupleAssign: () =>
    'Assigning to several names at once is supported only for the values and indices of torch.max(x, dim): values, indices = torch.max(x, 1), or _, predicted = torch.max(outputs, 1). Assign one name per line otherwise.',
} satisfies Record<string, (p: Record<string, string>) => string>;

/** A code of the reasons above. */
export type ImportReason = keyof typeof IMPORT_REASONS;

/** One thing stopping an import, at its place in the code (line and column from 1). */
export interface ImportError {
  readonly reason: ImportReason;
  readonly params: Readonly<Record<string, string>>;
  /** The English sentence. */
  readonly message: string;
  readonly line: number;
  readonly col: number;
  /** Offsets in the code of the part it concerns. */
  readonly from: number;
  readonly to: number;
  /** The engine's own error when a limit or a graph check stopped the statement (reason `graph`), for the page to word. */
  readonly problem?: FileError | GraphProblem;
}

/** Thrown inside the importer and caught at its statement; carries the place and reason. */
export class ImportFailure extends Error {
  /** The reason, its parameters and the code span it concerns. */
  constructor(
    readonly reason: ImportReason,
    readonly params: Readonly<Record<string, string>>,
    readonly from: number,
    readonly to: number,
  ) {
    super(IMPORT_REASONS[reason](params as never));
  }
}
