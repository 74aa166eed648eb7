import { z } from 'zod';
import { describeValue } from '../graph/describe';
import { formatCount, MAX_EDGES_PER_NODE, MAX_NAME_CHARS, MAX_NODES, MAX_TENSOR_ELEMENTS, overLimit } from '../limits';
import { LEAVES, OPS } from '../ops/registry';
import { MAX_RANK } from '../tensor/shape';
import { fillReason, type ReasonParams } from '../tensor/reason';
import { FILE_REASONS, type FileReason } from './fileError';

/** The value of the `format` field of every GradCanvas graph file. */
export const FORMAT_NAME = 'gradcanvas-graph';

/** The version this build writes; older versions are migrated forward on load. */
export const CURRENT_VERSION = 1;

const finite = () => z.number({ error: (iss) => (typeof iss.input === 'number' ? 'must be a finite number' : `must be a number, got ${describeValue(iss.input)}`) });

/** A number in tensor data: finite, or one of the strings "NaN", "Infinity", "-Infinity". */
const tensorNumber = z.union([finite(), z.enum(['NaN', 'Infinity', '-Infinity'])], {
  error: (iss) => `must be a number (or "NaN", "Infinity", "-Infinity"), got ${describeValue(iss.input)}`,
});

const tooMany = overLimit(MAX_TENSOR_ELEMENTS, 'elements');

/** A check's finding told from its reason, kept in the issue's params so the loader passes it on for the page to word. */
function reasoned(path: PropertyKey[], input: unknown, reason: FileReason, params: ReasonParams): z.core.$ZodRawIssue {
  return { code: 'custom', input, path, message: fillReason(FILE_REASONS[reason], params), params: { reason, ...params } };
}

/** A name: node ids, labels, dataset, column and parameter names, ports. */
const name = () => z.string().max(MAX_NAME_CHARS, `a name may have up to ${MAX_NAME_CHARS} characters`);

/**
 * A name used as a key (datasets, attributes, parameters). The loader refuses the reserved
 * names before the schema runs (see rawLimits.ts); the pattern publishes the rule in the JSON Schema.
 */
const key = () => name().regex(/^(?!(?:__proto__|constructor|prototype)$)/, 'is a reserved name');

const count = (what: string) => z.int({ error: `${what} must be a whole number` }).min(0, `${what} cannot be negative`);

/** A dense tensor: its shape and its values in row-major order. */
export const tensorSchema = z
  .strictObject({
    shape: z.array(count('an axis length')).max(MAX_RANK, `rank above ${MAX_RANK}`),
    data: z.array(tensorNumber).max(MAX_TENSOR_ELEMENTS, `holds more values, ${tooMany}`),
  })
  .check((ctx) => checkCount(ctx.value.shape, ctx.value.data.length, ctx));

/** A tensor's data must have one value per element of its shape. */
function checkCount(shape: readonly number[], got: number, ctx: { value: unknown; issues: z.core.$ZodRawIssue[] }): void {
  const n = shape.reduce((p, d) => p * d, 1);
  if (n !== got) {
    ctx.issues.push(reasoned(['data'], ctx.value, 'file.shape_values', { shape: shape.join(', '), count: formatCount(n), got: formatCount(got) }));
  }
}

/** Where an input or constant gets its value. */
export const leafValueSchema = z.discriminatedUnion(
  'type',
  [
    z
      .strictObject({
        type: z.literal('tensor'),
        shape: z.array(count('an axis length')).max(MAX_RANK, `rank above ${MAX_RANK}`),
        data: z.array(finite()).max(MAX_TENSOR_ELEMENTS, `holds more values, ${tooMany}`),
      })
      .check((ctx) => checkCount(ctx.value.shape, ctx.value.data.length, ctx)),
    z.strictObject({ type: z.literal('arange'), start: finite(), end: finite(), step: finite().refine((s) => s !== 0, 'step cannot be 0') }),
    z.strictObject({ type: z.literal('columns'), dataset: name().min(1), columns: z.array(name()).min(1), vector: z.boolean().optional() }),
  ],
  { error: (iss) => `value type must be tensor, arange or columns, got ${describeValue((iss.input as { type?: unknown } | undefined)?.type)}` },
);

