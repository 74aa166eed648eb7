import type { LessonFile } from '../schema';
import { XS } from './xs';

const X = [...XS];
const SETUP = `x = torch.arange(-2, 2.1, 0.25, requires_grad=True)
y = 2 * x**2 + 2
z = y.sum()`;

/** Lesson 7: backward() and .grad; gradients accumulate until they are zeroed. */
export const backward: LessonFile = {
  id: 'backward',
  number: 7,
  title: { en: 'backward() and .grad', ja: 'backward() と .grad' },
  goal: { en: 'Call backward twice and see .grad double; zero it with zero_grad.', ja: '逆伝播を2回実行して .grad が2倍になるのを確かめ、zero_grad でゼロに戻す。' },
  setup: [{ do: 'openExample', file: 'composite-function.json' }],
  focus: ['x', 'square', 'scale'],
  steps: [
    {
      text: {
        en: 'The canvas holds x = arange(−2, 2.1, 0.25) with requires_grad, y = 2x² + 2 and z = y.sum() = 85. Press [[shell.run.backward]]: z.backward() fills x.grad with dz/dx = 4x. The x node shows it under its value.',
        ja: 'キャンバスには requires_grad 付きの x = arange(−2, 2.1, 0.25)、y = 2x² + 2、z = y.sum() = 85 があります。[[shell.run.backward]] を押してください。z.backward() が x.grad に dz/dx = 4x を入れます。x ノードの値の下に表示されます。',
      },
      hint: {
        en: 'x.grad should be 4x: press [[shell.run.backward]] once, after [[shell.run.zeroGrad]] if x.grad is not zero.',
        ja: 'x.grad は 4x になるはずです。x.grad がゼロでなければ [[shell.run.zeroGrad]] を押してから、[[shell.run.backward]] を1回押してください。',
      },
      point: 'toolbar.backward',
      check: [{ predicate: 'gradIsMultiple', k: 4, values: X }],
      pytorch: {
        code: `${SETUP}\nz.backward()\nprint(x.grad)`,
        output: `tensor([-8., -7., -6., -5., -4., -3., -2., -1.,  0.,  1.,  2.,  3.,  4.,  5.,
         6.,  7.,  8.])`,
      },
    },
    {
      text: {
        en: 'Press [[shell.run.backward]] again. PyTorch does not replace .grad: it adds the new gradient to it. x.grad becomes 4x + 4x = 8x.',
        ja: 'もう一度 [[shell.run.backward]] を押してください。PyTorch は .grad を置き換えず、新しい勾配を足し込みます。x.grad は 4x + 4x = 8x になります。',
      },
      hint: {
        en: 'x.grad should be 8x: two backward passes without zeroing in between. If you zeroed it, press [[shell.run.backward]] twice.',
        ja: 'x.grad は 8x になるはずです。間でゼロにせず逆伝播を2回行います。ゼロにした場合は [[shell.run.backward]] を2回押してください。',
      },
      point: 'toolbar.backward',
      check: [{ predicate: 'gradIsMultiple', k: 8, values: X }],
      pytorch: {
        code: `${SETUP}\nz.backward(retain_graph=True)\nz.backward()\nprint(x.grad)`,
        output: `tensor([-16., -14., -12., -10.,  -8.,  -6.,  -4.,  -2.,   0.,   2.,   4.,   6.,
          8.,  10.,  12.,  14.,  16.])`,
      },
    },
    {
      text: {
        en: 'This is why a training loop starts each step with optimizer.zero_grad(). Press [[shell.run.zeroGrad]]: every .grad becomes 0.',
        ja: 'これが、学習ループが毎回 optimizer.zero_grad() から始まる理由です。[[shell.run.zeroGrad]] を押してください。すべての .grad が 0 になります。',
      },
      hint: {
        en: 'x.grad should be all zeros: press [[shell.run.zeroGrad]] (not [[shell.run.backward]]).',
        ja: 'x.grad がすべて 0 になるはずです。[[shell.run.backward]] ではなく [[shell.run.zeroGrad]] を押してください。',
      },
      point: 'toolbar.zeroGrad',
      check: [{ predicate: 'gradIsMultiple', k: 0, values: X }],
      pytorch: {
        code: `${SETUP}\nz.backward()\nx.grad.zero_()\nprint(x.grad)`,
        output: 'tensor([0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0., 0.])',
      },
    },
    {
      text: {
        en: 'Press [[shell.run.backward]] once more. Starting from zero, x.grad is 4x again: one backward pass, one gradient.',
        ja: 'もう一度 [[shell.run.backward]] を押してください。ゼロから始めたので、x.grad は再び 4x です。逆伝播1回で勾配1回分です。',
      },
      hint: {
        en: 'x.grad should be 4x: press [[shell.run.zeroGrad]], then [[shell.run.backward]] once.',
        ja: 'x.grad は 4x になるはずです。[[shell.run.zeroGrad]] を押してから [[shell.run.backward]] を1回押してください。',
      },
      point: 'toolbar.backward',
      check: [
        { predicate: 'gradIsMultiple', k: 4, values: X },
        { predicate: 'backwardCount', exactly: 1 },
      ],
      pytorch: {
        code: `${SETUP}\nx.grad = None  # or x.grad.zero_() after an earlier backward\nz.backward()\nprint(x.grad)`,
        output: `tensor([-8., -7., -6., -5., -4., -3., -2., -1.,  0.,  1.,  2.,  3.,  4.,  5.,
         6.,  7.,  8.])`,
      },
    },
  ],
};
