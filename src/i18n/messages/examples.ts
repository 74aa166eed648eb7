/** The shipped examples' titles and descriptions (public/examples), by file name without `.json`; `code` in a description is set in backticks. */
export const examples = {
  'example.composite-function.title': { en: 'Composite function y = 2x² + 2', ja: '合成関数 y = 2x² + 2' },
  'example.composite-function.description': {
    en: '`x = arange(-2, 2.1, 0.25)` with `requires_grad`; `y = 2x² + 2`; `z = y.sum()`; `z.backward()` gives `x.grad = 4x`.',
    ja: '`x = arange(-2, 2.1, 0.25)`（`requires_grad` あり）、`y = 2x² + 2`、`z = y.sum()`。`z.backward()` で勾配 `x.grad = 4x` が求まります。',
  },
  'example.sigmoid-function.title': { en: 'Sigmoid y = σ(x)', ja: 'シグモイド関数 y = σ(x)' },
  'example.sigmoid-function.description': {
    en: '`x = arange(-2, 2.1, 0.25)` with `requires_grad`; `y = sigmoid(x)`; `z = y.sum()`; `x.grad = σ(x)(1 − σ(x))`.',
    ja: '`x = arange(-2, 2.1, 0.25)`（`requires_grad` あり）、`y = sigmoid(x)`、`z = y.sum()`。勾配は `x.grad = σ(x)(1 − σ(x))` です。',
  },
  'example.linear-regression-by-hand.title': { en: 'Linear regression by hand', ja: '線形回帰（手作りのモデル）' },
  'example.linear-regression-by-hand.description': {
    en: 'Height and weight of five people, centred. `Yp = W·X + B` with `W = B = 1.0` to start; loss = `mean((Yp − Y)²)`; SGD with lr 0.001 for 500 epochs.',
    ja: '5 人の身長と体重（平均を引いたもの）。`Yp = W·X + B`、重みとバイアスの初期値は `W = B = 1.0`。損失は `mean((Yp − Y)²)`。学習率 0.001 の確率的勾配降下法で 500 エポック学習します。',
  },
  'example.linear-regression-module.title': { en: 'Linear regression with nn.Linear', ja: 'nn.Linear による線形回帰' },
  'example.linear-regression-module.description': {
    en: 'The same five people with `linear(1, 1)`, weight and bias 1.0 to start, and MSE loss; SGD with lr 0.001 for 500 epochs.',
    ja: '同じ 5 人のデータを `linear(1, 1)` で。重みとバイアスの初期値は 1.0、損失は平均二乗誤差。学習率 0.001 の確率的勾配降下法で 500 エポック学習します。',
  },
  'example.binary-classification.title': { en: 'Binary classification', ja: '2 クラス分類' },
  'example.binary-classification.description': {
    en: 'Two generated Gaussian blobs (seed 1; 20 more points from seed 101 in `blobs_test` for validation): `linear(2, 1)` → `sigmoid` → binary cross-entropy; SGD with lr 0.1 for 300 epochs, logging loss and accuracy on both.',
    ja: '生成した 2 つのガウス分布の点の集まり（シード 1。検証用にシード 101 の 20 点が `blobs_test` にあります）：`linear(2, 1)` → `sigmoid` → 2 値交差エントロピー。学習率 0.1 の確率的勾配降下法で 300 エポック学習し、両方の損失と精度を記録します。',
  },
  'example.multiclass-classification.title': { en: 'Three-class classification', ja: '3 クラス分類' },
  'example.multiclass-classification.description': {
    en: 'Three generated Gaussian blobs (seed 2; 30 more points from seed 102 in `blobs_test` for validation): `linear(2, 3)` → cross-entropy with class labels 0, 1, 2; SGD with lr 0.1 for 300 epochs, logging loss and accuracy on both.',
    ja: '生成した 3 つのガウス分布の点の集まり（シード 2。検証用にシード 102 の 30 点が `blobs_test` にあります）：`linear(2, 3)` → クラスラベル 0, 1, 2 の交差エントロピー。学習率 0.1 の確率的勾配降下法で 300 エポック学習し、両方の損失と精度を記録します。',
  },
} as const;