/** How trainable tensors start when they have no values. */
export const initSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('constant'), value: finite() }),
    z.strictObject({ type: z.literal('uniform'), low: finite(), high: finite(), seed: z.int() }),
    z.strictObject({ type: z.literal('normal'), mean: finite(), std: finite(), seed: z.int() }),
    z.strictObject({ type: z.literal('default'), seed: z.int() }),
  ],
  { error: 'init type must be constant, uniform, normal or default' },
);

const opNames = [...LEAVES, ...OPS].map((d) => d.name) as [string, ...string[]];

/** One node: op, canvas position, attributes, leaf value, parameter values, label. */
export const nodeSchema = z.strictObject({
  id: name().min(1, 'id cannot be empty'),
  op: z.enum(opNames, { error: (iss) => `unknown op ${describeValue(iss.input)}` }),
  position: z.strictObject({ x: finite(), y: finite() }),
  label: name().optional(),
  attrs: z
    .record(
      key(),
      z.union([finite(), z.boolean(), name(), z.null(), z.array(finite()).max(MAX_RANK, `has more than ${MAX_RANK} axis lengths`)], {
        error: (iss) => (typeof iss.input === 'number' ? 'must be a finite number' : `must be a number, true, false, a text, null or a list of axis lengths, got ${describeValue(iss.input)}`),
      }),
    )
    .optional(),
  value: leafValueSchema.optional(),
  requiresGrad: z.boolean().optional(),
  shape: z.array(count('an axis length')).max(MAX_RANK, `rank above ${MAX_RANK}`).optional(),
  init: initSchema.optional(),
  params: z.record(key(), tensorSchema).optional(),
});

/** A wire from a node's output to an input port of another node. */
export const edgeSchema = z.strictObject({
  source: name().min(1),
  target: name().min(1),
  targetPort: name().min(1),
});

/** A table of numbers with a name for each column. */
export const datasetSchema = z
  .strictObject({
    columns: z.array(name().min(1)).min(1),
    rows: z.array(z.array(finite())).max(MAX_TENSOR_ELEMENTS, `holds more rows, ${tooMany}`),
  })
  .check((ctx) => {
    const width = ctx.value.columns.length;
    const rows = ctx.value.rows;
    for (let i = 0; i < rows.length; i++) {
      if (rows[i].length !== width) {
        ctx.issues.push(reasoned(['rows', i], rows[i], 'file.row_width', { count: rows[i].length, width }));
        return;
      }
    }
    if (rows.length * width > MAX_TENSOR_ELEMENTS) {
      ctx.issues.push(reasoned(['rows'], rows, 'file.rows_too_many', { rows: formatCount(rows.length), width, count: formatCount(rows.length * width), limit: formatCount(MAX_TENSOR_ELEMENTS) }));
    }
  });

const positive = finite().refine((v) => v > 0, 'must be greater than 0');
const unit = finite().refine((v) => v >= 0 && v < 1, 'must be at least 0 and below 1');

/** Optimizer settings, as torch.optim.SGD and torch.optim.Adam take them. */
export const optimizerSchema = z.discriminatedUnion(
  'type',
  [
    z
      .strictObject({
        type: z.literal('sgd'),
        lr: positive,
        momentum: finite().min(0).optional(),
        dampening: finite().optional(),
        nesterov: z.boolean().optional(),
        weightDecay: finite().min(0).optional(),
      })
      .check((ctx) => {
        // torch.optim.SGD refuses the same: "Nesterov momentum requires a momentum and zero dampening".
        const { nesterov, momentum = 0, dampening = 0 } = ctx.value;
        if (nesterov === true && (momentum <= 0 || dampening !== 0)) {
          ctx.issues.push(reasoned(['nesterov'], nesterov, 'file.nesterov', {}));
        }
      }),
    z.strictObject({
      type: z.literal('adam'),
      lr: positive,
      beta1: unit.optional(),
      beta2: unit.optional(),
      eps: positive.optional(),
      weightDecay: finite().min(0).optional(),
      amsgrad: z.boolean().optional(),
    }),
  ],
  { error: 'optimizer type must be sgd or adam' },
);

