import type { LessonFile } from '../schema';
import { XS } from './xs';

/** y = f(x) in PyTorch, in float64 as GradCanvas computes. */
const F = 'def f(x):\n    return 2 * x**2 + 2\n';

/** Lesson 2: derivatives — the slope from autograd against central and forward differences with a step the learner changes. */
export const derivatives: LessonFile = {
  id: 'derivatives',
  number: 2,
  title: { en: 'Derivatives and numerical differentiation', ja: '微分と数値微分' },
  goal: { en: 'Compare the slope autograd computes with central differences for steps h you choose.', ja: '自動微分が求める傾きと、自分で選んだ刻み h の中心差分を比べる。' },
  setup: [{ do: 'openExample', file: 'composite-function.json' }],
  focus: ['x', 'square', 'scale'],
  steps: [
    {
      text: {
        en: 'The derivative dy/dx is the slope of y = 2x² + 2 at each x. Press [[shell.run.backward]]: autograd fills x.grad with 4x, the slope everywhere at once (at x = 1 it is 4). In [[shell.tab.plots]], [[plot.function]] draws y and this gradient.',
        ja: '微分 dy/dx は y = 2x² + 2 の各点での傾きです。[[shell.run.backward]] を押してください。自動微分が x.grad に 4x、つまり全点の傾きを一度に入れます (x = 1 では 4)。[[shell.tab.plots]] の [[plot.function]] に y とこの勾配が描かれます。',
      },
      hint: { en: 'x.grad should be 4x: press [[shell.run.zeroGrad]], then [[shell.run.backward]] once.', ja: 'x.grad は 4x になるはずです。[[shell.run.zeroGrad]] を押してから [[shell.run.backward]] を1回押してください。' },
      point: 'toolbar.backward',
      check: [{ predicate: 'gradIsMultiple', k: 4, values: [...XS] }],
      pytorch: { code: 'x = torch.arange(-2, 2.1, 0.25, requires_grad=True)\n(2 * x**2 + 2).sum().backward()\nprint(x[12].item(), x.grad[12])', output: '1.0 tensor(4.)' },
    },
    {
      text: {
        en: 'Now without autograd: the central difference (f(1 + h) − f(1 − h)) / 2h. Select x and set [[inspector.source]] to [[inspector.source.tensor]], [[inspector.shape]] 2 and the two [[inspector.values]] 0.9 and 1.1 (h = 0.1). y shows 3.62 and 4.42, and (4.42 − 3.62) / 0.2 = 4: the same slope.',
        ja: '今度は自動微分なしで、中心差分 (f(1 + h) − f(1 − h)) / 2h を求めます。x を選択し、[[inspector.source]] を [[inspector.source.tensor]]、[[inspector.shape]] を 2、2つの [[inspector.values]] を 0.9 と 1.1 にしてください (h = 0.1)。y は 3.62 と 4.42 になり、(4.42 − 3.62) / 0.2 = 4 で同じ傾きです。',
      },
      hint: { en: 'x should be the two values 0.9 and 1.1 (shape 2).', ja: 'x は 0.9 と 1.1 の2つの値 (形状 2) になるはずです。' },
      point: 'inspector.source',
      check: [{ predicate: 'nodeValues', op: 'input', values: [0.9, 1.1] }],
      pytorch: {
        code: `${F}x = torch.tensor([0.9, 1.1], dtype=torch.float64)\ny = f(x)\nprint(y, (y[1] - y[0]) / (2 * 0.1))`,
        output: 'tensor([3.6200, 4.4200], dtype=torch.float64) tensor(4.0000, dtype=torch.float64)',
      },
    },
    {
      text: {
        en: 'Change the step: h = 0.01, so x = 0.99 and 1.01. y = 3.9602 and 4.0402, and (4.0402 − 3.9602) / 0.02 = 4 again. For a parabola the central difference is exact for every h.',
        ja: '刻みを変えます。h = 0.01 として x = 0.99 と 1.01 にしてください。y = 3.9602 と 4.0402 で、(4.0402 − 3.9602) / 0.02 = 4 です。放物線では中心差分はどの h でも正確です。',
      },
      hint: { en: 'x should be 0.99 and 1.01.', ja: 'x は 0.99 と 1.01 になるはずです。' },
      check: [{ predicate: 'nodeValues', op: 'input', values: [0.99, 1.01] }],
      pytorch: {
        code: `${F}x = torch.tensor([0.99, 1.01], dtype=torch.float64)\ny = f(x)\nprint(y, (y[1] - y[0]) / (2 * 0.01))`,
        output: 'tensor([3.9602, 4.0402], dtype=torch.float64) tensor(4.0000, dtype=torch.float64)',
      },
    },
    {
      text: {
        en: 'A one-sided (forward) difference (f(1 + h) − f(1)) / h is not exact: set x to 1 and 1.1. (4.42 − 4) / 0.1 = 4.2, off by 2h. The central difference’s error shrinks like h², which is why the [[shell.tab.gradcheck]] tab compares autograd with central differences.',
        ja: '片側 (前進) 差分 (f(1 + h) − f(1)) / h は正確ではありません。x を 1 と 1.1 にしてください。(4.42 − 4) / 0.1 = 4.2 で、2h だけずれます。中心差分の誤差は h² のように小さくなるので、[[shell.tab.gradcheck]] タブは自動微分を中心差分と比べています。',
      },
      hint: { en: 'x should be 1 and 1.1.', ja: 'x は 1 と 1.1 になるはずです。' },
      point: 'side.tab.gradcheck',
      check: [{ predicate: 'nodeValues', op: 'input', values: [1, 1.1] }],
      pytorch: {
        code: `${F}x = torch.tensor([1.0, 1.1], dtype=torch.float64)\ny = f(x)\nprint(y, (y[1] - y[0]) / 0.1)`,
        output: 'tensor([4.0000, 4.4200], dtype=torch.float64) tensor(4.2000, dtype=torch.float64)',
      },
    },
  ],
};
