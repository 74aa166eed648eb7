import type { LessonFile } from '../schema';
import { XS } from './xs';

const X = [...XS];
const START = 'x = torch.arange(-2, 2.1, 0.25, requires_grad=True)';

/** Lesson 5: tensors — shapes, broadcasting, and the reductions sum, mean and max with their gradients. */
export const tensors: LessonFile = {
  id: 'tensors',
  number: 5,
  title: { en: 'Tensors: shapes, broadcasting, reductions', ja: 'テンソル: 形状・ブロードキャスト・集約' },
  goal: { en: 'Read shapes, see a scalar broadcast, and compare the gradients of sum, mean and max.', ja: '形状を読み、スカラーのブロードキャストを確かめ、sum・mean・max の勾配を比べる。' },
  setup: [{ do: 'openExample', file: 'composite-function.json' }],
  focus: ['x', 'square', 'scale'],
  steps: [
    {
      text: {
        en: 'Each node’s header shows its shape: x and y are 1-D tensors of 17 values, shape [17]; z = y.sum() reduces them to a 0-D tensor (a scalar), shape []. Click z to select it: its one value is 85.',
        ja: '各ノードの見出しに形状が出ています。x と y は 17 個の値をもつ 1 次元テンソル (形状 [17])、z = y.sum() はそれを 0 次元テンソル (スカラー、形状 []) に集約します。z をクリックして選択してください。値は 85 です。',
      },
      hint: { en: 'Select the node labelled z (the sum at the end).', ja: '最後の sum ノード z を選択してください。' },
      check: [{ predicate: 'selectedValues', values: [85] }],
      pytorch: { code: `${START}\ny = 2 * x**2 + 2\nprint(x.shape, y.sum().shape)`, output: 'torch.Size([17]) torch.Size([])' },
    },
    {
      text: {
        en: 'Broadcasting: y adds the scalar c to every one of the 17 elements. Select y and set c to 3 in the [[shell.tab.inspector]]: every element of y goes up by 1.',
        ja: 'ブロードキャスト: y はスカラー c を 17 個の要素すべてに足します。y を選択し、[[shell.tab.inspector]] で c を 3 にしてください。y のすべての要素が 1 ずつ増えます。',
      },
      hint: { en: 'y should be 2x² + 3: 11, 9.125, …, 3, …, 11. Select y and type 3 into c, then press Enter.', ja: 'y は 2x² + 3 (11, 9.125, …, 3, …, 11) になるはずです。y を選択して c に 3 を入力し、Enter を押してください。' },
      check: [{ predicate: 'nodeValues', values: X.map((x) => 2 * x * x + 3) }],
      pytorch: {
        code: `${START}\ny = 2 * x**2 + 3\nprint(y)`,
        output: `tensor([11.0000,  9.1250,  7.5000,  6.1250,  5.0000,  4.1250,  3.5000,  3.1250,
         3.0000,  3.1250,  3.5000,  4.1250,  5.0000,  6.1250,  7.5000,  9.1250,
        11.0000], grad_fn=<AddBackward0>)`,
      },
    },
    {
      text: {
        en: 'sum passes the gradient 1 back to every element, so x.grad = dy/dx = 4x. Press [[shell.run.backward]].',
        ja: 'sum はすべての要素に勾配 1 を返すので、x.grad = dy/dx = 4x です。[[shell.run.backward]] を押してください。',
      },
      hint: { en: 'x.grad should be 4x: press [[shell.run.zeroGrad]], then [[shell.run.backward]] once.', ja: 'x.grad は 4x になるはずです。[[shell.run.zeroGrad]] を押してから [[shell.run.backward]] を1回押してください。' },
      point: 'toolbar.backward',
      check: [{ predicate: 'gradIsMultiple', k: 4, values: X }],
      pytorch: { code: `${START}\ny = 2 * x**2 + 3\ny.sum().backward()\nprint(x.grad[:4])`, output: 'tensor([-8., -7., -6., -5.])' },
    },
    {
      text: {
        en: 'mean divides by the number of elements, and so does its gradient: 1/17 to each. Drag mean from the palette, wire y into it, tick [[inspector.useAsLoss]] in the [[shell.tab.inspector]], then press [[shell.run.zeroGrad]] and [[shell.run.backward]]: x.grad = 4x / 17.',
        ja: 'mean は要素数で割るので、勾配も各要素に 1/17 です。パレットから mean をドラッグして y をつなぎ、[[shell.tab.inspector]] で [[inspector.useAsLoss]] にチェックを入れてから、[[shell.run.zeroGrad]] と [[shell.run.backward]] を押してください。x.grad = 4x / 17 になります。',
      },
      hint: {
        en: 'x.grad should be 4x/17 (−0.4706 at x = −2): Backward must start from the mean node (tick [[inspector.useAsLoss]] on it), after [[shell.run.zeroGrad]].',
        ja: 'x.grad は 4x/17 (x = −2 で −0.4706) になるはずです。mean ノードで [[inspector.useAsLoss]] にチェックを入れ、[[shell.run.zeroGrad]] の後で逆伝播してください。',
      },
      point: 'palette.mean',
      check: [{ predicate: 'gradIsMultiple', k: 4 / 17, values: X }],
      pytorch: {
        code: `${START}\ny = 2 * x**2 + 3\ny.mean().backward()\nprint(x.grad)`,
        output: `tensor([-0.4706, -0.4118, -0.3529, -0.2941, -0.2353, -0.1765, -0.1176, -0.0588,
         0.0000,  0.0588,  0.1176,  0.1765,  0.2353,  0.2941,  0.3529,  0.4118,
         0.4706])`,
      },
    },
    {
      text: {
        en: 'max picks the largest element, and the gradient flows only there; when several elements tie (here x = −2 and x = 2 both give 11), PyTorch shares it equally. Do the same with max: drag it in, wire y, tick [[inspector.useAsLoss]], [[shell.run.zeroGrad]], [[shell.run.backward]]. x.grad is 0 except −4 and 4 at the ends.',
        ja: 'max は最大の要素を選び、勾配はそこにだけ流れます。複数の要素が並ぶ場合 (ここでは x = −2 と x = 2 がともに 11)、PyTorch は等分します。max でも同じようにしてください: ドラッグして y をつなぎ、[[inspector.useAsLoss]]、[[shell.run.zeroGrad]]、[[shell.run.backward]]。x.grad は両端の −4 と 4 以外は 0 です。',
      },
      hint: { en: 'Backward must start from the max node: tick [[inspector.useAsLoss]] on it, then [[shell.run.zeroGrad]] and [[shell.run.backward]].', ja: 'max ノードから逆伝播する必要があります。max ノードで [[inspector.useAsLoss]] にチェックを入れ、[[shell.run.zeroGrad]] と [[shell.run.backward]] を押してください。' },
      point: 'palette.max',
      check: [{ predicate: 'gradValues', op: 'input', values: X.map((x) => (x === -2 ? -4 : x === 2 ? 4 : 0)) }],
      pytorch: {
        code: `${START}\ny = 2 * x**2 + 3\ny.max().backward()\nprint(x.grad)`,
        output: `tensor([-4., -0., -0., -0., -0., -0., -0., -0.,  0.,  0.,  0.,  0.,  0.,  0.,
         0.,  0.,  4.])`,
      },
    },
  ],
};
