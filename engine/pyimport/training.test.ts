import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import { fileToGraph } from '../format/convert';
import { TorchGenerator } from '../tensor/torchRandom';
import { importPython } from './index';
import { linearInit } from './linearInit';

const PEOPLE = { columns: ['height', 'weight'], rows: [[166, 58.7], [176, 75.7], [171, 62.1], [173, 70.4], [169, 60.1]] };

/** A course training script; `loop` replaces its loop body, `init` its weight initialisation. */
function course({ loop, init, head = '' }: { loop?: string; init?: string; head?: string } = {}): string {
  return `import torch
import torch.nn as nn
import torch.optim as optim
import pandas as pd
${head}
df = pd.read_csv("people.csv")
inputs = torch.tensor(df[["height"]].values).float()
labels = torch.tensor(df["weight"].values).float().view(-1, 1)

class Net(nn.Module):
    def __init__(self, n_input, n_output):
        super().__init__()
        self.l1 = nn.Linear(n_input, n_output)
${init ?? '        nn.init.constant_(self.l1.weight, 1.0)\n        nn.init.constant_(self.l1.bias, 1.0)'}

    def forward(self, x):
        x1 = self.l1(x)
        return x1

n_input = 1
n_output = 1
net = Net(n_input, n_output)
criterion = nn.MSELoss()
optimizer = optim.SGD(net.parameters(), lr=0.00001)
num_epochs = 100
for epoch in range(num_epochs):
${loop ?? '    outputs = net(inputs)\n    loss = criterion(outputs, labels)\n    loss.backward()\n    optimizer.step()\n    optimizer.zero_grad()\n    if epoch % 10 == 0:\n        print(epoch, loss.item())'}
`;
}

function imported(code: string) {
  return importPython(code, { datasets: { people: PEOPLE } });
}

function errorOf(code: string) {
  const r = imported(code);
  expect(r.error).not.toBeNull();
  const e = r.error as NonNullable<typeof r.error>;
  return { ...e, text: code.split('\n')[e.line - 1] };
}

