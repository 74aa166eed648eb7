import type { FileNode, GraphFile, TrainingSettings } from '../../engine/format/schema';
import { CURRENT_VERSION, FORMAT_NAME } from '../../engine/format/schema';
import { fillNormal, seededRandom } from '../../engine/tensor/random';

/** A node at a canvas position (grid of 200 × 120 pixels). */
function at(col: number, row: number, node: Omit<FileNode, 'position'>): FileNode {
  return { ...node, position: { x: col * 200, y: row * 120 } } as FileNode;
}

const wire = (source: string, target: string, targetPort = 'x') => ({ source, target, targetPort });

const sgd = (lr: number, epochs: number): TrainingSettings => ({ optimizer: { type: 'sgd', lr }, epochs, batchSize: null, seed: 0 });

/** SGD that logs every 10th epoch with the training and validation accuracy, as the course's classification chapters print. */
const sgdWithAccuracy = (lr: number, epochs: number): TrainingSettings => ({ ...sgd(lr, epochs), logEvery: 10, metrics: { accuracy: true } });

const file = (name: string, description: string, rest: Omit<GraphFile, 'format' | 'version' | 'name' | 'description'>): GraphFile => ({
  format: FORMAT_NAME,
  version: CURRENT_VERSION,
  name,
  description,
  ...rest,
});

const X_RANGE = { type: 'arange', start: -2, end: 2.1, step: 0.25 } as const;

/** y = 2x² + 2 over x = arange(-2, 2.1, 0.25), z = sum(y): backward gives x.grad = 4x. */
export function compositeFunction(): GraphFile {
  return file('Composite function y = 2x² + 2', 'x = arange(-2, 2.1, 0.25) with requires_grad; y = 2x² + 2; z = y.sum(); z.backward() gives x.grad = 4x.', {
    nodes: [
      at(0, 1, { id: 'x', op: 'input', label: 'x', value: X_RANGE, requiresGrad: true }),
      at(1, 1, { id: 'square', op: 'square' }),
      at(2, 1, { id: 'scale', op: 'scale', attrs: { k: 2 } }),
      at(3, 1, { id: 'y', op: 'add', label: 'y', attrs: { c: 2 } }),
      at(4, 1, { id: 'z', op: 'sum', label: 'z' }),
    ],
    edges: [wire('x', 'square'), wire('square', 'scale'), wire('scale', 'y', 'a'), wire('y', 'z')],
    loss: 'z',
    datasets: {},
    training: sgd(0.01, 1),
  });
}

/** The same x through sigmoid: z = sum(σ(x)), so x.grad = σ(x)(1 − σ(x)). */
export function sigmoidFunction(): GraphFile {
  return file('Sigmoid y = σ(x)', 'x = arange(-2, 2.1, 0.25) with requires_grad; y = sigmoid(x); z = y.sum(); x.grad = σ(x)(1 − σ(x)).', {
    nodes: [
      at(0, 1, { id: 'x', op: 'input', label: 'x', value: X_RANGE, requiresGrad: true }),
      at(1, 1, { id: 'y', op: 'sigmoid', label: 'y' }),
      at(2, 1, { id: 'z', op: 'sum', label: 'z' }),
    ],
    edges: [wire('x', 'y'), wire('y', 'z')],
    loss: 'z',
    datasets: {},
    training: sgd(0.01, 1),
  });
}

/** Five people's height (cm) and weight (kg). */
const PEOPLE = {
  columns: ['height_cm', 'weight_kg'],
  rows: [
    [166, 58.7],
    [176, 75.7],
    [171, 62.1],
    [173, 70.4],
    [169, 60.1],
  ],
};