/**
 * What a training run measures besides the loss, on the training data and on the validation
 * split (`<dataset>_test`): `accuracy` reads a class off the classification loss's input.
 */
export const metricsSchema = z.strictObject({
  accuracy: z.boolean().optional(),
});

/** Training settings: optimizer, epochs, batch size (null for full batch), shuffling seed, log interval, metrics. */
export const trainingSchema = z.strictObject({
  optimizer: optimizerSchema,
  epochs: count('epochs'),
  batchSize: z.int().min(1).nullable(),
  seed: z.int(),
  logEvery: z.int().min(1).optional(),
  /**
   * Stop when the loss grows past its first value times this factor (absent: the default
   * 1e6; null: only non-finite values stop a run; "never": nothing stops it, so a diverging
   * run reaches inf and nan as PyTorch's does). See engine/train/divergence.ts.
   */
  divergenceFactor: z.union([finite().refine((v) => v > 1, 'must be greater than 1'), z.literal('never')]).nullable().optional(),
  metrics: metricsSchema.optional(),
});

const numbers = z.array(tensorNumber).max(MAX_TENSOR_ELEMENTS, `holds more values, ${tooMany}`);

/** A second moment is a mean of squares: never negative (NaN is kept, as a diverged run saves it). */
const squares = z
  .array(tensorNumber.refine((v) => v !== '-Infinity' && !(typeof v === 'number' && v < 0), 'cannot be negative: it is a mean of squared gradients'))
  .max(MAX_TENSOR_ELEMENTS, `holds more values, ${tooMany}`);

/** Saved optimizer state of one parameter. */
export const paramStateSchema = z.strictObject({
  node: name(),
  name: name(),
  momentumBuffer: numbers.nullable().optional(),
  expAvg: numbers.optional(),
  expAvgSq: squares.optional(),
  maxExpAvgSq: squares.optional(),
  step: z.int().min(0).optional(),
});

/** The most losses the history keeps: every epoch up to this many, then a thinned curve (see historySchema). */
export const MAX_HISTORY_LOSSES = 10_000;

/** The most points the parameter trail and the optimizer-state trail keep. */
export const MAX_HISTORY_TRAIL = 2_000;

/** The most elements of one parameter a trail point keeps (the plots vary at most this many). */
export const MAX_TRAIL_ELEMENTS = 64;

const trailNumbers = z.array(tensorNumber).max(MAX_TRAIL_ELEMENTS, `a trail point keeps up to ${MAX_TRAIL_ELEMENTS} elements of a parameter`);

/** How many losses a history of `epochs` epochs holds when it keeps every `lossEvery`-th one and the latest. */
export function historyLossCount(epochs: number, lossEvery: number): number {
  if (epochs <= 0) return 0;
  const grid = Math.floor((epochs - 1) / lossEvery) + 1;
  return (epochs - 1) % lossEvery === 0 ? grid : grid + 1;
}

/**
 * What the model has been through, kept with it so a reload or an exported file reopens
 * with its curves: the training loss (and test loss) of every epoch, stepped or trained,
 * and the parameters and optimizer state along the way. Bounded, so writing it while a
 * run goes on stays cheap: `loss` holds epochs 1, 1 + s, 1 + 2s, … (s = `lossEvery`, 1 until
 * the list would pass MAX_HISTORY_LOSSES, then doubled with every other point dropped) and
 * then the latest epoch when it is not one of those; the trails keep at most
 * MAX_HISTORY_TRAIL points (past that every second point is dropped, the first and the latest kept).
 */
