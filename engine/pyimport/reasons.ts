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
    `${what} is not supported. Supported statements: import torch (torch.nn as nn, numpy as np), name = expression, torch.set_default_dtype(...), z.backward(), print(...).`,
  import: ({ what }) => `import ${what} is not supported. Supported: import torch, import torch.nn as nn, import numpy as np.`,
  notImported: ({ name }) => `${name} is used before it is imported (write import ${name === 'np' ? 'numpy as np' : name === 'nn' ? 'torch.nn as nn' : name} first).`,
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
