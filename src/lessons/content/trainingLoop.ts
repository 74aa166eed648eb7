import type { LessonFile } from '../schema';

/** The example's data and model in PyTorch, the way the course writes it by hand. */
const MODEL = `X = torch.tensor([166., 176., 171., 173., 169.])
Y = torch.tensor([58.7, 75.7, 62.1, 70.4, 60.1])
X = X - X.mean()
Y = Y - Y.mean()
W = torch.tensor(1.0, requires_grad=True)
B = torch.tensor(1.0, requires_grad=True)`;

const UPDATE = `lr = 0.001
with torch.no_grad():
    W -= lr * W.grad
    B -= lr * B.grad`;

/** Lesson 8: the training loop by hand — predict, loss, gradient, update — on height and weight. */
export const trainingLoop: LessonFile = {
  id: 'training-loop',
  number: 8,
  title: { en: 'The training loop by hand', ja: '学習ループを手で書く' },
  goal: { en: 'Predict with W·X + B, measure the MSE loss, get the gradients and update W and B with the learning rate.', ja: 'W·X + B で予測し、MSE 損失を測り、勾配を求め、学習率で W と B を更新する。' },
  setup: [{ do: 'openExample', file: 'linear-regression-by-hand.json' }],
  focus: ['W', 'B', 'Yp'],
  steps: [
    {
      text: {
        en: 'Heights X and weights Y of five people, both centred (their mean subtracted). The model predicts Yp = W·X + B, starting from W = B = 1. Click the Yp node to select it and read its five predictions in the [[shell.tab.inspector]].',
        ja: '5人の身長 X と体重 Y (どちらも平均を引いて中心化済み) です。モデルは Yp = W·X + B で、W = B = 1 から始まります。Yp ノードをクリックして選択し、[[shell.tab.inspector]] で5つの予測値を読んでください。',
      },
      hint: { en: 'Select the node labelled Yp (the add node after WX): it holds −4, 6, 1, 3, −1.', ja: 'Yp というラベルのノード (WX の後の add) を選択してください。値は −4, 6, 1, 3, −1 です。' },
      check: [{ predicate: 'selectedValues', values: [-4, 6, 1, 3, -1] }],
      pytorch: { code: `${MODEL}\nYp = W * X + B\nprint(Yp)`, output: 'tensor([-4.,  6.,  1.,  3., -1.], grad_fn=<AddBackward0>)' },
    },
    {
      text: {
        en: 'How wrong is it? The loss is the mean squared error, mean((Yp − Y)²). Select the loss node: 13.352.',
        ja: 'どれだけ外れているか。損失は平均二乗誤差 mean((Yp − Y)²) です。loss ノードを選択してください: 13.352 です。',
      },
      hint: { en: 'Select the node labelled loss, at the end of the graph.', ja: 'グラフの最後にある loss というラベルのノードを選択してください。' },
      check: [{ predicate: 'selectedValues', values: [13.352] }],
      pytorch: { code: `${MODEL}\nYp = W * X + B\nloss = ((Yp - Y) ** 2).mean()\nprint(loss)`, output: 'tensor(13.3520, grad_fn=<MeanBackward0>)' },
    },
    {
      text: {
        en: 'Which way is downhill? Press [[shell.run.backward]]: loss.backward() gives W.grad = −19.04 and B.grad = 2. The loss falls if W grows and B shrinks.',
        ja: 'どちらが下り坂か。[[shell.run.backward]] を押してください。loss.backward() により W.grad = −19.04、B.grad = 2 になります。W を増やし B を減らすと損失が下がります。',
      },
      hint: { en: 'W.grad should be −19.04: press [[shell.run.zeroGrad]], then [[shell.run.backward]] once.', ja: 'W.grad は −19.04 になるはずです。[[shell.run.zeroGrad]] を押してから [[shell.run.backward]] を1回押してください。' },
      point: 'toolbar.backward',
      check: [
        { predicate: 'gradValues', op: 'parameter', values: [-19.04] },
        { predicate: 'gradValues', op: 'parameter', values: [2] },
      ],
      pytorch: { code: `${MODEL}\nloss = ((W * X + B - Y) ** 2).mean()\nloss.backward()\nprint(W.grad, B.grad)`, output: 'tensor(-19.0400) tensor(2.0000)' },
    },
    {
      text: {
        en: 'Update: W −= lr·W.grad and B −= lr·B.grad with [[train.lr]] 0.001. Press [[stepper.training]] once: it zeroes the gradients, predicts, measures the loss, runs backward and updates. W becomes 1.01904 and B 0.998.',
        ja: '更新します: [[train.lr]] 0.001 で W −= 学習率·W.grad、B −= 学習率·B.grad。[[stepper.training]] を1回押してください。勾配のゼロ化・予測・損失・逆伝播・更新を行い、W は 1.01904、B は 0.998 になります。',
      },
      hint: {
        en: 'W should be 1.01904 after one update from W = 1. If you stepped more than once, press [[shell.history.undo]] until the step bar shows epoch 1.',
        ja: 'W = 1 から1回更新すると W は 1.01904 になるはずです。2回以上進めた場合は、ステップバーがエポック 1 になるまで [[shell.history.undo]] を押してください。',
      },
      point: 'step.training',
      check: [
        { predicate: 'nodeValues', op: 'parameter', values: [1.01904] },
        { predicate: 'nodeValues', op: 'parameter', values: [0.998] },
      ],
      pytorch: {
        code: `${MODEL}\nloss = ((W * X + B - Y) ** 2).mean()\nloss.backward()\n${UPDATE}\nprint(W, B)`,
        output: 'tensor(1.0190, requires_grad=True) tensor(0.9980, requires_grad=True)',
      },
    },
    {
      text: {
        en: 'That is one turn of the training loop. Repeat it: in the [[shell.tab.train]] tab press [[train.start]] to run the example’s 500 epochs. Watch [[plot.loss]] in [[shell.tab.plots]]; the loss falls below 5.',
        ja: 'これで学習ループの1周です。繰り返しましょう。[[shell.tab.train]] タブで [[train.start]] を押すと、サンプルの 500 エポックを実行します。[[shell.tab.plots]] の [[plot.loss]] を見てください。損失は 5 を下回ります。',
      },
      hint: { en: 'Press [[train.start]] in the [[shell.tab.train]] tab and let it finish; the latest loss should be below 5.', ja: '[[shell.tab.train]] タブで [[train.start]] を押し、終わるまで待ってください。最新の損失が 5 を下回るはずです。' },
      point: 'side.tab.train',
      check: [
        { predicate: 'stepsTaken', atLeast: 100 },
        { predicate: 'lossBelow', value: 5 },
      ],
      pytorch: {
        code: `${MODEL}\nlr = 0.001\nfor epoch in range(500):\n    loss = ((W * X + B - Y) ** 2).mean()\n    loss.backward()\n    with torch.no_grad():\n        W -= lr * W.grad\n        B -= lr * B.grad\n    W.grad.zero_()\n    B.grad.zero_()\nprint(round(loss.item(), 4), round(W.item(), 4), round(B.item(), 4))`,
        output: '4.6746 1.8207 0.3675',
      },
    },
  ],
};
