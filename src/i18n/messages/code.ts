/** Strings of the code panel (PyTorch code that builds the graph), in English and Japanese. */
export const code = {
  'code.editor': { en: 'PyTorch code of the graph', ja: '計算グラフの PyTorch コード' },
  'code.run': { en: 'Run', ja: '実行' },
  'code.runHint': { en: 'Build the graph from the whole code (Ctrl+Enter or ⌘+Enter)', ja: 'コード全体から計算グラフを作ります（Ctrl+Enter または ⌘+Enter）' },
  'code.step': { en: 'Run one statement', ja: '1 文ずつ実行' },
  'code.stepHint': { en: 'Run the next statement: its new nodes appear on the canvas', ja: '次の文を実行します。新しいノードがキャンバスに現れます' },
  'code.showGraph': { en: "Show the graph's code", ja: 'グラフのコードを表示' },
  'code.showGraphHint': { en: 'Replace the text with the code of the graph on the canvas', ja: 'テキストをキャンバス上の計算グラフのコードに置き換えます' },
  'code.readOnly': {
    en: 'This graph trains in mini-batches, or in a way the course-style script does not write yet: its code is the exported training script, read-only. Code of the supported subset (docs/code-import.md) can be typed into an empty graph.',
    ja: 'この計算グラフはミニバッチで学習するか、講座の書き方のスクリプトではまだ書けない学習をします。表示しているのは書き出した学習スクリプトで、読み取り専用です。対応する範囲（「docs/code-import.md」を参照）のコードは空のグラフで入力できます。',
  },
  'code.errorAt': { en: 'Line {line}, column {col}: {message} The graph is unchanged.', ja: '{line} 行 {col} 列：{message} 計算グラフは変わっていません。' },
  'code.ran': { en: 'Ran {count} statements: {nodes} nodes.', ja: '{count} 文を実行しました。ノードは {nodes} 個です。' },
  'code.stepped': { en: 'Line {line} ran: {added}', ja: '{line} 行を実行しました：{added}' },
  'code.steppedNone': { en: 'no new nodes', ja: '新しいノードはありません' },
  'code.steppedAdded': { en: 'added {nodes}', ja: '{nodes} を追加' },
  'code.steppedBackward': { en: '{node}.backward() filled .grad', ja: '{node}.backward() で .grad を求めました' },
  'code.stepEnd': { en: 'Every statement has run; the next step starts again from the first line.', ja: 'すべての文を実行しました。次は 1 行目からやり直します。' },
  'code.editLabel': { en: 'Run the code', ja: 'コードを実行' },
  'code.stepLabel': { en: 'Run line {line}', ja: '{line} 行を実行' },
  'code.empty': { en: 'The code has no statements.', ja: 'コードに文がありません。' },
};
