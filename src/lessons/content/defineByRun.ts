import type { LessonFile } from '../schema';
import { XS } from './xs';

/** The course's lines, as the lesson puts them in the code panel for the learner to run. */
const STARTER = `import torch

x = torch.arange(-2, 2.1, 0.25, requires_grad=True)
y = 2 * x**2 + 2
z = y.sum()
z.backward()
print(x.grad)
`;

const X_LINE = 'x = torch.arange(-2, 2.1, 0.25, requires_grad=True)';
const Y_LINE = 'y = 2 * x**2 + 2';

/** The ops of the nodes each line of the starter adds: x; square, scale and y; z. */
const X_OPS = ['input'];
const Y_OPS = [...X_OPS, 'square', 'scale', 'add'];
const Z_OPS = [...Y_OPS, 'sum'];

/** Lesson 6: Define-by-Run — the learner runs the course's code a statement at a time and watches the graph being recorded. */
export const defineByRun: LessonFile = {
  id: 'define-by-run',
  number: 6,
  title: { en: 'Define-by-Run and the computation graph', ja: 'Define by Run と計算グラフ' },
  goal: {
    en: 'Run PyTorch code one statement at a time and watch the computation graph build itself; run backward through it; change a line and see the graph built again.',
    ja: 'PyTorch のコードを1文ずつ実行し、計算グラフができていく様子を見る。逆伝播を実行し、1行を変えてグラフが作り直されるのを見る。',
  },
  setup: [
    { do: 'newGraph' },
    { do: 'openTab', tab: 'dock.code' },
    { do: 'showCode', code: STARTER },
  ],
  steps: [
    {
      text: {
        en: 'PyTorch builds the computation graph while the code runs: Define by Run. The lesson opened an empty canvas and put the course’s code in the [[code.tab]] tab under it. Press [[code.step]]: the first press runs import torch (no node yet), the second runs the x line, and the node x appears — a leaf tensor with requires_grad=True.',
        ja: 'PyTorch はコードを実行しながら計算グラフを作ります。これが Define by Run です。レッスンは空のキャンバスを開き、その下の [[code.tab]] タブに講座のコードを入れました。[[code.step]] を押してください。1回目は import torch を実行し (ノードはまだありません)、2回目で x の行が実行されてノード x が現れます。requires_grad=True の葉 (leaf) のテンソルです。',
      },
      hint: {
        en: `Press [[code.step]] in the [[code.tab]] tab until the line ${X_LINE} has run.`,
        ja: `[[code.tab]] タブの [[code.step]] を、${X_LINE} の行が実行されるまで押してください。`,
      },
      point: 'code.step',
      setup: [{ do: 'openTab', tab: 'dock.code' }],
      check: [{ predicate: 'nodeOps', ops: X_OPS }],
      pytorch: { code: `${X_LINE}\nprint(x.is_leaf, x.requires_grad, x.grad_fn)`, output: 'True True None' },
    },
    {
      text: {
        en: `Press [[code.step]] again: ${Y_LINE} runs, and square, scale and y appear, wired to x. The forward pass records each operation as it computes it, so the graph is exactly what ran. y remembers the last one as its grad_fn: AddBackward0.`,
        ja: `もう一度 [[code.step]] を押してください。${Y_LINE} が実行され、square, scale, y が x につながって現れます。順伝播は各演算を計算しながら記録するので、計算グラフは実行されたものそのものです。y は最後の演算を grad_fn (AddBackward0) として覚えています。`,
      },
      hint: {
        en: `Each press of [[code.step]] runs the next line. After an edit of the code the next press starts again from the first line; the line ${Y_LINE} adds square, scale and y.`,
        ja: `[[code.step]] を押すたびに次の行が実行されます。コードを編集すると、次は1行目からやり直します。${Y_LINE} の行で square, scale, y が追加されます。`,
      },
      point: 'code.step',
      check: [{ predicate: 'nodeOps', ops: Y_OPS }],
      pytorch: { code: `${X_LINE}\n${Y_LINE}\nprint(type(y.grad_fn).__name__)`, output: 'AddBackward0' },
    },
    {
      text: {
        en: 'Once more: z = y.sum() adds z. The forward pass is done: the graph holds the whole function, and z = 85.',
        ja: 'もう一度押すと z = y.sum() が z を追加します。順伝播はここまでです。計算グラフに関数全体が記録され、z = 85 になります。',
      },
      hint: { en: 'Press [[code.step]] until the line z = y.sum() has run and z = 85 shows on the canvas.', ja: 'z = y.sum() の行が実行され、キャンバスに z = 85 が表示されるまで [[code.step]] を押してください。' },
      point: 'code.step',
      check: [
        { predicate: 'nodeOps', ops: Z_OPS },
        { predicate: 'nodeValues', op: 'sum', values: [85] },
      ],
      pytorch: { code: `${X_LINE}\n${Y_LINE}\nz = y.sum()\nprint(z)`, output: 'tensor(85., grad_fn=<SumBackward0>)' },
    },
    {
      text: {
        en: 'Press [[code.step]] on z.backward(): the backward pass walks the recorded graph back from z to x, each grad_fn passing the gradient on. x is a leaf, so its gradient is kept in x.grad: 4x. Click x on the canvas to read it in the [[shell.tab.inspector]], under the values of x: −8, −7, …, 8.',
        ja: 'z.backward() の行で [[code.step]] を押してください。逆伝播は記録された計算グラフを z から x へ逆にたどり、各 grad_fn が勾配を渡していきます。x は葉なので、勾配は x.grad に残ります。4x です。キャンバスの x をクリックすると、[[shell.tab.inspector]] の x の値の下で読めます: −8, −7, …, 8。',
      },
      hint: {
        en: 'x.grad is 4x after one backward; a second backward adds another 4x. Press [[code.step]] until z.backward() has run once (running from the first line again builds the graph afresh).',
        ja: '1回の逆伝播で x.grad は 4x です。2回目の逆伝播はさらに 4x を足します。z.backward() が1回実行されるまで [[code.step]] を押してください (1行目から実行し直すと計算グラフは新しく作られます)。',
      },
      point: 'code.step',
      check: [{ predicate: 'gradIsMultiple', k: 4, values: [...XS] }],
      pytorch: {
        code: `${X_LINE}\n${Y_LINE}\nz = y.sum()\nz.backward()\nprint(x.grad)`,
        output: `tensor([-8., -7., -6., -5., -4., -3., -2., -1.,  0.,  1.,  2.,  3.,  4.,  5.,
         6.,  7.,  8.])`,
      },
    },
    {
      text: {
        en: 'The graph is not declared beforehand: it is whatever the code did when it ran. Change the y line to y = 3 * x**2 + 2 and press [[code.run]] (or Ctrl+Enter): the graph is built again from the code — scale now multiplies by 3 — z = 110.5, and backward gives x.grad = 6x (click x to read it).',
        ja: '計算グラフは前もって宣言するものではなく、コードが実行したとおりに作られます。y の行を y = 3 * x**2 + 2 に書き換えて [[code.run]] (または Ctrl+Enter) を押してください。コードから計算グラフが作り直され (scale は 3 倍になります)、z = 110.5、逆伝播で x.grad = 6x になります (x をクリックすると読めます)。',
      },
      hint: {
        en: 'Edit the y line in the [[code.tab]] tab to read y = 3 * x**2 + 2, then press [[code.run]]: it runs every line, z.backward() included.',
        ja: '[[code.tab]] タブで y の行を y = 3 * x**2 + 2 に書き換えてから [[code.run]] を押してください。z.backward() を含むすべての行が実行されます。',
      },
      point: 'code.run',
      setup: [{ do: 'openTab', tab: 'dock.code' }],
      check: [
        { predicate: 'nodeValues', op: 'sum', values: [110.5] },
        { predicate: 'gradIsMultiple', k: 6, values: [...XS] },
      ],
      pytorch: {
        code: `${X_LINE}\ny = 3 * x**2 + 2\nz = y.sum()\nz.backward()\nprint(z)\nprint(x.grad)`,
        output: `tensor(110.5000, grad_fn=<SumBackward0>)
tensor([-12.0000, -10.5000,  -9.0000,  -7.5000,  -6.0000,  -4.5000,  -3.0000,
         -1.5000,   0.0000,   1.5000,   3.0000,   4.5000,   6.0000,   7.5000,
          9.0000,  10.5000,  12.0000])`,
      },
    },
    {
      text: {
        en: 'Each recorded operation is a grad_fn object, the names torchviz’s make_dot draws. Tick [[stepper.gradFnLabels]] in the [[shell.tab.step]] tab: the nodes are labelled SumBackward0, AddBackward0, MulBackward0 and PowBackward0; x, a leaf, has none — its gradient goes to x.grad (AccumulateGrad).',
        ja: '記録された各演算は grad_fn オブジェクトで、torchviz の make_dot が描く名前です。[[shell.tab.step]] タブの [[stepper.gradFnLabels]] にチェックを入れてください。ノードに SumBackward0, AddBackward0, MulBackward0, PowBackward0 と表示されます。葉の x には grad_fn がなく、勾配は x.grad に蓄積されます (AccumulateGrad)。',
      },
      hint: { en: 'Tick the [[stepper.gradFnLabels]] box in the [[shell.tab.step]] tab under the canvas.', ja: 'キャンバス下の [[shell.tab.step]] タブにある [[stepper.gradFnLabels]] にチェックを入れてください。' },
      point: 'step.gradFnLabels',
      setup: [{ do: 'openTab', tab: 'dock.step' }],
      focus: ['scale', 'y', 'z'],
      check: [{ predicate: 'gradFnLabels', on: true }],
      pytorch: {
        code: `${X_LINE}\ny = 3 * x**2 + 2\nz = y.sum()\nnames = []\nf = z.grad_fn\nwhile f is not None:\n    names.append(type(f).__name__)\n    f = f.next_functions[0][0] if f.next_functions else None\nprint(*names, sep='\\n')`,
        output: 'SumBackward0\nAddBackward0\nMulBackward0\nPowBackward0\nAccumulateGrad',
      },
    },
  ],
};
