import { z } from 'zod/mini';
import { describeValue } from '../graph/describe';
import { formatCount, MAX_EDGES_PER_NODE, MAX_NAME_CHARS, MAX_NODES, MAX_TENSOR_ELEMENTS, overLimit } from '../limits';
import { LEAVES, OPS } from '../ops/registry';
import { MAX_RANK } from '../tensor/shape';
import { fillReason, type ReasonParams } from '../tensor/reason';
import { FILE_REASONS, type FileReason } from './fileError';

/**
 * Zod's English wording of the findings the schema does not word itself (a wrong type, a value
 * too small); the loader passes it to every parse, as the mini build of zod carries no wording of its own.
 */
export const SCHEMA_WORDING = z.locales.en();

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
const name = () => z.string().check(z.maxLength(MAX_NAME_CHARS, `a name may have up to ${MAX_NAME_CHARS} characters`));

/**
 * A name used as a key (datasets, attributes, parameters). The loader refuses the reserved
 * names before the schema runs (see rawLimits.ts); the pattern publishes the rule in the JSON Schema.
 */
const key = () => name().check(z.regex(/^(?!(?:__proto__|constructor|prototype)$)/, 'is a reserved name'));

/** A name that cannot be empty. */
const nonEmpty = () => name().check(z.minLength(1));

const count = (what: string) => z.int({ error: `${what} must be a whole number` }).check(z.gte(0, `${what} cannot be negative`));

/** A tensor's shape: whole, non-negative axis lengths, at most MAX_RANK of them. */
const axes = () => z.array(count('an axis length')).check(z.maxLength(MAX_RANK, `rank above ${MAX_RANK}`));

/** A dense tensor: its shape and its values in row-major order. */
export const tensorSchema = z
  .strictObject({
    shape: axes(),
    data: z.array(tensorNumber).check(z.maxLength(MAX_TENSOR_ELEMENTS, `holds more values, ${tooMany}`)),
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
        shape: axes(),
        data: z.array(finite()).check(z.maxLength(MAX_TENSOR_ELEMENTS, `holds more values, ${tooMany}`)),
      })
      .check((ctx) => checkCount(ctx.value.shape, ctx.value.data.length, ctx)),
    z.strictObject({ type: z.literal('arange'), start: finite(), end: finite(), step: finite().check(z.refine((s) => s !== 0, 'step cannot be 0')) }),
    z.strictObject({ type: z.literal('columns'), dataset: nonEmpty(), columns: z.array(name()).check(z.minLength(1)), vector: z.optional(z.boolean()) }),
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
  id: name().check(z.minLength(1, 'id cannot be empty')),
  op: z.enum(opNames, { error: (iss) => `unknown op ${describeValue(iss.input)}` }),
  position: z.strictObject({ x: finite(), y: finite() }),
  label: z.optional(name()),
  attrs: z.optional(
    z.record(
      key(),
      z.union([finite(), z.boolean(), name(), z.null(), z.array(finite()).check(z.maxLength(MAX_RANK, `has more than ${MAX_RANK} axis lengths`))], {
        error: (iss) => (typeof iss.input === 'number' ? 'must be a finite number' : `must be a number, true, false, a text, null or a list of axis lengths, got ${describeValue(iss.input)}`),
      }),
    ),
  ),
  value: z.optional(leafValueSchema),
  requiresGrad: z.optional(z.boolean()),
  shape: z.optional(axes()),
  init: z.optional(initSchema),
  params: z.optional(z.record(key(), tensorSchema)),
});

/** A wire from a node's output to an input port of another node. */
export const edgeSchema = z.strictObject({
  source: nonEmpty(),
  target: nonEmpty(),
  targetPort: nonEmpty(),
});

