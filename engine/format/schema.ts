import { z } from 'zod';
import { LEAVES, OPS } from '../ops/registry';
import { MAX_RANK } from '../tensor/shape';

/** The value of the `format` field of every GradCanvas graph file. */
export const FORMAT_NAME = 'gradcanvas-graph';

/** The version this build writes; older versions are migrated forward on load. */
export const CURRENT_VERSION = 1;

/** The most elements one tensor or dataset may hold in a file. */
export const MAX_ELEMENTS = 10_000_000;

const finite = () => z.number({ error: (iss) => (typeof iss.input === 'number' ? 'must be a finite number' : `must be a number, got ${describe(iss.input)}`) });

/** A number in tensor data: finite, or one of the strings "NaN", "Infinity", "-Infinity". */
const tensorNumber = z.union([finite(), z.enum(['NaN', 'Infinity', '-Infinity'])], {
  error: (iss) => `must be a number (or "NaN", "Infinity", "-Infinity"), got ${describe(iss.input)}`,
});

const count = (what: string) => z.int({ error: `${what} must be a whole number` }).min(0, `${what} cannot be negative`);

/** A dense tensor: its shape and its values in row-major order. */
export const tensorSchema = z
  .strictObject({
    shape: z.array(count('an axis length')).max(MAX_RANK, `rank above ${MAX_RANK}`),
    data: z.array(tensorNumber).max(MAX_ELEMENTS, `more than ${MAX_ELEMENTS} values`),
  })
  .check((ctx) => {
    const n = ctx.value.shape.reduce((p, d) => p * d, 1);
    if (n !== ctx.value.data.length) {
      ctx.issues.push({ code: 'custom', input: ctx.value, path: ['data'], message: `shape [${ctx.value.shape.join(', ')}] needs ${n} values, got ${ctx.value.data.length}` });
    }
  });

/** Where an input or constant gets its value. */
export const leafValueSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('tensor'), shape: z.array(count('an axis length')).max(MAX_RANK), data: z.array(finite()).max(MAX_ELEMENTS) }),
    z.strictObject({ type: z.literal('arange'), start: finite(), end: finite(), step: finite().refine((s) => s !== 0, 'step cannot be 0') }),
    z.strictObject({ type: z.literal('columns'), dataset: z.string().min(1), columns: z.array(z.string()).min(1), vector: z.boolean().optional() }),
  ],
  { error: (iss) => `value type must be tensor, arange or columns, got ${describe((iss.input as { type?: unknown } | undefined)?.type)}` },
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
  id: z.string().min(1, 'id cannot be empty').max(200),
  op: z.enum(opNames, { error: (iss) => `unknown op ${describe(iss.input)}` }),
  position: z.strictObject({ x: finite(), y: finite() }),
  label: z.string().max(200).optional(),
  attrs: z
    .record(
      z.string(),
      z.union([finite(), z.boolean(), z.string(), z.null()], {
        error: (iss) => (typeof iss.input === 'number' ? 'must be a finite number' : `must be a number, true, false, a text or null, got ${describe(iss.input)}`),
      }),
    )
    .optional(),
  value: leafValueSchema.optional(),
  requiresGrad: z.boolean().optional(),
  shape: z.array(count('an axis length')).max(MAX_RANK).optional(),
  init: initSchema.optional(),
  params: z.record(z.string(), tensorSchema).optional(),
});

/** A wire from a node's output to an input port of another node. */
export const edgeSchema = z.strictObject({
  source: z.string().min(1),
  target: z.string().min(1),
  targetPort: z.string().min(1),
});

/** A table of numbers with a name for each column. */
export const datasetSchema = z
  .strictObject({
    columns: z.array(z.string().min(1)).min(1),
    rows: z.array(z.array(finite())).max(MAX_ELEMENTS),
  })
  .check((ctx) => {
    ctx.value.rows.forEach((row, i) => {
      if (row.length !== ctx.value.columns.length) {
        ctx.issues.push({ code: 'custom', input: row, path: ['rows', i], message: `has ${row.length} values but there are ${ctx.value.columns.length} columns` });
      }
    });
  });

const positive = finite().refine((v) => v > 0, 'must be greater than 0');
const unit = finite().refine((v) => v >= 0 && v < 1, 'must be at least 0 and below 1');

/** Optimizer settings, as torch.optim.SGD and torch.optim.Adam take them. */
export const optimizerSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('sgd'),
      lr: positive,
      momentum: finite().min(0).optional(),
      dampening: finite().optional(),
      nesterov: z.boolean().optional(),
      weightDecay: finite().min(0).optional(),
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

/** Training settings: optimizer, epochs, batch size (null for full batch), shuffling seed, log interval. */
export const trainingSchema = z.strictObject({
  optimizer: optimizerSchema,
  epochs: count('epochs'),
  batchSize: z.int().min(1).nullable(),
  seed: z.int(),
  logEvery: z.int().min(1).optional(),
  /**
   * Stop when the loss grows past its first value times this factor (absent: the default
   * 1e6; null: only non-finite values stop a run). See engine/train/divergence.ts.
   */
  divergenceFactor: finite().refine((v) => v > 1, 'must be greater than 1').nullable().optional(),
});

const numbers = z.array(tensorNumber);

/** Saved optimizer state of one parameter. */
export const paramStateSchema = z.strictObject({
  node: z.string(),
  name: z.string(),
  momentumBuffer: numbers.nullable().optional(),
  expAvg: numbers.optional(),
  expAvgSq: numbers.optional(),
  maxExpAvgSq: numbers.optional(),
  step: z.int().min(0).optional(),
});

/** The whole graph file (current version). */
export const graphFileSchema = z.strictObject({
  format: z.literal(FORMAT_NAME, { error: `format must be "${FORMAT_NAME}"` }),
  version: z.literal(CURRENT_VERSION),
  name: z.string().max(200).optional(),
  description: z.string().max(10_000).optional(),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  loss: z.string().nullable(),
  datasets: z.record(z.string(), datasetSchema),
  training: trainingSchema,
  optimizerState: z.array(paramStateSchema).optional(),
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

/** A short description of an unexpected JSON value for messages. */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? 'a list' : 'an object';
}
