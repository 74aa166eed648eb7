import type { LessonFile } from '../schema';
import { XS } from './xs';

const START = `x = torch.arange(-2, 2.1, 0.25, requires_grad=True)
y = 2 * x**2 + 2
z = y.sum()`;

/** Lesson 6: Define-by-Run — the graph is recorded as the code runs; grad_fn names as make_dot draws them. */
export const defineByRun: LessonFile = {
  id: 'define-by-run',
  number: 6,
  title: { en: 'Define-by-Run and the computation graph', ja: 'Define-by-Run と計算グラフ' },
  goal: { en: 'Run the forward pass one operation at a time, label the graph with grad_fn names, and follow backward through it.', ja: '順伝播を1演算ずつ実行し、計算グラフに grad_fn 名を付け、逆伝播がそれをたどる様子を見る。' },
  setup: [
    { do: 'openExample', file: 'composite-function.json' },
    { do: 'openTab', tab: 'dock.step' },
  ],
  focus: ['x', 'square', 'scale'],
  steps: [
    {
      text: {
        en: 'PyTorch builds the computation graph while the code runs (Define-by-Run): each operation records where its result came from. Press [[stepper.step]] (or →) a few times: x, square, scale, y and z are computed one by one, in the order the code runs.',
        ja: 'PyTorch はコードの実行中に計算グラフを作ります (Define-by-Run)。各演算は結果の出どころを記録します。[[stepper.step]] (または →) を数回押してください。x, square, scale, y, z がコードの実行順に1つずつ計算されます。',
      },
      hint: { en: 'Press [[stepper.step]] in the step bar above the canvas: it shows the forward pass one node at a time.', ja: 'キャンバス上のステップバーの [[stepper.step]] を押してください。順伝播を1ノードずつ表示します。' },
      point: 'step.step',
      check: [{ predicate: 'stepPhaseShown', phase: 'loss' }],
      pytorch: { code: `${START}\nprint(z)`, output: 'tensor(85., grad_fn=<SumBackward0>)' },
    },
    {
      text: {
        en: 'Each result remembers the function that will compute its gradient: its grad_fn. Tick [[stepper.gradFnLabels]]: the nodes are labelled SumBackward0, AddBackward0, MulBackward0 and PowBackward0, the names torchviz’s make_dot draws. x is a leaf: it has no grad_fn, and its gradient is accumulated into x.grad (AccumulateGrad).',
        ja: '各結果は、自分の勾配を計算する関数 grad_fn を覚えています。[[stepper.gradFnLabels]] にチェックを入れてください。ノードに SumBackward0, AddBackward0, MulBackward0, PowBackward0 と、torchviz の make_dot と同じ名前が付きます。x は葉 (leaf) なので grad_fn を持たず、勾配は x.grad に蓄積されます (AccumulateGrad)。',
      },
      hint: { en: 'Tick the [[stepper.gradFnLabels]] box in the [[shell.tab.step]] tab under the canvas.', ja: 'キャンバス下の [[shell.tab.step]] タブにある [[stepper.gradFnLabels]] にチェックを入れてください。' },
      point: 'step.gradFnLabels',
      check: [{ predicate: 'gradFnLabels', on: true }],
      pytorch: {
        code: `${START}\nnames = []\nf = z.grad_fn\nwhile f is not None:\n    names.append(type(f).__name__)\n    f = f.next_functions[0][0] if f.next_functions else None\nprint(names)`,
        output: "['SumBackward0', 'AddBackward0', 'MulBackward0', 'PowBackward0', 'AccumulateGrad']",
      },
    },
    {
      text: {
        en: 'z.backward() walks the recorded graph backwards, from z to x, each grad_fn passing the gradient on. Keep pressing [[stepper.step]] through the backward phase until x.grad appears: 4x.',
        ja: 'z.backward() は記録されたグラフを z から x へ逆にたどり、各 grad_fn が勾配を渡していきます。x.grad (4x) が現れるまで、逆伝播のフェーズを [[stepper.step]] で進めてください。',
      },
      hint: { en: 'Go on with [[stepper.step]] (or [[stepper.phase]]) until the backward phase has reached x.', ja: '逆伝播が x に届くまで [[stepper.step]] (または [[stepper.phase]]) で進めてください。' },
      point: 'step.step',
      check: [
        { predicate: 'stepPhaseShown', phase: 'backward' },
        { predicate: 'gradIsMultiple', k: 4, values: [...XS] },
      ],
      pytorch: {
        code: `${START}\nz.backward()\nprint(x.grad)`,
        output: `tensor([-8., -7., -6., -5., -4., -3., -2., -1.,  0.,  1.,  2.,  3.,  4.,  5.,
         6.,  7.,  8.])`,
      },
    },
  ],
};