export const historySchema = z
  .strictObject({
    /** Training steps taken so far (stepped and trained): the epoch of the latest loss. */
    epochs: count('epochs'),
    lossEvery: z.int().min(1, 'lossEvery must be at least 1').optional(),
    loss: z.array(tensorNumber).max(MAX_HISTORY_LOSSES + 1, `holds more than ${formatCount(MAX_HISTORY_LOSSES + 1)} losses`),
    /** The test loss at the same epochs as `loss`; null where no test split was bound. */
    testLoss: z.array(z.union([tensorNumber, z.null()])).max(MAX_HISTORY_LOSSES + 1, `holds more than ${formatCount(MAX_HISTORY_LOSSES + 1)} losses`).optional(),
    /** Parameter values (keyed `node.name`) after the given epoch. */
    trail: z.array(z.strictObject({ epoch: count('an epoch'), params: z.record(key(), trailNumbers) })).max(MAX_HISTORY_TRAIL, `holds more than ${formatCount(MAX_HISTORY_TRAIL)} points`),
    /** Optimizer state (keyed `node.name`) after the given epoch. */
    optimizerTrail: z
      .array(
        z.strictObject({
          epoch: count('an epoch'),
          state: z.record(key(), z.strictObject({ momentumBuffer: trailNumbers.optional(), expAvg: trailNumbers.optional(), expAvgSq: trailNumbers.optional() })),
        }),
      )
      .max(MAX_HISTORY_TRAIL, `holds more than ${formatCount(MAX_HISTORY_TRAIL)} points`)
      .optional(),
  })
  .check((ctx) => {
    const { epochs, lossEvery = 1, loss, testLoss } = ctx.value;
    const want = historyLossCount(epochs, lossEvery);
    if (loss.length !== want) {
      ctx.issues.push({ code: 'custom', input: loss, path: ['loss'], message: `holds ${formatCount(loss.length)} losses, but ${formatCount(epochs)} epochs kept every ${lossEvery === 1 ? '' : `${lossEvery}th `}epoch and the latest need ${formatCount(want)}` });
    }
    if (testLoss && testLoss.length !== loss.length) {
      ctx.issues.push({ code: 'custom', input: testLoss, path: ['testLoss'], message: `holds ${formatCount(testLoss.length)} losses but loss holds ${formatCount(loss.length)}` });
    }
  });

/** A model's history as a file stores it. */
export type FileHistory = z.infer<typeof historySchema>;

/** The number type a document computes in: float64 (the default when absent) or float32, PyTorch's default. */
export const dtypeSchema = z.enum(['float64', 'float32'], { error: (iss) => `dtype must be "float64" or "float32", got ${describeValue(iss.input)}` });

/** The whole graph file (current version). */
export const graphFileSchema = z.strictObject({
  format: z.literal(FORMAT_NAME, { error: `format must be "${FORMAT_NAME}"` }),
  version: z.literal(CURRENT_VERSION),
  name: name().optional(),
  description: z.string().max(10_000, 'a description may have up to 10,000 characters').optional(),
  nodes: z.array(nodeSchema).max(MAX_NODES, overLimit(MAX_NODES, 'nodes')),
  edges: z.array(edgeSchema).max(MAX_NODES * MAX_EDGES_PER_NODE, overLimit(MAX_NODES * MAX_EDGES_PER_NODE, 'wires')),
  loss: name().nullable(),
  datasets: z.record(key(), datasetSchema),
  dtype: dtypeSchema.optional(),
  training: trainingSchema,
  optimizerState: z.array(paramStateSchema).optional(),
  history: historySchema.optional(),
});

/** A graph file as parsed: plain JSON data, the document the app edits. */
export type GraphFile = z.infer<typeof graphFileSchema>;
/** One node of a graph file. */
export type FileNode = GraphFile['nodes'][number];
/** One edge of a graph file. */
export type FileEdge = GraphFile['edges'][number];
/** A tensor as a file stores it. */
export type FileTensor = z.infer<typeof tensorSchema>;
/** Training settings as a file stores them. */
export type TrainingSettings = GraphFile['training'];
