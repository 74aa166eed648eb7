import type { LessonFile } from '../schema';
import { XS } from './xs';

const X = [...XS];
const X2 = X.map((x) => x * x);
const TWO_X2 = X.map((x) => 2 * x * x);
const Y = X.map((x) => 2 * x * x + 2);

/** Lesson 1: functions and composite functions, y = 2x² + 2 built node by node. */
export const functions: LessonFile = {
  id: 'functions',
  number: 1,
  title: { en: 'Functions and composite functions', ja: '関数と合成関数' },
  goal: { en: 'Build y = 2x² + 2 over x = arange(−2, 2.1, 0.25) and read its values and plot.', ja: 'x = arange(−2, 2.1, 0.25) に対する y = 2x² + 2 を組み立て、値とグラフを読む。' },
  setup: [{ do: 'newGraph' }],
  steps: [
    {
      text: {
        en: 'Start with x. Drag input from the palette onto the canvas. In the [[shell.tab.inspector]], set [[inspector.source]] to [[inspector.source.arange]] with [[inspector.arange.start]] −2, [[inspector.arange.end]] 2.1 and [[inspector.arange.step]] 0.25 (press Enter after each).',
        ja: 'まず x を作ります。パレットの input をキャンバスへドラッグしてください。[[shell.tab.inspector]] で [[inspector.source]] を [[inspector.source.arange]] にし、[[inspector.arange.start]] −2、[[inspector.arange.end]] 2.1、[[inspector.arange.step]] 0.25 を入力します(それぞれ Enter で確定)。',
      },
      hint: {
        en: 'x should hold the 17 values −2, −1.75, …, 2. The end 2.1 is not included, so 2 is the last value.',
        ja: 'x は −2, −1.75, …, 2 の 17 個の値になるはずです。終了 2.1 は含まれないので、最後の値は 2 です。',
      },
      point: 'palette.input',
      check: [{ predicate: 'nodeValues', op: 'input', values: X }],
      pytorch: { code: 'x = torch.arange(-2, 2.1, 0.25)\nprint(x)', output: `tensor([-2.0000, -1.7500, -1.5000, -1.2500, -1.0000, -0.7500, -0.5000, -0.2500,
         0.0000,  0.2500,  0.5000,  0.7500,  1.0000,  1.2500,  1.5000,  1.7500,
         2.0000])` },
    },
    {
      text: {
        en: 'The inner function: square. Drag square onto the canvas and pull a wire from x’s output handle (right) to the square node’s input handle (left).',
        ja: '内側の関数は2乗です。square をキャンバスへドラッグし、x の出力ハンドル(右)から square の入力ハンドル(左)へワイヤーを引いてください。',
      },
      hint: {
        en: 'The square node should compute x²: 4, 3.0625, …, 4. Check that its input is wired to x.',
        ja: 'square ノードは x² (4, 3.0625, …, 4) を計算するはずです。入力が x につながっているか確認してください。',
      },
      point: 'palette.square',
      check: [{ predicate: 'nodeValues', op: 'square', values: X2 }],
      pytorch: { code: 'x = torch.arange(-2, 2.1, 0.25)\nprint(x**2)', output: `tensor([4.0000, 3.0625, 2.2500, 1.5625, 1.0000, 0.5625, 0.2500, 0.0625, 0.0000,
        0.0625, 0.2500, 0.5625, 1.0000, 1.5625, 2.2500, 3.0625, 4.0000])` },
    },
    {
      text: {
        en: 'Multiply by 2: drag scale onto the canvas, wire the square node into it, and set k to 2 in the [[shell.tab.inspector]].',
        ja: '2倍します。scale をキャンバスへドラッグし、square ノードをつないで、[[shell.tab.inspector]] で k を 2 にしてください。',
      },
      hint: {
        en: 'One node should compute 2x²: 8, 6.125, …, 8. Is k 2, and is the scale node fed by the square node?',
        ja: 'どれかのノードが 2x² (8, 6.125, …, 8) を計算するはずです。k は 2 ですか。scale ノードの入力は square ノードですか。',
      },
      point: 'palette.scale',
      check: [{ predicate: 'nodeValues', values: TWO_X2 }],
      pytorch: { code: 'x = torch.arange(-2, 2.1, 0.25)\nprint(2 * x**2)', output: `tensor([8.0000, 6.1250, 4.5000, 3.1250, 2.0000, 1.1250, 0.5000, 0.1250, 0.0000,
        0.1250, 0.5000, 1.1250, 2.0000, 3.1250, 4.5000, 6.1250, 8.0000])` },
    },
    {
      text: {
        en: 'Add 2: drag add onto the canvas, wire the scale node into its input a, and set c to 2. This node is y = 2x² + 2, a composite function: the outer function 2u + 2 applied to the inner u = x².',
        ja: '2 を足します。add をキャンバスへドラッグし、scale ノードを入力 a につないで、c を 2 にしてください。このノードが y = 2x² + 2 です。内側の u = x² に外側の関数 2u + 2 を重ねた合成関数です。',
      },
      hint: {
        en: 'One node should compute 2x² + 2: 10, 8.125, …, 2, …, 10. With b unwired, add uses c in its place.',
        ja: 'どれかのノードが 2x² + 2 (10, 8.125, …, 2, …, 10) を計算するはずです。b が未接続のとき、add は代わりに c を使います。',
      },
      point: 'palette.add',
      check: [{ predicate: 'nodeValues', values: Y }],
      pytorch: { code: 'x = torch.arange(-2, 2.1, 0.25)\ny = 2 * x**2 + 2\nprint(y)', output: `tensor([10.0000,  8.1250,  6.5000,  5.1250,  4.0000,  3.1250,  2.5000,  2.1250,
         2.0000,  2.1250,  2.5000,  3.1250,  4.0000,  5.1250,  6.5000,  8.1250,
        10.0000])` },
    },
    {
      text: {
        en: 'Read y: click the y node to select it; the [[shell.tab.inspector]] lists its 17 values. Then open [[shell.tab.plots]] and choose [[plot.function]]: the parabola with its lowest point y = 2 at x = 0.',
        ja: 'y を読みます。y のノードをクリックして選択すると、[[shell.tab.inspector]] に 17 個の値が並びます。次に [[shell.tab.plots]] を開いて [[plot.function]] を選ぶと、x = 0 で最小値 y = 2 をとる放物線が見えます。',
      },
      hint: {
        en: 'Select the node that computes y = 2x² + 2 (click it on the canvas).',
        ja: 'y = 2x² + 2 を計算するノードを選択してください(キャンバス上でクリック)。',
      },
      point: 'dock.tab.plots',
      check: [{ predicate: 'selectedValues', values: Y }],
      pytorch: { code: 'x = torch.arange(-2, 2.1, 0.25)\ny = 2 * x**2 + 2\nprint(y[8], y.shape)', output: 'tensor(2.) torch.Size([17])' },
    },
  ],
};