/** A table of numbers with a name for each column. */
export const datasetSchema = z
  .strictObject({
    columns: z.array(nonEmpty()).check(z.minLength(1)),
    rows: z.array(z.array(finite())).check(z.maxLength(MAX_TENSOR_ELEMENTS, `holds more rows, ${tooMany}`)),
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

const positive = finite().check(z.refine((v) => v > 0, 'must be greater than 0'));
const unit = finite().check(z.refine((v) => v >= 0 && v < 1, 'must be at least 0 and below 1'));
const nonNegative = () => finite().check(z.gte(0));

/** Optimizer settings, as torch.optim.SGD and torch.optim.Adam take them. */
export const optimizerSchema = z.discriminatedUnion(
  'type',
  [
    z
      .strictObject({
        type: z.literal('sgd'),
        lr: positive,
        momentum: z.optional(nonNegative()),
        dampening: z.optional(finite()),
        nesterov: z.optional(z.boolean()),
        weightDecay: z.optional(nonNegative()),
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
      beta1: z.optional(unit),
      beta2: z.optional(unit),
      eps: z.optional(positive),
      weightDecay: z.optional(nonNegative()),
      amsgrad: z.optional(z.boolean()),
    }),
  ],
  { error: 'optimizer type must be sgd or adam' },
);

/**
 * What a training run measures besides the loss, on the training data and on the validation
 * split (`<dataset>_test`): `accuracy` reads a class off the classification loss's input.
 */
export const metricsSchema = z.strictObject({
  accuracy: z.optional(z.boolean()),
});

/** Training settings: optimizer, epochs, batch size (null for full batch), shuffling seed, log interval, metrics. */
export const trainingSchema = z.strictObject({
  optimizer: optimizerSchema,
  epochs: count('epochs'),
  batchSize: z.nullable(z.int().check(z.gte(1))),
  seed: z.int(),
  logEvery: z.optional(z.int().check(z.gte(1))),
  /**
   * Stop when the loss grows past its first value times this factor (absent: the default
   * 1e6; null: only non-finite values stop a run; "never": nothing stops it, so a diverging
   * run reaches inf and nan as PyTorch's does). See engine/train/divergence.ts.
   */
  divergenceFactor: z.optional(z.nullable(z.union([finite().check(z.refine((v) => v > 1, 'must be greater than 1')), z.literal('never')]))),
  metrics: z.optional(metricsSchema),
});

const numbers = z.array(tensorNumber).check(z.maxLength(MAX_TENSOR_ELEMENTS, `holds more values, ${tooMany}`));

/** A second moment is a mean of squares: never negative (NaN is kept, as a diverged run saves it). */
const squares = z
  .array(tensorNumber.check(z.refine((v) => v !== '-Infinity' && !(typeof v === 'number' && v < 0), 'cannot be negative: it is a mean of squared gradients')))
  .check(z.maxLength(MAX_TENSOR_ELEMENTS, `holds more values, ${tooMany}`));

/** Saved optimizer state of one parameter. */
export const paramStateSchema = z.strictObject({
  node: name(),
  name: name(),
  momentumBuffer: z.optional(z.nullable(numbers)),
  expAvg: z.optional(numbers),
  expAvgSq: z.optional(squares),
  maxExpAvgSq: z.optional(squares),
  step: z.optional(z.int().check(z.gte(0))),
});

/** The most losses the history keeps: every epoch up to this many, then a thinned curve (see historySchema). */
export const MAX_HISTORY_LOSSES = 10_000;

/** The most points the parameter trail and the optimizer-state trail keep. */
export const MAX_HISTORY_TRAIL = 2_000;

/** The most elements of one parameter a trail point keeps (the plots vary at most this many). */
export const MAX_TRAIL_ELEMENTS = 64;

const trailNumbers = z.array(tensorNumber).check(z.maxLength(MAX_TRAIL_ELEMENTS, `a trail point keeps up to ${MAX_TRAIL_ELEMENTS} elements of a parameter`));

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
    lossEvery: z.optional(z.int().check(z.gte(1, 'lossEvery must be at least 1'))),
    loss: z.array(tensorNumber).check(z.maxLength(MAX_HISTORY_LOSSES + 1, `holds more than ${formatCount(MAX_HISTORY_LOSSES + 1)} losses`)),
    /** The test loss at the same epochs as `loss`; null where no test split was bound. */
    testLoss: z.optional(z.array(z.union([tensorNumber, z.null()])).check(z.maxLength(MAX_HISTORY_LOSSES + 1, `holds more than ${formatCount(MAX_HISTORY_LOSSES + 1)} losses`))),
    /** Parameter values (keyed `node.name`) after the given epoch. */
    trail: z.array(z.strictObject({ epoch: count('an epoch'), params: z.record(key(), trailNumbers) })).check(z.maxLength(MAX_HISTORY_TRAIL, `holds more than ${formatCount(MAX_HISTORY_TRAIL)} points`)),
    /** Optimizer state (keyed `node.name`) after the given epoch. */
    optimizerTrail: z.optional(
      z
        .array(
          z.strictObject({
            epoch: count('an epoch'),
            state: z.record(key(), z.strictObject({ momentumBuffer: z.optional(trailNumbers), expAvg: z.optional(trailNumbers), expAvgSq: z.optional(trailNumbers) })),
          }),
        )
        .check(z.maxLength(MAX_HISTORY_TRAIL, `holds more than ${formatCount(MAX_HISTORY_TRAIL)} points`)),
    ),
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
  name: z.optional(name()),
  description: z.optional(z.string().check(z.maxLength(10_000, 'a description may have up to 10,000 characters'))),
  nodes: z.array(nodeSchema).check(z.maxLength(MAX_NODES, overLimit(MAX_NODES, 'nodes'))),
  edges: z.array(edgeSchema).check(z.maxLength(MAX_NODES * MAX_EDGES_PER_NODE, overLimit(MAX_NODES * MAX_EDGES_PER_NODE, 'wires'))),
  loss: z.nullable(name()),
  datasets: z.record(key(), datasetSchema),
  dtype: z.optional(dtypeSchema),
  training: trainingSchema,
  optimizerState: z.optional(z.array(paramStateSchema)),
  history: z.optional(historySchema),
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
