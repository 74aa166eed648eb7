import { CURRENT_VERSION, FORMAT_NAME, type FileNode, type GraphFile } from '../format/schema';
import { validationName } from '../graph/validation';
import type { Dtype } from '../tensor/float32';

/**
 * The course's classification chapters as graph files, built from the shared iris CSVs
 * (`split`, `order`, `orig_index`, features…, `target`): the `train` rows in their `order`
 * become dataset `iris`, the `test` rows its validation split `iris_test`. As in the course,
 * nn.Linear starts with every weight and bias at 1.0, SGD with lr 0.01 runs 10,000 full-batch
 * epochs, and every 10th epoch prints loss, acc, val_loss and val_acc.
 */

/** One of the course's runs: which CSV, which feature columns, and the model after the linear layer. */
export interface CourseRun {
  readonly name: string;
  /** The file in ../shared/data. */
  readonly csv: string;
  readonly features: readonly string[];
  /** `binary`: linear(k, 1) → sigmoid → bce on labels [N, 1]; `multiclass`: linear(k, 3) → cross_entropy on labels [N]. */
  readonly kind: 'binary' | 'multiclass';
}

/** Chapter 6 (sepal length and width, classes 0 and 1), chapter 7 (sepal and petal length, three classes), and 7.12 (all four features). */
export const COURSE_RUNS: readonly CourseRun[] = [
  { name: 'chapter 6: binary, sepal length and width', csv: 'iris_ch06_binary_split.csv', features: ['sepal_length', 'sepal_width'], kind: 'binary' },
  { name: 'chapter 7: three classes, sepal and petal length', csv: 'iris_ch07_multiclass_split.csv', features: ['sepal_length', 'petal_length'], kind: 'multiclass' },
  { name: 'chapter 7.12: three classes, four features', csv: 'iris_ch07_multiclass_split.csv', features: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'], kind: 'multiclass' },
];

/** The rows of one split as numbers (every column but `split`), in the CSV's `order`. */
export function splitRows(csv: string, split: 'train' | 'test'): { columns: string[]; rows: number[][] } {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const names = header.split(',');
  const at = (n: string) => names.indexOf(n);
  const columns = names.filter((n) => n !== 'split');
  const rows = lines
    .map((l) => l.split(','))
    .filter((cells) => cells[at('split')] === split)
    .map((cells) => columns.map((c) => Number(cells[at(c)])))
    .sort((a, b) => a[columns.indexOf('order')] - b[columns.indexOf('order')]);
  return { columns, rows };
}

const at = (x: number, y: number) => ({ x: x * 200, y: y * 120 });

/** The course's run as a graph file, the data from the CSV's text. */
export function courseFile(run: CourseRun, csv: string): GraphFile {
  const train = splitRows(csv, 'train');
  const test = splitRows(csv, 'test');
  const classes = run.kind === 'binary' ? 1 : 3;
  const nodes: FileNode[] = [
    { id: 'X', op: 'input', label: 'inputs', position: at(0, 0), value: { type: 'columns', dataset: 'iris', columns: [...run.features] } },
    { id: 'T', op: 'input', label: 'labels', position: at(0, 2), value: { type: 'columns', dataset: 'iris', columns: ['target'], ...(run.kind === 'multiclass' ? { vector: true } : {}) } },
    { id: 'l1', op: 'linear', position: at(1, 0), attrs: { inFeatures: run.features.length, outFeatures: classes }, init: { type: 'constant', value: 1 } },
  ];
  const edges = [{ source: 'X', target: 'l1', targetPort: 'x' }];
  if (run.kind === 'binary') {
    nodes.push({ id: 'sigmoid', op: 'sigmoid', position: at(2, 0) }, { id: 'loss', op: 'bce', position: at(3, 1) });
    edges.push({ source: 'l1', target: 'sigmoid', targetPort: 'x' }, { source: 'sigmoid', target: 'loss', targetPort: 'input' });
  } else {
    nodes.push({ id: 'loss', op: 'cross_entropy', position: at(3, 1) });
    edges.push({ source: 'l1', target: 'loss', targetPort: 'input' });
  }
  edges.push({ source: 'T', target: 'loss', targetPort: 'target' });
  return {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    name: run.name,
    nodes,
    edges,
    loss: 'loss',
    datasets: { iris: train, [validationName('iris')]: test },
    training: { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 10_000, batchSize: null, seed: 0, logEvery: 10, metrics: { accuracy: true } },
  };
}

/**
 * The course's own training loop in PyTorch (float64, or float32 as the course itself runs),
 * independent of GradCanvas's export: it
 * reads the CSV, splits and orders it, builds Net with every weight and bias 1.0, and prints
 * `epoch,loss,acc,val_loss,val_acc` every 10th epoch (and the last), accuracy as the course
 * computes it (the training one from the outputs before the step, validation after it).
 */
export function courseReferenceScript(run: CourseRun, csvPath: string, dtype: Dtype = 'float64'): string {
  const binary = run.kind === 'binary';
  return `import csv
import torch
import torch.nn as nn
import torch.optim as optim

torch.set_default_dtype(torch.${dtype})
features = ${JSON.stringify(run.features)}
with open(${JSON.stringify(csvPath)}) as f:
    rows = list(csv.DictReader(f))

def split(name):
    part = sorted((r for r in rows if r['split'] == name), key=lambda r: int(r['order']))
    x = torch.tensor([[float(r[c]) for c in features] for r in part])
    y = torch.tensor([float(r['target']) for r in part])
    return x, ${binary ? 'y.view((-1, 1))' : 'y.long()'}

inputs, labels = split('train')
inputs_test, labels_test = split('test')


class Net(nn.Module):
    def __init__(self, n_input, n_output):
        super().__init__()
        self.l1 = nn.Linear(n_input, n_output)
        self.l1.weight.data.fill_(1.0)
        self.l1.bias.data.fill_(1.0)

    def forward(self, x):
        return ${binary ? 'torch.sigmoid(self.l1(x))' : 'self.l1(x)'}


def predict(outputs):
    return ${binary ? 'torch.where(outputs < 0.5, 0, 1)' : 'torch.max(outputs, 1)[1]'}


net = Net(len(features), ${binary ? 1 : 3})
criterion = ${binary ? 'nn.BCELoss()' : 'nn.CrossEntropyLoss()'}
optimizer = optim.SGD(net.parameters(), lr=0.01)
num_epochs = 10000
print('epoch,loss,acc,val_loss,val_acc')
for epoch in range(num_epochs):
    optimizer.zero_grad()
    outputs = net(inputs)
    loss = criterion(outputs, labels)
    loss.backward()
    optimizer.step()
    train_loss = loss.item()
    train_acc = (predict(outputs) == labels).sum().item() / len(labels)
    outputs_test = net(inputs_test)
    val_loss = criterion(outputs_test, labels_test).item()
    val_acc = (predict(outputs_test) == labels_test).sum().item() / len(labels_test)
    if epoch % 10 == 0 or epoch == num_epochs - 1:
        print(f'{epoch},{train_loss!r},{train_acc!r},{val_loss!r},{val_acc!r}')
`;
}
