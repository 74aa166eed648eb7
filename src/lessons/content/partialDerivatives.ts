import type { LessonFile } from '../schema';

/** The example's model in PyTorch with W and B given. */
const model = (w: string, b: string) => `X = torch.tensor([166., 176., 171., 173., 169.])
Y = torch.tensor([58.7, 75.7, 62.1, 70.4, 60.1])
X = X - X.mean()
Y = Y - Y.mean()
W = torch.tensor(${w}, requires_grad=True)
B = torch.tensor(${b}, requires_grad=True)
loss = ((W * X + B - Y) ** 2).mean()
loss.backward()`;

/** Lesson 3: partial derivatives and the gradient of a loss of two parameters. */
export const partialDerivatives: LessonFile = {
  id: 'partial-derivatives',
  number: 3,
  title: { en: 'Partial derivatives and the gradient', ja: '偏微分と勾配' },
  goal: { en: 'Read ∂L/∂W and ∂L/∂B of a loss of two parameters, and see how they change as W and B move.', ja: '2つのパラメータの損失の ∂L/∂W と ∂L/∂B を読み、W と B を動かすと変わる様子を見る。' },
  setup: [
    { do: 'openExample', file: 'linear-regression-by-hand.json' },
    { do: 'openTab', tab: 'dock.plots' },
  ],
  focus: ['W', 'B', 'Yp'],
  steps: [
    {
      text: {
        en: 'The loss L(W, B) = mean((W·X + B − Y)²) depends on two parameters. The partial derivative ∂L/∂W is its slope when only W moves and B stays; ∂L/∂B the other way round. Press [[shell.run.backward]]: W.grad = ∂L/∂W = −19.04 and B.grad = ∂L/∂B = 2 at (W, B) = (1, 1).',
        ja: '損失 L(W, B) = mean((W·X + B − Y)²) は2つのパラメータで決まります。偏微分 ∂L/∂W は B を止めて W だけを動かしたときの傾き、∂L/∂B はその逆です。[[shell.run.backward]] を押してください。(W, B) = (1, 1) で W.grad = ∂L/∂W = −19.04、B.grad = ∂L/∂B = 2 です。',
      },
      hint: { en: 'W.grad should be −19.04 and B.grad 2: press [[shell.run.zeroGrad]], then [[shell.run.backward]] once.', ja: 'W.grad は −19.04、B.grad は 2 になるはずです。[[shell.run.zeroGrad]] を押してから [[shell.run.backward]] を1回押してください。' },
      point: 'toolbar.backward',
      check: [
        { predicate: 'gradValues', op: 'parameter', values: [-19.04] },
        { predicate: 'gradValues', op: 'parameter', values: [2] },
      ],
      pytorch: { code: `${model('1.0', '1.0')}\nprint(W.grad, B.grad)`, output: 'tensor(-19.0400) tensor(2.0000)' },
    },
    {
      text: {
        en: 'The gradient is the vector of both: (∂L/∂W, ∂L/∂B) = (−19.04, 2). In [[shell.tab.plots]] choose [[plot.contour]]: the arrow ∇L at the point (W, B) is the gradient. It points uphill, across the contour lines, and gradient descent walks the opposite way. Move W: select the W node, set its value to 2 in the [[shell.tab.inspector]] and press [[shell.run.backward]]. ∂L/∂W turns positive (4.16): W = 2 is past the valley floor, while ∂L/∂B stays 2.',
        ja: '勾配は両方を並べたベクトル (∂L/∂W, ∂L/∂B) = (−19.04, 2) です。[[shell.tab.plots]] で [[plot.contour]] を選ぶと、点 (W, B) の矢印 ∇L が勾配です。勾配は等高線を横切って上り坂を指し、勾配降下法はその逆向きに進みます。W を動かしましょう。W ノードを選択し、[[shell.tab.inspector]] で値を 2 にして [[shell.run.backward]] を押してください。∂L/∂W は正 (4.16) になります。W = 2 は谷底を越えた所で、∂L/∂B は 2 のままです。',
      },
      hint: { en: 'With W = 2 and B = 1, W.grad should be 4.16: set W’s value to 2, then press [[shell.run.backward]] once.', ja: 'W = 2、B = 1 では W.grad は 4.16 になるはずです。W の値を 2 にしてから [[shell.run.backward]] を1回押してください。' },
      check: [
        { predicate: 'gradValues', op: 'parameter', values: [4.16] },
        { predicate: 'gradValues', op: 'parameter', values: [2] },
      ],
      pytorch: { code: `${model('2.0', '1.0')}\nprint(W.grad, B.grad)`, output: 'tensor(4.1600) tensor(2.0000)' },
    },
    {
      text: {
        en: 'Now move only B: set B’s value to 0 and press [[shell.run.backward]]. ∂L/∂B = 2·mean(W·X + B − Y) becomes 0 — B = 0 is the bottom of the valley along B — while ∂L/∂W stays 4.16, because in this model the slope along W does not depend on B.',
        ja: '今度は B だけを動かします。B の値を 0 にして [[shell.run.backward]] を押してください。∂L/∂B = 2·mean(W·X + B − Y) は 0 になります (B 方向では B = 0 が谷底)。この模型では W 方向の傾きは B に依らないので、∂L/∂W は 4.16 のままです。',
      },
      hint: { en: 'With W = 2 and B = 0, B.grad should be 0 and W.grad 4.16: set B’s value to 0, then press [[shell.run.backward]].', ja: 'W = 2、B = 0 では B.grad は 0、W.grad は 4.16 になるはずです。B の値を 0 にしてから [[shell.run.backward]] を押してください。' },
      check: [
        { predicate: 'gradValues', op: 'parameter', values: [4.16] },
        { predicate: 'gradValues', op: 'parameter', values: [0] },
      ],
      pytorch: { code: `${model('2.0', '0.0')}\nprint(round(W.grad.item(), 4), round(B.grad.item(), 4))`, output: '4.16 0.0' },
    },
  ],
};
