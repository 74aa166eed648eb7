/** Strings of the canvas, in English and Japanese. */
export const canvas = {
  'canvas.label': { en: 'Graph canvas', ja: 'グラフキャンバス' },
  'canvas.empty': { en: 'Drag an operator from the palette and drop it here.', ja: 'パレットから演算をここへドラッグしてください。' },
  'canvas.autoLayout': { en: 'Auto-layout', ja: '自動配置' },
  'canvas.autoLayout.title': { en: 'Arrange the graph from left to right', ja: 'グラフを左から右へ自動配置' },

  // React Flow's own controls and screen-reader descriptions.
  'canvas.rf.controls': { en: 'Canvas controls', ja: 'キャンバス操作' },
  'canvas.rf.zoomIn': { en: 'Zoom in', ja: 'ズームイン' },
  'canvas.rf.zoomOut': { en: 'Zoom out', ja: 'ズームアウト' },
  'canvas.rf.fitView': { en: 'Fit view', ja: '全体を表示' },
  'canvas.rf.interactive': { en: 'Lock or unlock editing', ja: '編集のロックを切り替え' },
  'canvas.rf.minimap': { en: 'Mini map', ja: 'ミニマップ' },
  'canvas.rf.handle': { en: 'Port', ja: 'ポート' },
  'canvas.rf.nodeDesc': {
    en: 'Press Enter or Space to select a node. Press Delete to remove it and Escape to cancel.',
    ja: 'Enter または Space でノードを選択します。Delete で削除、Escape で取り消します。',
  },
  'canvas.rf.nodeDescKeyboard': {
    en: 'Press Enter or Space to select a node. You can then use the arrow keys to move it. Press Delete to remove it and Escape to cancel.',
    ja: 'Enter または Space でノードを選択し、矢印キーで移動できます。Delete で削除、Escape で取り消します。',
  },
  'canvas.rf.moved': { en: 'Moved selected node {direction}. New position, x: {x}, y: {y}', ja: '選択したノードを{direction}へ移動しました。新しい位置 x: {x}、y: {y}' },
  'canvas.rf.dir.up': { en: 'up', ja: '上' },
  'canvas.rf.dir.down': { en: 'down', ja: '下' },
  'canvas.rf.dir.left': { en: 'left', ja: '左' },
  'canvas.rf.dir.right': { en: 'right', ja: '右' },
  'canvas.rf.edgeDesc': {
    en: 'Press Enter or Space to select a wire. You can then press Delete to remove it or Escape to cancel.',
    ja: 'Enter または Space で配線を選択し、Delete で削除、Escape で取り消します。',
  },

  // Nodes.
  'canvas.node.aria': { en: '{name}: {op} node, {formula}, shape {shape}', ja: '{name}: {op} ノード、{formula}、形状 {shape}' },
  'canvas.node.ariaProblem': { en: '{name}: {op} node, {formula}, has a problem', ja: '{name}: {op} ノード、{formula}、問題あり' },
  'canvas.node.shapeUnknown': { en: 'unknown', ja: '不明' },
  'canvas.node.shapeTitle': { en: 'Output shape', ja: '出力の形状' },
  'canvas.node.value': { en: 'value', ja: '値' },
  'canvas.node.grad': { en: 'grad', ja: '勾配' },
  'canvas.node.none': { en: 'None', ja: 'None' },
  'canvas.node.notComputed': { en: 'not computed', ja: '未計算' },
  'canvas.node.noGradTitle': { en: '{name}.grad = None (run Backward to fill it)', ja: '{name}.grad = None(逆伝播で計算されます)' },
  'canvas.node.notComputedTitle': { en: '{name} is not computed: the graph has a problem', ja: '{name} は未計算です: グラフに問題があります' },
  'canvas.node.badge.param': { en: 'param', ja: 'パラメータ' },
  'canvas.node.badge.paramTitle': { en: 'A trainable parameter: the optimizer updates it', ja: '学習可能なパラメータ: オプティマイザが更新します' },
  'canvas.node.badge.requiresGrad': { en: 'requires_grad', ja: 'requires_grad' },
  'canvas.node.badge.requiresGradTitle': { en: 'This input collects a gradient (requires_grad=True)', ja: 'この入力は勾配を計算します(requires_grad=True)' },
  'canvas.node.badge.loss': { en: 'loss', ja: '損失' },
  'canvas.node.badge.lossTitle': { en: 'The loss: Backward starts here', ja: '損失: 逆伝播はここから始まります' },
  'canvas.port.input': { en: 'Input {port} of {node}', ja: '{node} の入力 {port}' },
  'canvas.port.output': { en: 'Output of {node}', ja: '{node} の出力' },
  'canvas.edge.aria': { en: 'Wire from {source} to {port} of {target}', ja: '{source} から {target} の {port} への配線' },

  // Problems, by the engine's problem code.
  'canvas.problem.duplicate_id': { en: 'Duplicate id', ja: 'ID の重複' },
  'canvas.problem.unknown_op': { en: 'Unknown op', ja: '不明な演算' },
  'canvas.problem.dangling_edge': { en: 'Wire to a missing node', ja: '存在しないノードへの配線' },
  'canvas.problem.unknown_port': { en: 'Unknown port', ja: '不明なポート' },
  'canvas.problem.port_fed_twice': { en: 'Port fed twice', ja: 'ポートへの二重入力' },
  'canvas.problem.missing_input': { en: 'Missing input', ja: '入力が未接続' },
  'canvas.problem.cycle': { en: 'Cycle', ja: '循環' },
  'canvas.problem.bad_attribute': { en: 'Bad attribute', ja: '不正な属性' },
  'canvas.problem.bad_value': { en: 'Bad value', ja: '不正な値' },
  'canvas.problem.shape_mismatch': { en: 'Shape mismatch', ja: '形状の不一致' },
  'canvas.problem.no_loss': { en: 'No loss', ja: '損失なし' },
  'canvas.problem.unknown_loss': { en: 'Unknown loss', ja: '不明な損失' },
  'canvas.problem.loss_not_scalar': { en: 'Loss is not a scalar', ja: '損失がスカラーではありません' },
  'canvas.problem.runtime': { en: 'Run failed', ja: '実行エラー' },

  // Refused wires.
  'canvas.refused.cycle': { en: 'Refused: this wire would make a cycle ({path}).', ja: '接続できません: この配線は循環を作ります({path})。' },
  'canvas.refused.port_taken': {
    en: 'Refused: input {port} of {node} is already fed by {source}. Delete that wire first.',
    ja: '接続できません: {node} の入力 {port} には既に {source} がつながっています。先にその配線を削除してください。',
  },
  'canvas.refused.output_to_output': {
    en: 'Refused: an output ({source}) cannot feed another output ({target}). Drop the wire on an input port.',
    ja: '接続できません: 出力({source})を別の出力({target})につなぐことはできません。入力ポートへつないでください。',
  },
  'canvas.refused.input_to_input': {
    en: 'Refused: an input port cannot feed another input port. Start the wire at an output.',
    ja: '接続できません: 入力ポート同士はつなげません。出力から配線してください。',
  },
  'canvas.refused.self': { en: 'Refused: {node} cannot feed itself.', ja: '接続できません: {node} を自分自身につなぐことはできません。' },
  'canvas.refused.unknown_port': { en: 'Refused: {node} has no input {port}.', ja: '接続できません: {node} に入力 {port} はありません。' },
} as const;