/** Leaves for the people data, centred by subtracting each column's mean inside the graph. */
function centredPeople(vector: boolean): FileNode[] {
  return [
    at(0, 0, { id: 'height', op: 'input', label: 'height', value: { type: 'columns', dataset: 'people', columns: ['height_cm'], vector } }),
    at(1, 0, { id: 'height_mean', op: 'mean' }),
    at(2, 0, { id: 'X', op: 'sub', label: 'X' }),
    at(0, 2, { id: 'weight', op: 'input', label: 'weight', value: { type: 'columns', dataset: 'people', columns: ['weight_kg'], vector } }),
    at(1, 2, { id: 'weight_mean', op: 'mean' }),
    at(2, 2, { id: 'Y', op: 'sub', label: 'Y' }),
  ];
}

const centringWires = [
  wire('height', 'height_mean'),
  wire('height', 'X', 'a'),
  wire('height_mean', 'X', 'b'),
  wire('weight', 'weight_mean'),
  wire('weight', 'Y', 'a'),
  wire('weight_mean', 'Y', 'b'),
];

/** Linear regression by hand: Yp = W·X + B with scalar W and B (drawn above the row they feed), loss = mean((Yp − Y)²), SGD lr 0.001. */
export function linearRegressionByHand(): GraphFile {
  return file('Linear regression by hand', 'Height and weight of five people, centred. Yp = W·X + B with W = B = 1.0 to start; loss = mean((Yp − Y)²); SGD with lr 0.001 for 500 epochs.', {
    nodes: [
      ...centredPeople(true),
      { ...at(2, 1, { id: 'W', op: 'parameter', label: 'W', shape: [], init: { type: 'constant', value: 1 }, params: { value: { shape: [], data: [1] } } }), position: { x: 400, y: -140 } },
      at(3, 0, { id: 'WX', op: 'mul' }),
      { ...at(3, 1, { id: 'B', op: 'parameter', label: 'B', shape: [], init: { type: 'constant', value: 1 }, params: { value: { shape: [], data: [1] } } }), position: { x: 600, y: -140 } },
      at(4, 0, { id: 'Yp', op: 'add', label: 'Yp' }),
      at(5, 1, { id: 'err', op: 'sub' }),
      at(6, 1, { id: 'err2', op: 'square' }),
      at(7, 1, { id: 'loss', op: 'mean', label: 'loss' }),
    ],
    edges: [
      ...centringWires,
      wire('W', 'WX', 'a'),
      wire('X', 'WX', 'b'),
      wire('WX', 'Yp', 'a'),
      wire('B', 'Yp', 'b'),
      wire('Yp', 'err', 'a'),
      wire('Y', 'err', 'b'),
      wire('err', 'err2'),
      wire('err2', 'loss'),
    ],
    loss: 'loss',
    datasets: { people: PEOPLE },
    training: sgd(0.001, 500),
  });
}

/** The same regression with nn.Linear(1, 1) (weight and bias 1.0) and nn.MSELoss. */
export function linearRegressionModule(): GraphFile {
  return file('Linear regression with nn.Linear', 'The same five people with linear(1, 1), weight and bias 1.0 to start, and MSE loss; SGD with lr 0.001 for 500 epochs.', {
    nodes: [
      ...centredPeople(false),
      at(3, 0, {
        id: 'linear',
        op: 'linear',
        attrs: { inFeatures: 1, outFeatures: 1 },
        init: { type: 'constant', value: 1 },
        params: { weight: { shape: [1, 1], data: [1] }, bias: { shape: [1], data: [1] } },
      }),
      at(4, 1, { id: 'loss', op: 'mse', label: 'loss' }),
    ],
    edges: [...centringWires, wire('X', 'linear'), wire('linear', 'loss', 'input'), wire('Y', 'loss', 'target')],
    loss: 'loss',
    datasets: { people: PEOPLE },
    training: sgd(0.001, 500),
  });
}

/** Gaussian blobs around the given centres, rounded to 3 decimals: rows of x1, x2, label. */
function blobs(centres: readonly (readonly [number, number])[], perClass: number, std: number, seed: number): number[][] {
  const rand = seededRandom(seed);
  const noise = new Float64Array(2);
  const rows: number[][] = [];
  for (let i = 0; i < perClass; i++) {
    centres.forEach(([cx, cy], label) => {
      fillNormal(noise, 0, std, rand);
      rows.push([Math.round((cx + noise[0]) * 1000) / 1000, Math.round((cy + noise[1]) * 1000) / 1000, label]);
    });
  }
  return rows;
}

