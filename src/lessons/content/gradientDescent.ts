import type { LessonFile } from '../schema';

/** The example's model in PyTorch: centred heights X and weights Y, Yp = W·X + B, MSE, SGD. */
const MODEL = `X = torch.tensor([166., 176., 171., 173., 169.])
Y = torch.tensor([58.7, 75.7, 62.1, 70.4, 60.1])
X = X - X.mean()
Y = Y - Y.mean()
W = torch.tensor(1.0, requires_grad=True)
B = torch.tensor(1.0, requires_grad=True)
optimizer = torch.optim.SGD([W, B], lr=0.001)

def train_step():
    optimizer.zero_grad()
    loss = ((W * X + B - Y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return round(loss.item(), 4)
`;

/** Lesson 4: gradient descent, one update at a time, on the loss landscape; a learning rate too large diverges. */
export const gradientDescent: LessonFile = {
  id: 'gradient-descent',
  number: 4,
  title: { en: 'Gradient descent', ja: '勾配降下法' },
  goal: { en: 'Walk down the loss landscape one update at a time; see a learning rate that is too large diverge.', ja: '損失の地形を1回ずつの更新で下り、大きすぎる学習率が発散するのを見る。' },
  setup: [
    { do: 'openExample', file: 'linear-regression-by-hand.json' },
    { do: 'openTab', tab: 'dock.plots' },
  ],
  focus: ['W', 'B', 'Yp'],
  steps: [
    {
      text: {
        en: 'Heights X and weights Y of five people, and the model Yp = W·X + B with W = B = 1. In [[shell.tab.plots]], choose [[plot.contour]]: the loss over W and B as a contour map — a foggy mountain where you only feel the slope under your feet. Press [[stepper.training]] three times: each press computes the gradient and takes one step downhill, W −= lr·W.grad.',
        ja: '5人の身長 X と体重 Y、モデル Yp = W·X + B (W = B = 1 から開始) です。[[shell.tab.plots]] で [[plot.contour]] を選ぶと、W と B に対する損失が等高線で描かれます。足元の傾きしか分からない霧の山です。[[stepper.training]] を3回押してください。1回ごとに勾配を求め、W −= 学習率·W.grad と坂を1歩下ります。',
      },
      hint: {
        en: 'Take three training steps with [[stepper.training]]; the loss should fall from 13.35.',
        ja: '[[stepper.training]] で学習ステップを3回進めてください。損失は 13.35 から下がるはずです。',
      },
      point: 'step.training',
      check: [
        { predicate: 'stepsTaken', atLeast: 3 },
        { predicate: 'lossFalling' },
      ],
      pytorch: { code: `${MODEL}\nprint([train_step() for _ in range(3)])`, output: '[13.352, 12.9897, 12.6438]' },
    },
    {
      text: {
        en: 'With [[train.lr]] 0.001 the steps are tiny. In the [[shell.tab.train]] tab, set [[train.lr]] to 0.05 (type it and press Enter), then take steps until the loss is below 6. Watch the trail on the contour: longer strides downhill.',
        ja: '[[train.lr]] 0.001 では歩幅がごく小さいです。[[shell.tab.train]] タブで [[train.lr]] を 0.05 にして (入力して Enter)、損失が 6 を下回るまでステップを進めてください。等高線上の軌跡の歩幅が大きくなります。',
      },
      hint: {
        en: 'Set [[train.lr]] to 0.05 (between 0.02 and 0.08), then press [[stepper.training]] until the latest loss is below 6.',
        ja: '[[train.lr]] を 0.05 (0.02 以上 0.08 未満) にしてから、最新の損失が 6 を下回るまで [[stepper.training]] を押してください。',
      },
      point: 'side.tab.train',
      check: [
        { predicate: 'learningRate', atLeast: 0.02, below: 0.08 },
        { predicate: 'lossBelow', value: 6 },
      ],
      pytorch: {
        code: `${MODEL}\nprint([train_step() for _ in range(3)])\noptimizer.param_groups[0]['lr'] = 0.05\nprint([train_step() for _ in range(3)])`,
        output: '[13.352, 12.9897, 12.6438]\n[12.3137, 5.5131, 5.1918]',
      },
    },
    {
      text: {
        en: 'Now too large: set [[train.lr]] to 0.2 and keep pressing [[stepper.training]]. Each step jumps past the valley floor to a higher point on the other side; the loss climbs faster and faster — gradient descent diverges. (For this loss any learning rate above about 0.086 does.)',
        ja: '今度は大きすぎる学習率です。[[train.lr]] を 0.2 にして [[stepper.training]] を押し続けてください。1歩ごとに谷底を跳び越えて反対側のより高い所に着き、損失はどんどん速く増えます。勾配降下法が発散しました(この損失では学習率が約 0.086 を超えると発散します)。',
      },
      hint: {
        en: 'Set [[train.lr]] to 0.2 and press [[stepper.training]] until the loss has risen three steps in a row.',
        ja: '[[train.lr]] を 0.2 にして、損失が3ステップ続けて増えるまで [[stepper.training]] を押してください。',
      },
      point: 'step.training',
      check: [
        { predicate: 'learningRate', atLeast: 0.09 },
        { predicate: 'diverged', steps: 3 },
      ],
      pytorch: {
        code: `${MODEL}\nprint([train_step() for _ in range(3)])\noptimizer.param_groups[0]['lr'] = 0.05\nprint([train_step() for _ in range(3)])\noptimizer.param_groups[0]['lr'] = 0.2\nprint([train_step() for _ in range(7)])`,
        output: '[13.352, 12.9897, 12.6438]\n[12.3137, 5.5131, 5.1918]\n[5.0642, 4.7296, 4.6271, 4.8284, 8.0569, 51.0356, 620.5593]',
      },
    },
  ],
};
