import type { LessonFile } from '../schema';

/** Lesson 10: binary classification with sigmoid and binary cross-entropy; the decision boundary and accuracy. */
export const binaryClassification: LessonFile = {
  id: 'binary-classification',
  number: 10,
  title: { en: 'Binary classification', ja: '2値分類' },
  goal: { en: 'Turn a linear score into a probability with sigmoid, train with binary cross-entropy and read the accuracy.', ja: '線形のスコアを sigmoid で確率に変え、2値交差エントロピーで学習し、精度を読む。' },
  setup: [
    { do: 'openExample', file: 'binary-classification.json' },
    { do: 'openTab', tab: 'dock.plots' },
  ],
  focus: ['linear', 'prob', 'loss'],
  steps: [
    {
      text: {
        en: 'Two clouds of points X with labels 0 and 1. linear(2, 1) gives each point a score z; sigmoid turns it into a probability σ(z) = 1 / (1 + e^(−z)) between 0 and 1. Click the probability node to select it and read its values in the [[shell.tab.inspector]].',
        ja: 'ラベル 0 と 1 の2つの点群 X です。linear(2, 1) が各点にスコア z を与え、sigmoid が 0 から 1 の確率 σ(z) = 1 / (1 + e^(−z)) に変えます。probability ノードをクリックして選択し、[[shell.tab.inspector]] で値を読んでください。',
      },
      hint: { en: 'Select the node labelled probability (the sigmoid node).', ja: 'probability というラベルのノード (sigmoid ノード) を選択してください。' },
      check: [{ predicate: 'selectedOp', op: 'sigmoid' }],
      pytorch: { code: 'print(torch.sigmoid(torch.tensor([-2., 0., 2.])))', output: 'tensor([0.1192, 0.5000, 0.8808])' },
    },
    {
      text: {
        en: 'The loss is binary cross-entropy, −mean(t·log p + (1 − t)·log(1 − p)): small when p is near the label t. In the [[shell.tab.train]] tab press [[train.start]] (300 epochs) and watch [[plot.loss]] in [[shell.tab.plots]] fall below 0.15.',
        ja: '損失は2値交差エントロピー −mean(t·log p + (1 − t)·log(1 − p)) で、p がラベル t に近いほど小さくなります。[[shell.tab.train]] タブで [[train.start]] (300 エポック) を押し、[[shell.tab.plots]] の [[plot.loss]] が 0.15 を下回るのを見てください。',
      },
      hint: { en: 'Press [[train.start]] and let it run at least 100 epochs; the latest loss should be below 0.15.', ja: '[[train.start]] を押して 100 エポック以上学習させてください。最新の損失が 0.15 を下回るはずです。' },
      point: 'side.tab.train',
      check: [
        { predicate: 'stepsTaken', atLeast: 100 },
        { predicate: 'lossBelow', value: 0.15 },
      ],
      pytorch: {
        code: 'import torch.nn.functional as F\np = torch.tensor([0.9, 0.2, 0.6])  # probabilities\nt = torch.tensor([1., 0., 1.])     # labels\nprint(F.binary_cross_entropy(p, t))',
        output: 'tensor(0.2798)',
      },
    },
    {
      text: {
        en: 'In [[shell.tab.plots]] choose [[plot.data]]: the line where σ(z) = 0.5 is the decision boundary; points on one side are predicted 1, on the other 0. The accuracy is the fraction predicted right: it should be at least 0.95.',
        ja: '[[shell.tab.plots]] で [[plot.data]] を選んでください。σ(z) = 0.5 となる線が決定境界で、片側の点は 1、反対側は 0 と予測されます。精度は予測が当たった割合で、0.95 以上になるはずです。',
      },
      hint: { en: 'The model needs more training: press [[train.start]] again until at least 95% of the points are on the right side.', ja: '学習が足りません。95% 以上の点が正しい側に来るまで、もう一度 [[train.start]] を押してください。' },
      point: 'plot.select',
      check: [{ predicate: 'accuracyAtLeast', value: 0.95 }],
      pytorch: {
        code: 'p = torch.tensor([0.9, 0.2, 0.6])\nt = torch.tensor([1., 0., 1.])\nprint(((p > 0.5).float() == t).float().mean())',
        output: 'tensor(1.)',
      },
    },
  ],
};