const seededLinear = (id: string, inF: number, outF: number, seed: number) =>
  at(2, 1, { id, op: 'linear', attrs: { inFeatures: inF, outFeatures: outF }, init: { type: 'default', seed } });

/** Two Gaussian blobs, linear(2, 1) → sigmoid → BCE, validated on fresh points from the same blobs. */
export function binaryClassification(): GraphFile {
  return file('Binary classification', 'Two generated Gaussian blobs (seed 1; 20 more points from seed 101 in blobs_test for validation): linear(2, 1) → sigmoid → binary cross-entropy; SGD with lr 0.1 for 300 epochs, logging loss and accuracy on both.', {
    nodes: [
      at(0, 0, { id: 'X', op: 'input', label: 'X', value: { type: 'columns', dataset: 'blobs', columns: ['x1', 'x2'] } }),
      at(0, 2, { id: 'T', op: 'input', label: 'labels', value: { type: 'columns', dataset: 'blobs', columns: ['label'] } }),
      seededLinear('linear', 2, 1, 1),
      at(3, 1, { id: 'prob', op: 'sigmoid', label: 'probability' }),
      at(4, 1, { id: 'loss', op: 'bce', label: 'loss' }),
    ],
    edges: [wire('X', 'linear'), wire('linear', 'prob'), wire('prob', 'loss', 'input'), wire('T', 'loss', 'target')],
    loss: 'loss',
    datasets: {
      blobs: { columns: ['x1', 'x2', 'label'], rows: blobs([[-1.5, -1], [1.5, 1]], 40, 1, 1) },
      blobs_test: { columns: ['x1', 'x2', 'label'], rows: blobs([[-1.5, -1], [1.5, 1]], 10, 1, 101) },
    },
    training: sgdWithAccuracy(0.1, 300),
  });
}

/** Three Gaussian blobs, linear(2, 3) → cross-entropy with integer labels, validated on fresh points from the same blobs. */
export function multiclassClassification(): GraphFile {
  return file('Three-class classification', 'Three generated Gaussian blobs (seed 2; 30 more points from seed 102 in blobs_test for validation): linear(2, 3) → cross-entropy with class labels 0, 1, 2; SGD with lr 0.1 for 300 epochs, logging loss and accuracy on both.', {
    nodes: [
      at(0, 0, { id: 'X', op: 'input', label: 'X', value: { type: 'columns', dataset: 'blobs', columns: ['x1', 'x2'] } }),
      at(0, 2, { id: 'T', op: 'input', label: 'labels', value: { type: 'columns', dataset: 'blobs', columns: ['label'], vector: true } }),
      seededLinear('linear', 2, 3, 2),
      at(4, 1, { id: 'loss', op: 'cross_entropy', label: 'loss' }),
    ],
    edges: [wire('X', 'linear'), wire('linear', 'loss', 'input'), wire('T', 'loss', 'target')],
    loss: 'loss',
    datasets: {
      blobs: { columns: ['x1', 'x2', 'label'], rows: blobs([[-2, 0], [2, 0], [0, 2.5]], 30, 0.8, 2) },
      blobs_test: { columns: ['x1', 'x2', 'label'], rows: blobs([[-2, 0], [2, 0], [0, 2.5]], 10, 0.8, 102) },
    },
    training: sgdWithAccuracy(0.1, 300),
  });
}

/** Every shipped example by file name, in menu order. */
export const EXAMPLES: Readonly<Record<string, () => GraphFile>> = {
  'composite-function': compositeFunction,
  'sigmoid-function': sigmoidFunction,
  'linear-regression-by-hand': linearRegressionByHand,
  'linear-regression-module': linearRegressionModule,
  'binary-classification': binaryClassification,
  'multiclass-classification': multiclassClassification,
};
