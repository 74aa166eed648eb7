import type { LessonFile } from '../schema';

/** Lesson 9: the training loop with nn.Linear, nn.MSELoss and optim.SGD; then Boston housing (loaded by the lesson), where the learning rate decides. */
export const nnModules: LessonFile = {
  id: 'nn-modules',
  number: 9,
  title: { en: 'nn.Linear, nn.MSELoss and optim.SGD', ja: 'nn.Linear・nn.MSELoss・optim.SGD' },
  goal: { en: 'Train the same model with PyTorch’s modules, then on Boston housing data, and see why the learning rate matters.', ja: '同じモデルを PyTorch のモジュールで学習し、ボストン住宅データでも学習して、学習率が重要な理由を見る。' },
  setup: [{ do: 'openExample', file: 'linear-regression-module.json' }],
  focus: ['X', 'linear', 'loss'],
  steps: [
    {
      text: {
        en: 'Lesson 8’s model, written with modules: linear(1, 1) is nn.Linear(1, 1), whose weight and bias are W and B; mse is nn.MSELoss(). Select the linear node: the [[shell.tab.inspector]] shows its weight (shape [1, 1]) and bias (shape [1]).',
        ja: 'レッスン 8 のモデルをモジュールで書いたものです。linear(1, 1) は nn.Linear(1, 1) で、その重み (weight) とバイアス (bias) が W と B です。mse は nn.MSELoss() です。linear ノードを選択してください。[[shell.tab.inspector]] に重み (形状 [1, 1]) とバイアス (形状 [1]) が表示されます。',
      },
      hint: { en: 'Select the node named linear.', ja: 'linear という名前のノードを選択してください。' },
      check: [{ predicate: 'selectedOp', op: 'linear' }],
      pytorch: { code: 'import torch.nn as nn\nmodel = nn.Linear(1, 1)\nprint(model.weight.shape, model.bias.shape)', output: 'torch.Size([1, 1]) torch.Size([1])' },
    },
    {
      text: {
        en: 'optim.SGD(model.parameters(), lr=0.001) does the update of lesson 8 for every parameter. In the [[shell.tab.train]] tab press [[train.start]]: 500 epochs bring the loss below 5, exactly as by hand.',
        ja: 'optim.SGD(model.parameters(), lr=0.001) がレッスン 8 の更新をすべてのパラメータに行います。[[shell.tab.train]] タブで [[train.start]] を押してください。500 エポックで損失は 5 を下回り、手で書いたときと同じになります。',
      },
      hint: { en: 'Press [[train.start]] and let it run; the latest loss should be below 5.', ja: '[[train.start]] を押して学習させてください。最新の損失が 5 を下回るはずです。' },
      point: 'side.tab.train',
      check: [
        { predicate: 'stepsTaken', atLeast: 100 },
        { predicate: 'lossBelow', value: 5 },
      ],
      pytorch: {
        code: `import torch.nn as nn
X = torch.tensor([[166.], [176.], [171.], [173.], [169.]])
Y = torch.tensor([[58.7], [75.7], [62.1], [70.4], [60.1]])
X = X - X.mean()
Y = Y - Y.mean()
model = nn.Linear(1, 1)
with torch.no_grad():
    model.weight.fill_(1.0)
    model.bias.fill_(1.0)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
for epoch in range(500):
    optimizer.zero_grad()
    loss = criterion(model(X), Y)
    loss.backward()
    optimizer.step()
print(round(loss.item(), 4))`,
        output: '4.6746',
      },
    },
    {
      text: {
        en: 'Real data: Boston housing, rooms RM → price PRICE. The lesson opened an empty canvas and loaded the course’s boston_rm_price.csv (506 rows) into the [[shell.tab.data]] tab, with RM as the [[datasets.role.feature]] and PRICE as the [[datasets.role.target]]. Press [[datasets.bind]]: inputs X and Y appear. Drag linear and mse onto the canvas, wire X → linear → mse (input) and Y → mse (target), tick [[inspector.useAsLoss]] on mse, set [[train.lr]] to 0.01 and press [[train.start]]: the loss falls below 60.',
        ja: '実データです。ボストン住宅データの部屋数 RM → 価格 PRICE。レッスンは空のキャンバスを開き、講座の boston_rm_price.csv (506 行) を [[shell.tab.data]] タブに読み込みました。RM が [[datasets.role.feature]]、PRICE が [[datasets.role.target]] です。[[datasets.bind]] を押すと入力ノード X と Y が現れます。linear と mse をキャンバスへドラッグし、X → linear → mse (input)、Y → mse (target) とつなぎ、mse で [[inspector.useAsLoss]] にチェックを入れ、[[train.lr]] を 0.01 にして [[train.start]] を押してください。損失は 60 を下回ります。',
      },
      hint: {
        en: 'An input must be bound to RM and one to PRICE, with the mse node as the loss; then train at least 100 epochs until the latest loss is below 60.',
        ja: '入力ノードの1つを RM に、1つを PRICE に結び付け、mse ノードを損失にしてください。そのうえで最新の損失が 60 を下回るまで 100 エポック以上学習させます。',
      },
      point: 'datasets.bind',
      setup: [
        { do: 'newGraph' },
        { do: 'loadData', file: 'boston_rm_price.csv' },
        { do: 'openTab', tab: 'side.data' },
      ],
      check: [
        { predicate: 'usesColumns', columns: ['RM'] },
        { predicate: 'usesColumns', columns: ['PRICE'] },
        { predicate: 'stepsTaken', atLeast: 100 },
        { predicate: 'lossBelow', value: 60 },
      ],
      pytorch: {
        code: `import csv
import torch.nn as nn
rows = list(csv.DictReader(open('boston_rm_price.csv')))
X = torch.tensor([[float(r['RM'])] for r in rows])
Y = torch.tensor([[float(r['PRICE'])] for r in rows])
model = nn.Linear(1, 1)
with torch.no_grad():
    model.weight.fill_(1.0)
    model.bias.fill_(1.0)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(100):
    optimizer.zero_grad()
    loss = criterion(model(X), Y)
    loss.backward()
    optimizer.step()
print(round(loss.item(), 4))`,
        output: '58.8708',
      },
    },
    {
      text: {
        en: 'Why the learning rate matters: two features on different scales. The lesson loaded boston_rm_lstat_price.csv into the [[shell.tab.data]] tab: RM and LSTAT are [[datasets.role.feature]]s, PRICE the [[datasets.role.target]]. Press [[datasets.bind]] (X now reads both features), set the linear node to 2 inputs and train with [[train.lr]] 0.01. The loss explodes — 224, 297, 2359, 33061, … — and training stops: this learning rate diverges here.',
        ja: '学習率が重要な理由: スケールの異なる2つの特徴量です。レッスンは boston_rm_lstat_price.csv を [[shell.tab.data]] タブに読み込みました。RM と LSTAT が [[datasets.role.feature]]、PRICE が [[datasets.role.target]] です。[[datasets.bind]] を押し (X は2つの特徴量を読みます)、linear ノードの入力数を 2 にして [[train.lr]] 0.01 で学習してください。損失は 224, 297, 2359, 33061, … と爆発し、学習が止まります。この学習率はここでは発散します。',
      },
      hint: {
        en: 'Bind RM and LSTAT together to one input (two feature columns), keep [[train.lr]] at 0.01 or more, and train: the loss should rise step after step.',
        ja: 'RM と LSTAT をまとめて1つの入力 (特徴量の列2つ) に結び付け、[[train.lr]] を 0.01 以上にして学習してください。損失が毎ステップ増えるはずです。',
      },
      point: 'datasets.bind',
      setup: [
        { do: 'loadData', file: 'boston_rm_lstat_price.csv' },
        { do: 'openTab', tab: 'side.data' },
      ],
      check: [
        { predicate: 'usesColumns', columns: ['RM', 'LSTAT'] },
        { predicate: 'learningRate', atLeast: 0.01 },
        { predicate: 'diverged' },
      ],
      pytorch: {
        code: `import csv
import torch.nn as nn
rows = list(csv.DictReader(open('boston_rm_lstat_price.csv')))
X = torch.tensor([[float(r['RM']), float(r['LSTAT'])] for r in rows])
Y = torch.tensor([[float(r['PRICE'])] for r in rows])
model = nn.Linear(2, 1)
with torch.no_grad():
    model.weight.fill_(1.0)
    model.bias.fill_(1.0)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
losses = []
for epoch in range(5):
    optimizer.zero_grad()
    loss = criterion(model(X), Y)
    loss.backward()
    optimizer.step()
    losses.append(round(loss.item(), 1))
print(losses)`,
        output: '[224.1, 296.9, 2359.0, 33060.9, 481490.9]',
      },
    },
  ],
};
