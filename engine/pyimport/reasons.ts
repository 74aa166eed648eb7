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
    `${what} is not supported. Supported statements: import torch (torch.nn as nn, torch.optim as optim, numpy as np, pandas as pd), name = expression, torch.set_default_dtype(...), torch.manual_seed(...), class Net(nn.Module):, with torch.no_grad():, for epoch in range(N):, z.backward(), print(...).`,
  import: ({ what }) => `import ${what} is not supported. Supported: import torch, import torch.nn as nn, import torch.optim as optim, import numpy as np, import pandas as pd.`,
  notImported: ({ name }) =>
    `${name} is used before it is imported (write import ${name === 'np' ? 'numpy as np' : name === 'nn' ? 'torch.nn as nn' : name === 'optim' ? 'torch.optim as optim' : name === 'pd' ? 'pandas as pd' : name} first).`,
  undefinedName: ({ name }) => `${name} is not defined: assign it before this line.`,
  call: ({ what }) =>
    `${what}(...) is not supported. Supported: torch.tensor, torch.arange, torch.sigmoid, torch.exp, torch.log, torch.tanh, torch.relu, torch.square, torch.pow, torch.sum, torch.mean, .sum(), .mean(), .backward().`,
  arguments: ({ what, expected }) => `${what} takes ${EXPECTED[expected as Expected]}.`,
  keyword: ({ what, name }) => `${what} does not take ${name}= here. Supported: requires_grad=True.`,
  expression: ({ what }) => `${what} is not supported here. Supported: numbers, names, + - * / ** and the calls torch.tensor, torch.arange, torch.sigmoid/exp/log/tanh/relu, .sum(), .mean().`,
  operator: ({ op }) => `The operator ${op} is not supported. Supported: + - * / **.`,
  exponent: () => 'A tensor can be raised only to a number (x**2), not to a tensor.',
  notTensor: ({ name }) => `${name} is not a tensor.`,
  notNumber: () => 'A number is expected here.',
  integerTensor: () => 'This makes an integer tensor, which cannot hold gradients: write the numbers as floats (2.0).',
  ragged: () => 'torch.tensor takes a list of numbers, or lists of equal length.',
  divideByZero: () => 'Division by zero.',
  dtype: ({ name }) => `torch.set_default_dtype takes torch.float32 or torch.float64, got ${name}.`,
  mixedDtype: () =>
    'np.arange makes float64 numbers but this script computes in float32: call torch.set_default_dtype(torch.float64) first, or use torch.arange.',
  backwardTwice: () => 'backward() is called a second time; GradCanvas runs one backward per script.',
  notScalar: ({ name }) => 'backward() needs a single number: take .sum() or .mean() of ' + name + ' first.',
  graph: ({ message }) => `${message}`,
  csv: ({ name, message }) => `${name} cannot be read: ${message}`,
  dataset: ({ name }) => `No dataset ${name}: the file's name without .csv must name a dataset of the graph or one GradCanvas ships (line, parabola, blobs2, blobs3).`,
  dataIndex: () => 'Select columns as df["x"], df[["x", "y"]] (pandas) or data[:, 0], data[:, [0, 1]] (NumPy).',
  column: ({ name, dataset }) => `The dataset ${dataset} has no column ${name}.`,
  columnIndex: ({ index, dataset, count }) => `Column ${index} is not in the dataset ${dataset}, which has ${count} columns.`,
  dataMethod: ({ what }) => `.${what}() is not supported on data. Supported: .float(), .double(), .long(), .view(-1, 1), .reshape(-1, 1).`,
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
