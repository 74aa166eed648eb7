import type { LessonFile } from '../schema';

/** Lesson 11: multi-class classification with softmax and cross-entropy; accuracy by argmax. */
export const multiclassClassification: LessonFile = {
  id: 'multiclass-classification',
  number: 11,
  title: { en: 'Multi-class classification', ja: '多クラス分類' },
  goal: { en: 'Score three classes with linear(2, 3), train with cross-entropy (softmax inside) and read the accuracy.', ja: 'linear(2, 3) で3クラスのスコアを出し、交差エントロピー (内部で softmax) で学習して精度を読む。' },
  setup: [
    { do: 'openExample', file: 'multiclass-classification.json' },
    { do: 'openTab', tab: 'dock.plots' },
  ],
  focus: ['X', 'linear', 'loss'],
  steps: [
    {
      text: {
        en: 'Three clouds of points with labels 0, 1 and 2. linear(2, 3) gives each point three scores (logits), one per class; softmax would turn them into probabilities that add up to 1. Select the linear node and read its scores in the [[shell.tab.inspector]].',
        ja: 'ラベル 0, 1, 2 の3つの点群です。linear(2, 3) が各点にクラスごとのスコア (ロジット) を3つ与えます。softmax はそれを合計 1 の確率に変えます。linear ノードを選択し、[[shell.tab.inspector]] でスコアを読んでください。',
      },
      hint: { en: 'Select the linear node (between X and the loss).', ja: 'linear ノード (X と loss の間) を選択してください。' },
      check: [{ predicate: 'selectedOp', op: 'linear' }],
      pytorch: { code: 'z = torch.tensor([[2.0, 1.0, 0.1]])\nprint(torch.softmax(z, dim=1))', output: 'tensor([[0.6590, 0.2424, 0.0986]])' },
    },
    {
      text: {
        en: 'cross_entropy applies softmax and takes −log of the true class’s probability, as nn.CrossEntropyLoss does (so the graph needs no softmax node). In the [[shell.tab.train]] tab press [[train.start]] and watch [[plot.loss]] fall below 0.2.',
        ja: 'cross_entropy は softmax をかけて正解クラスの確率の −log をとります。nn.CrossEntropyLoss と同じなので、グラフに softmax ノードは要りません。[[shell.tab.train]] タブで [[train.start]] を押し、[[plot.loss]] が 0.2 を下回るのを見てください。',
      },
      hint: { en: 'Press [[train.start]] and let it run at least 100 epochs; the latest loss should be below 0.2.', ja: '[[train.start]] を押して 100 エポック以上学習させてください。最新の損失が 0.2 を下回るはずです。' },
      point: 'side.tab.train',
      check: [
        { predicate: 'stepsTaken', atLeast: 100 },
        { predicate: 'lossBelow', value: 0.2 },
      ],
      pytorch: {
        code: 'import torch.nn.functional as F\nz = torch.tensor([[2.0, 1.0, 0.1]])\nprint(F.cross_entropy(z, torch.tensor([0])))',
        output: 'tensor(0.4170)',
      },
    },
    {
      text: {
        en: 'The predicted class is the one with the largest score (argmax). In [[shell.tab.plots]] choose [[plot.data]] to see the three regions. The accuracy should be at least 0.95.',
        ja: '予測クラスはスコアが最大のクラス (argmax) です。[[shell.tab.plots]] で [[plot.data]] を選ぶと3つの領域が見えます。精度は 0.95 以上になるはずです。',
      },
      hint: { en: 'Train longer with [[train.start]] until at least 95% of the points are in their class’s region.', ja: '95% 以上の点が自分のクラスの領域に入るまで、[[train.start]] でさらに学習してください。' },
      point: 'plot.select',
      check: [{ predicate: 'accuracyAtLeast', value: 0.95 }],
      pytorch: {
        code: 'scores = torch.tensor([[2.0, 1.0, 0.1], [0.2, 0.1, 3.0], [0.5, 2.5, 0.3]])\nlabels = torch.tensor([0, 2, 0])\npredicted = scores.argmax(dim=1)\nprint(predicted, (predicted == labels).float().mean())',
        output: 'tensor([0, 2, 1]) tensor(0.6667)',
      },
    },
  ],
};