describe('importPython: a course training script', () => {
  it('builds inputs → linear → mse ← labels from pandas columns, with the optimizer, epochs and log interval', () => {
    const r = imported(course());
    expect(r.error).toBeNull();
    const f = r.file;
    expect(f.nodes.map((n) => [n.id, n.op])).toEqual([
      ['inputs', 'input'],
      ['labels', 'input'],
      ['outputs', 'linear'],
      ['loss', 'mse'],
    ]);
    expect(f.nodes[0].value).toEqual({ type: 'columns', dataset: 'people', columns: ['height'] });
    expect(f.nodes[1].value).toEqual({ type: 'columns', dataset: 'people', columns: ['weight'] });
    expect(f.nodes[2].attrs).toEqual({ inFeatures: 1, outFeatures: 1 });
    expect(f.nodes[2].params).toEqual({ weight: { shape: [1, 1], data: [1] }, bias: { shape: [1], data: [1] } });
    expect(f.loss).toBe('loss');
    expect(f.dtype).toBe('float32');
    expect(f.datasets).toEqual({ people: PEOPLE });
    expect(f.training).toEqual({ optimizer: { type: 'sgd', lr: 0.00001 }, epochs: 100, batchSize: null, seed: 0, logEvery: 10 });
    // The loop is one statement: its backward fills the gradients.
    const loop = r.statements[r.statements.length - 1];
    expect(loop.added).toEqual(['outputs', 'loss']);
    expect(loop.backward).toBe('loss');
  });

  it('columns named first (x = df[["height"]].values, z = data[:, 0]), then made tensors: input leaves reading them', () => {
    const code = `import torch
import numpy as np
import pandas as pd
df = pd.read_csv("people.csv")
x = df[["height"]].values
y = df["weight"].values
data = np.loadtxt("people.csv", delimiter=",", skiprows=1)
z = data[:, 1]
inputs = torch.tensor(x).float()
labels = torch.tensor(y).float().view(-1, 1)
w = torch.tensor(z).float()
`;
    const r = imported(code);
    expect(r.error).toBeNull();
    expect(r.file.nodes.map((n) => [n.id, n.value])).toEqual([
      ['inputs', { type: 'columns', dataset: 'people', columns: ['height'] }],
      ['labels', { type: 'columns', dataset: 'people', columns: ['weight'] }],
      ['w', { type: 'columns', dataset: 'people', columns: ['weight'], vector: true }],
    ]);
    const bad = errorOf(code.replace('data[:, 1]', 'data[:, 5]'));
    expect(bad.reason).toBe('columnIndex');
    expect(bad.text).toBe('z = data[:, 5]');
  });

  it('computes the loss PyTorch computes: mean((1·h + 1 − w)²) in float32', () => {
    const { program } = compile(fileToGraph(imported(course()).file));
    program!.forward();
    const want = PEOPLE.rows.reduce((s, [h, w]) => s + (Math.fround(h + 1) - Math.fround(w)) ** 2, 0) / 5;
    expect(program!.value('loss').data[0]).toBeCloseTo(want, 1);
  });

  it('zero_grad first, or after step, both train with fresh gradients', () => {
    expect(imported(course({ loop: '    optimizer.zero_grad()\n    outputs = net(inputs)\n    loss = criterion(outputs, labels)\n    loss.backward()\n    optimizer.step()' })).error).toBeNull();
  });

  it('torch.manual_seed, then a layer whose values the code does not set: PyTorch\'s own numbers for it (linearInit.test.ts checks them)', () => {
    const r = imported(course({ head: 'torch.manual_seed(123)', init: '        n = 0' }));
    expect(r.error).toBeNull();
    const lin = r.file.nodes.find((n) => n.op === 'linear');
    const { weight, bias } = linearInit(new TorchGenerator(123), 1, 1, 'float32');
    expect(lin?.params).toEqual({ weight: { shape: [1, 1], data: weight }, bias: { shape: [1], data: bias } });
  });

  it('without torch.manual_seed: GradCanvas\'s nn.Linear initialiser, a seed per layer (PyTorch\'s numbers would differ on every run)', () => {
    const r = imported(course({ init: '        n = 0' }));
    const lin = r.file.nodes.find((n) => n.op === 'linear');
    expect(lin?.init).toEqual({ type: 'default', seed: 0 });
    expect(lin?.params).toBeUndefined();
  });

  it('with torch.no_grad(): net.l1.weight.copy_(...) after the model is made sets the weight', () => {
    const r = imported(course({ init: '        n = 0' }).replace('criterion = nn.MSELoss()', 'with torch.no_grad():\n    net.l1.weight.copy_(torch.tensor([[0.5]]))\n    net.l1.bias.fill_(-2.0)\ncriterion = nn.MSELoss()'));
    expect(r.error).toBeNull();
    expect(r.file.nodes.find((n) => n.op === 'linear')?.params).toEqual({ weight: { shape: [1, 1], data: [0.5] }, bias: { shape: [1], data: [-2] } });
  });

  it('W and B with requires_grad=True given to the optimizer become parameter nodes', () => {
    const code = `import torch
import torch.optim as optim
X = torch.tensor([1.0, 2.0, 3.0])
Y = torch.tensor([2.0, 4.1, 5.9])
W = torch.tensor(1.0, requires_grad=True)
B = torch.tensor(1.0, requires_grad=True)
optimizer = optim.SGD([W, B], lr=0.01)
for epoch in range(20):
    Yp = W * X + B
    loss = ((Yp - Y)**2).mean()
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
`;
    const r = importPython(code);
    expect(r.error).toBeNull();
    const W = r.file.nodes.find((n) => n.id === 'W');
    expect(W).toMatchObject({ op: 'parameter', shape: [], params: { value: { shape: [], data: [1] } } });
    expect(r.file.training.epochs).toBe(20);
  });

  it.each([
    ['no zero_grad', '    outputs = net(inputs)\n    loss = criterion(outputs, labels)\n    loss.backward()\n    optimizer.step()', 'noZeroGrad', /adds each epoch's gradients/],
    ['zero_grad between backward and step', '    outputs = net(inputs)\n    loss = criterion(outputs, labels)\n    loss.backward()\n    optimizer.zero_grad()\n    optimizer.step()', 'zeroBetween', /clears the gradients/],
    ['step before backward', '    optimizer.zero_grad()\n    outputs = net(inputs)\n    loss = criterion(outputs, labels)\n    optimizer.step()\n    loss.backward()', 'stepBeforeBackward', /needs the gradients/],
    ['no backward', '    optimizer.zero_grad()\n    outputs = net(inputs)\n    optimizer.step()', 'loopMissing', /no loss.backward\(\)/],
    ['a second forward', '    optimizer.zero_grad()\n    outputs = net(inputs)\n    again = net(inputs)\n    loss = criterion(outputs, labels)\n    loss.backward()\n    optimizer.step()', 'secondForward', /second time/],
    ['a list of losses', '    optimizer.zero_grad()\n    outputs = net(inputs)\n    loss = criterion(outputs, labels)\n    loss.backward()\n    optimizer.step()\n    history.append(loss.item())', 'loopStatement', /not supported in the training loop/],
    ['an if that is not the log interval', '    optimizer.zero_grad()\n    outputs = net(inputs)\n    loss = criterion(outputs, labels)\n    loss.backward()\n    optimizer.step()\n    if loss.item() < 1:\n        print(epoch)', 'loopIf', /epoch % k == 0/],
  ])('%s: refused at its line with the reason', (_name, loop, reason, message) => {
    const e = errorOf(course({ loop }));
    expect(e.reason).toBe(reason);
    expect(e.message).toMatch(message);
  });

  it.each([
    ['a dataset the graph does not have', (c: string) => c.replace('people.csv', 'boston.csv'), 'dataset', 'df = pd.read_csv("boston.csv")'],
    ['a column the dataset does not have', (c: string) => c.replace('df[["height"]]', 'df[["RM"]]'), 'column', 'inputs = torch.tensor(df[["RM"]].values).float()'],
    ['NumPy data in a float32 graph without .float()', (c: string) => c.replace('df[["height"]].values).float()', 'df[["height"]].values)'), 'dataDtype', 'inputs = torch.tensor(df[["height"]].values)'],
    ['copy_ on a parameter outside torch.no_grad()', (c: string) => c.replace('criterion = nn.MSELoss()', 'net.l1.weight.copy_(torch.tensor([[0.5]]))\ncriterion = nn.MSELoss()'), 'inPlace', 'net.l1.weight.copy_(torch.tensor([[0.5]]))'],
    ['a weight of the wrong shape', (c: string) => c.replace('criterion = nn.MSELoss()', 'with torch.no_grad():\n    net.l1.weight.copy_(torch.tensor([0.5, 1.0]))\ncriterion = nn.MSELoss()'), 'weightShape', '    net.l1.weight.copy_(torch.tensor([0.5, 1.0]))'],
    ['an attribute before super().__init__()', (c: string) => c.replace('        super().__init__()\n', ''), 'superInit', '        self.l1 = nn.Linear(n_input, n_output)'],
    ['an optimizer without the model', (c: string) => c.replace('optim.SGD(net.parameters(), lr=0.00001)', 'optim.SGD([], lr=0.00001)'), 'untrainedModel', 'for epoch in range(num_epochs):'],
    ['optimizer.step() outside the loop', (c: string) => c.replace('num_epochs = 100', 'optimizer.step()\nnum_epochs = 100'), 'outsideLoop', 'optimizer.step()'],
  ])('%s: refused at its line with the reason', (_name, edit, reason, line) => {
    const e = errorOf(edit(course()));
    expect(e.reason).toBe(reason);
    expect(e.text).toBe(line);
  });
});

describe('importPython: accuracy and validation in the loop, as the course writes them', () => {
  const BLOBS = { columns: ['x1', 'x2', 'label'], rows: [[0.1, 0.2, 0], [1.5, 1.2, 1], [0.3, -0.4, 0], [1.9, 0.8, 1]] };
  const BLOBS_TEST = { columns: ['x1', 'x2', 'label'], rows: [[0.2, 0.1, 0], [1.4, 1.6, 1]] };
  const script = (loop: string) => `import torch
import torch.nn as nn
import torch.optim as optim
import numpy as np
torch.manual_seed(0)
train = np.loadtxt("blobs.csv", delimiter=",", skiprows=1)
test = np.loadtxt("blobs_test.csv", delimiter=",", skiprows=1)
inputs = torch.tensor(train[:, [0, 1]]).float()
labels = torch.tensor(train[:, [2]]).float()
inputs_test = torch.tensor(test[:, [0, 1]]).float()
labels_test = torch.tensor(test[:, [2]]).float()

class Net(nn.Module):
    def __init__(self, n_input, n_output):
        super().__init__()
        self.l1 = nn.Linear(n_input, n_output)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        x1 = self.l1(x)
        x2 = self.sigmoid(x1)
        return x2

net = Net(2, 1)
criterion = nn.BCELoss()
optimizer = optim.SGD(net.parameters(), lr=0.1)
for epoch in range(50):
${loop}
`;
  const COURSE_LOOP = `    optimizer.zero_grad()
    outputs = net(inputs)
    loss = criterion(outputs, labels)
    loss.backward()
    optimizer.step()
    predicted = torch.where(outputs < 0.5, 0, 1)
    train_acc = (predicted == labels).sum() / len(labels)
    outputs_test = net(inputs_test)
    loss_test = criterion(outputs_test, labels_test)
    predicted_test = torch.where(outputs_test < 0.5, 0, 1)
    val_acc = (predicted_test == labels_test).sum() / len(labels_test)
    if epoch % 10 == 0:
        print(f"[{epoch}/50] loss: {loss.item():.5f} acc: {train_acc:.5f} val_loss: {loss_test.item():.5f} val_acc: {val_acc:.5f}")`;
  const run = (code: string) => importPython(code, { datasets: { blobs: BLOBS, blobs_test: BLOBS_TEST } });

  it('maps to metrics.accuracy and the blobs_test split; the test leaves leave the graph', () => {
    const r = run(script(COURSE_LOOP));
    expect(r.error).toBeNull();
    expect(r.file.training).toMatchObject({ epochs: 50, logEvery: 10, metrics: { accuracy: true } });
    expect(Object.keys(r.file.datasets).sort()).toEqual(['blobs', 'blobs_test']);
    expect(r.file.nodes.some((n) => n.id.startsWith('inputs_test') || n.id.startsWith('labels_test'))).toBe(false);
    expect(r.file.nodes.map((n) => n.op).sort()).toEqual(['bce', 'input', 'input', 'linear', 'sigmoid']);
  });

  it.each([
    ['the validation pass before the step', (l: string) => l.replace('    optimizer.step()\n', '').replace('    val_acc', '    optimizer.step()\n    val_acc'), 'validationBeforeStep', '    outputs_test = net(inputs_test)'],
    ['a prediction that is not the loss\'s rule', (l: string) => l.replace('torch.where(outputs < 0.5, 0, 1)', 'torch.where(outputs < 0.3, 0, 1)'), 'accuracyRule', '    train_acc = (predicted == labels).sum() / len(labels)'],
    ['a validation pass on the training data', (l: string) => l.replace('net(inputs_test)', 'net(inputs)'), 'validationInputs', '    outputs_test = net(inputs)'],
    ['a validation pass without its loss', (l: string) => l.replace('    loss_test = criterion(outputs_test, labels_test)\n', '').replace('{loss_test.item():.5f}', ''), 'validationLoss', 'for epoch in range(50):'],
  ])('%s: refused at its line with the reason', (_name, edit, reason, line) => {
    const code = script(edit(COURSE_LOOP));
    const r = run(code);
    expect(r.error?.reason).toBe(reason);
    expect(code.split('\n')[(r.error?.line ?? 0) - 1]).toBe(line);
  });
});
