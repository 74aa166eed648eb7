/** Strings of the step panel once a step has started (the explanation and the PyTorch view), in English and Japanese; they load with that panel (stepper/StepDetails.tsx). */
export const stepExplain = {
  'stepper.panel.explain': { en: 'What happened', ja: '何が起きたか' },
  'stepper.panel.start': { en: 'Start of training step {n}: the gradients were zeroed (optimizer.zero_grad()).', ja: '学習ステップ {n} の開始: 勾配をゼロにしました (optimizer.zero_grad())。' },
  'stepper.panel.startNoZero': { en: 'Start of training step {n}: zero grad is off, so the gradients are kept.', ja: '学習ステップ {n} の開始: 勾配のゼロ化がオフなので勾配は残ります。' },
  'stepper.panel.event': { en: 'Event {i} of {n} · {phase}', ja: 'イベント {i} / {n} · {phase}' },
  'stepper.panel.pytorch': { en: 'PyTorch', ja: 'PyTorch' },
  'stepper.panel.noExport': { en: 'No PyTorch view: {message}', ja: 'PyTorch 表示なし: {message}' },
  'stepper.panel.noUpdate': { en: 'This graph has no parameters, so the update phase has nothing to change.', ja: 'このグラフにはパラメータがないため、更新フェーズで変わるものはありません。' },
  'stepper.explain.leaf': { en: '{node} is a leaf: its value is given, not computed.', ja: '{node} はリーフです: 値は与えられたもので、計算されません。' },
  'stepper.explain.forward': { en: '{node} ({op}) computes its output from the values on its input edges.', ja: '{node} ({op}) は入力辺の値から出力を計算します。' },
  'stepper.explain.loss': { en: 'The loss {node} ({op}) measures how far the prediction is from the target.', ja: '損失 {node} ({op}) は予測が目標からどれだけ離れているかを測ります。' },
  'stepper.explain.seed': { en: 'Backward starts at the loss {node}: its gradient with respect to itself is 1.', ja: '逆伝播は損失 {node} から始まります: 自分自身に対する勾配は 1 です。' },
  'stepper.explain.contribution': {
    en: '{target} ({op}) passes a gradient back to {node} through its port {port}: the local derivative times the gradient {target} received.',
    ja: '{target} ({op}) はポート {port} を通して {node} に勾配を返します: 局所的な微分 × {target} が受け取った勾配です。',
  },
  'stepper.explain.sum': { en: '{node} feeds {count} edges, so its gradient is the sum of their contributions.', ja: '{node} は {count} 本の辺に使われているので、勾配はそれらの寄与の合計です。' },
  'stepper.explain.paramGrad': { en: 'The gradient of {node}’s own parameter {param}.', ja: '{node} 自身のパラメータ {param} の勾配です。' },
  'stepper.explain.sgd': { en: 'SGD moves {node} a small step against its gradient.', ja: 'SGD は {node} を勾配と逆向きに少し動かします。' },
  'stepper.explain.optimizer': { en: '{optimizer} moves {node} using its gradient and its state (momentum or moments).', ja: '{optimizer} は勾配と内部状態 (モーメンタムやモーメント) を使って {node} を動かします。' },
  'stepper.note.broadcast': { en: 'Where the input was broadcast, grad_in is summed over the broadcast axes.', ja: '入力がブロードキャストされた軸では grad_in をその軸で合計します。' },
  'stepper.note.reshaped': {
    en: 'Element k of grad_out, counted in row-major order, goes to element k of the input: the gradient takes the input’s shape back.',
    ja: 'grad_out の k 番目の要素（行優先の順）が入力の k 番目の要素になります。勾配は入力の形状に戻ります。',
  },
  'stepper.note.copied': { en: 'The same grad_out is copied to every element of the input.', ja: '同じ grad_out が入力のすべての要素にコピーされます。' },
  'stepper.note.rows': { en: 'Each row (sample) contributes; the contributions are summed.', ja: '各行 (サンプル) が寄与し、それらを合計します。' },
  'stepper.explain.differentiated': {
    en: '{node} ({op}) is the value being differentiated: backward starts here, as {node}.backward() does.',
    ja: '{node} ({op}) は微分する値です: {node}.backward() と同じく、逆伝播はここから始まります。',
  },
  'stepper.explain.seedValue': {
    en: 'Backward starts at {node}, the value being differentiated ({node}.backward()): its gradient with respect to itself is 1.',
    ja: '逆伝播は微分する値 {node} から始まります ({node}.backward()): 自分自身に対する勾配は 1 です。',
  },
  'stepper.follow.default': {
    en: 'Showing element 0 of each tensor (the default). Click a cell in a node’s table (▦) or in the inspector to follow another element.',
    ja: '各テンソルの要素 0 を表示しています (既定)。ノードの表 (▦) やインスペクタのセルをクリックすると、別の要素を追えます。',
  },
  'stepper.follow.chosen': { en: 'Following {element}: each line shows the elements that go with it.', ja: '{element} を追っています: 各行はそれに対応する要素を示します。' },
  'stepper.follow.reset': { en: 'Back to element 0', ja: '要素 0 に戻す' },
  'stepper.explain.paramElement': {
    en: 'Following {followed}: no single element of {param} goes with it (a whole row feeds it), so {element} is shown.',
    ja: '{followed} を追跡中ですが、{param} にはそれと対応する要素が 1 つに決まらない（行全体が関わる）ため、{element} を表示しています。',
  },
} as const;
