/** The sentence of every graph problem, by the engine's reason (`PROBLEM_REASONS`), in English and Japanese; the placeholders are the problem's parameters. */
export const problems = {
  'problem.too_many_nodes': { en: 'the graph has {count} nodes, which exceeds the limit of {limit} nodes', ja: 'グラフのノードが {count} 個あり、上限の {limit} 個を超えています' },
  'problem.duplicate_id': { en: "two nodes have the id '{node}'", ja: '2 つのノードが同じ名前「{node}」を持っています' },
  'problem.unknown_op': { en: "{node}: unknown op '{op}'", ja: '{node}：「{op}」という演算はありません' },
  'problem.dangling_from': { en: "an edge comes from '{source}', which does not exist", ja: '存在しないノード「{source}」から配線が来ています' },
  'problem.dangling_to': { en: "an edge goes to '{target}', which does not exist", ja: '存在しないノード「{target}」へ配線が向かっています' },
  'problem.unknown_port': { en: "{node} ({op}) has no input port '{port}'", ja: '{node}（{op}）には入力ポート「{port}」がありません' },
  'problem.port_fed_twice': { en: "{node}.{port} is fed by both '{first}' and '{second}'", ja: '{node} の入力 {port} に「{first}」と「{second}」の両方がつながっています' },
  'problem.missing_input': { en: '{node}.{port} is not connected', ja: '{node} の入力 {port} に何もつながっていません' },
  'problem.cycle': { en: 'the graph has a cycle: {cycle}', ja: 'グラフが循環しています：{cycle}' },
  'problem.no_loss': { en: 'no node is marked as the loss', ja: '損失として指定されたノードがありません' },
  'problem.unknown_loss': { en: "the loss is '{node}', which does not exist", ja: '損失に指定された「{node}」は存在しません' },
  'problem.loss_not_scalar': { en: 'the loss {node} must be a scalar, but its shape is {shape}', ja: '損失 {node} はスカラーでなければなりませんが、形状が {shape} です' },
  'problem.too_many_total': {
    en: 'the graph would hold {count} numbers in all (values, gradients, working buffers and data), which exceeds the limit of {limit} elements',
    ja: 'グラフ全体で {count} 個の数（値・勾配・作業領域・データ）を持つことになり、上限の {limit} 要素を超えます',
  },
  'problem.result_rank': { en: '{node} ({op}): the result would have rank {rank}, above {max}', ja: '{node}（{op}）：結果の階数が {rank} になり、上限の {max} を超えます' },
  'problem.result_too_large': {
    en: '{node} ({op}): the result {shape} would have {count} elements, which exceeds the limit of {limit} elements',
    ja: '{node}（{op}）：結果 {shape} の要素数が {count} になり、上限の {limit} 要素を超えます',
  },
  'problem.unexpected_graph': {
    en: 'the graph could not be prepared: GradCanvas could not work out how to set it up. Check its settings and what feeds it; if they look right, please report this graph',
    ja: 'グラフを準備できませんでした。設定と入力を確認してください。問題がなければ、このグラフを報告してください',
  },
  'problem.unexpected_node': {
    en: '{node} could not be prepared: GradCanvas could not work out how to set it up. Check its settings and what feeds it; if they look right, please report this graph',
    ja: '{node} を準備できませんでした。設定と入力を確認してください。問題がなければ、このグラフを報告してください',
  },
  'problem.unexpected_op': {
    en: '{node} ({op}) could not be prepared: GradCanvas could not work out how to set it up. Check its settings and what feeds it; if they look right, please report this graph',
    ja: '{node}（{op}）を準備できませんでした。設定と入力を確認してください。問題がなければ、このグラフを報告してください',
  },

  // Shape rules, after the node and its op.
  'problem.shape.broadcast': { en: '{node} ({op}): shapes {a} and {b} cannot be broadcast together', ja: '{node}（{op}）：形状 {a} と {b} はブロードキャストできません' },
  'problem.shape.axis_out_of_range': { en: '{node} ({op}): axis {axis} is out of range for a tensor of rank {rank}', ja: '{node}（{op}）：軸 {axis} は階数 {rank} のテンソルの範囲外です' },
  'problem.shape.rank_too_high': { en: '{node} ({op}): rank {rank} is above the maximum of {max}', ja: '{node}（{op}）：階数 {rank} は上限の {max} を超えています' },
  'problem.shape.same_shape': { en: '{node} ({op}): {op} needs input and target of the same shape, got {a} and {b}', ja: '{node}（{op}）：{op} の input と target は同じ形状が必要ですが、{a} と {b} です' },
  'problem.shape.matmul_rank': { en: '{node} ({op}): matmul needs tensors of rank 1 or more, got {a} and {b}', ja: '{node}（{op}）：matmul には階数 1 以上のテンソルが必要ですが、{a} と {b} です' },
  'problem.shape.matmul_inner': {
    en: '{node} ({op}): matmul shapes {a} and {b} do not line up ({left} ≠ {right})',
    ja: '{node}（{op}）：matmul の形状 {a} と {b} が合いません（{left} ≠ {right}）',
  },
  'problem.shape.softmax_scalar': { en: '{node} ({op}): softmax needs a tensor of rank 1 or more, got a scalar', ja: '{node}（{op}）：softmax には階数 1 以上のテンソルが必要ですが、スカラーです' },
  'problem.shape.linear_features': {
    en: '{node} ({op}): linear expects x with last axis of length inFeatures = {inFeatures}, got {x}',
    ja: '{node}（{op}）：linear の x は最後の軸の長さが inFeatures = {inFeatures} でなければなりませんが、{x} です',
  },
  'problem.shape.cross_entropy_shapes': {
    en: '{node} ({op}): cross_entropy needs logits [N, C] and labels [N], got {a} and {b}',
    ja: '{node}（{op}）：cross_entropy にはロジット [N, C] とラベル [N] が必要ですが、{a} と {b} です',
  },
  'problem.shape.empty_reduction': { en: '{node} ({op}): {op} of an empty tensor {x} has no value', ja: '{node}（{op}）：空のテンソル {x} の {op} には値がありません' },
  'problem.shape.empty_reduction_axis': {
    en: '{node} ({op}): {op} of an empty tensor {x} along axis {axis} has no value',
    ja: '{node}（{op}）：空のテンソル {x} の軸 {axis} に沿った {op} には値がありません',
  },
  'problem.shape.reshape_count': {
    en: '{node} ({op}): shape {shape} does not fit an input {x} of {count} elements',
    ja: '{node}（{op}）：形状 {shape} は要素数 {count} の入力 {x} に合いません',
  },

  // Leaves (input, constant, parameter), after the node.
  'problem.leaf.no_shape': { en: '{node}: the {what} has no shape', ja: '{node}：{what}に形状がありません' },
  'problem.leaf.rank_too_high': { en: '{node}: the {what} has rank {rank}, above the maximum of {max}', ja: '{node}：{what}の階数 {rank} は上限の {max} を超えています' },
  'problem.leaf.bad_axis_length': {
    en: '{node}: the {what} has an axis length of {length}; lengths are whole numbers from 0',
    ja: '{node}：{what}の軸の長さが {length} です。長さは 0 以上の整数です',
  },
  'problem.leaf.too_many_elements': {
    en: '{node}: the {what} {shape} would have {count} elements, which exceeds the limit of {limit} elements',
    ja: '{node}：{what} {shape} の要素数が {count} になり、上限の {limit} 要素を超えます',
  },
  'problem.leaf.dataset_not_loaded': { en: "{node}: dataset '{dataset}' is not loaded", ja: '{node}：データセット「{dataset}」が読み込まれていません' },
  'problem.leaf.no_columns': { en: '{node}: is bound to no columns', ja: '{node}：どの列にも結び付けられていません' },
  'problem.leaf.no_such_column': { en: "{node}: dataset '{dataset}' has no column '{column}'", ja: '{node}：データセット「{dataset}」に列「{column}」がありません' },
  'problem.leaf.vector_one_column': { en: '{node}: a vector input must be bound to exactly one column', ja: '{node}：ベクトルの入力はちょうど 1 つの列に結び付ける必要があります' },
  'problem.leaf.columns_too_large': {
    en: '{node}: {rows} rows of {columns} columns would be {count} elements, which exceeds the limit of {limit} elements',
    ja: '{node}：{rows} 行 × {columns} 列で {count} 要素になり、上限の {limit} 要素を超えます',
  },
  'problem.leaf.no_value': { en: '{node}: has no value', ja: '{node}：値がありません' },
  'problem.leaf.value_count': { en: '{node}: a tensor of shape {shape} needs {count} values, got {got}', ja: '{node}：形状 {shape} のテンソルには {count} 個の値が必要ですが、{got} 個です' },
  'problem.leaf.arange_empty': {
    en: '{node}: arange({start}, {end}, {step}) is empty or infinite: the step must point from start towards end',
    ja: '{node}：arange({start}, {end}, {step}) は空か無限です。刻み幅は開始から終了へ向かう向きにしてください',
  },
  'problem.leaf.arange_too_large': {
    en: '{node}: arange({start}, {end}, {step}) would have {count} elements, which exceeds the limit of {limit} elements',
    ja: '{node}：arange({start}, {end}, {step}) の要素数が {count} になり、上限の {limit} 要素を超えます',
  },
  'problem.leaf.unknown_value_type': {
    en: '{node}: has a value of an unknown type (expected tensor, arange or columns)',
    ja: '{node}：値の種類が不明です（テンソル・等差数列・データセットの列のいずれかです）',
  },
  'problem.leaf.param_shape': { en: '{node}: values have shape {got} but the parameter is {shape}', ja: '{node}：値の形状は {got} ですが、パラメータは {shape} です' },
  'problem.leaf.param_count': { en: '{node}: the parameter {shape} needs {count} values, got {got}', ja: '{node}：パラメータ {shape} には {count} 個の値が必要ですが、{got} 個です' },
  'problem.what.tensor': { en: 'tensor', ja: 'テンソル' },
  'problem.what.parameter': { en: 'parameter', ja: 'パラメータ' },
  'problem.value.nothing': { en: 'nothing', ja: '値なし' },
  'problem.value.list': { en: 'a list', ja: 'リスト' },
  'problem.value.object': { en: 'an object', ja: 'オブジェクト' },
  'problem.value.none': { en: '(none)', ja: '（なし）' },

  // Attributes, after the node and the attribute's name.
  'problem.attr.not_finite': { en: '{node}.{attr} must be a finite number, got {got}', ja: '{node} の属性 {attr} は有限の数でなければなりませんが、{got} です' },
  'problem.attr.not_integer': { en: '{node}.{attr} must be an integer, got {got}', ja: '{node} の属性 {attr} は整数でなければなりませんが、{got} です' },
  'problem.attr.below_min': { en: '{node}.{attr} must be at least {min}, got {got}', ja: '{node} の属性 {attr} は {min} 以上でなければなりませんが、{got} です' },
  'problem.attr.not_boolean': { en: '{node}.{attr} must be true or false, got {got}', ja: '{node} の属性 {attr} は真偽値でなければなりませんが、{got} です' },
  'problem.attr.not_in_enum': { en: '{node}.{attr} must be one of {values}, got {got}', ja: '{node} の属性 {attr} は {values} のいずれかでなければなりませんが、{got} です' },
  'problem.attr.unknown_attr': { en: '{node}.{attr} is not an attribute of this op', ja: '{attr} はこの演算（{node}）の属性ではありません' },
  'problem.attr.not_shape': {
    en: '{node}.{attr} must be a list of up to {max} axis lengths (whole numbers from 0, or -1 for what the others leave), got {got}',
    ja: '{node} の属性 {attr} は {max} 個までの軸の長さ（0 以上の整数、または残りから決まる長さを表す -1）の並びでなければなりませんが、{got} です',
  },
  'problem.attr.two_free_axes': {
    en: '{node}.{attr} can have only one -1 (the length worked out from the others), got {got}',
    ja: '{node} の属性 {attr} に使える -1（他の長さから決まる長さ）は 1 つだけですが、{got} です',
  },

  // An op's own parameters (a linear layer's weight and bias), after the node and its op.
  'problem.param.too_large': {
    en: '{node} ({op}): its {param} {shape} would have {count} elements, which exceeds the limit of {limit} elements',
    ja: '{node}（{op}）：{param} {shape} の要素数が {count} になり、上限の {limit} 要素を超えます',
  },
  'problem.param.shape': {
    en: '{node} ({op}): {param} has shape {got} but its attributes need {shape}: reset the parameters or change the attributes',
    ja: '{node}（{op}）：{param} の形状は {got} ですが、属性からは {shape} が必要です。パラメータを初期化し直すか、属性を変えてください',
  },
  'problem.param.count': { en: '{node} ({op}): {param} {shape} needs {count} values, got {got}', ja: '{node}（{op}）：{param} {shape} には {count} 個の値が必要ですが、{got} 個です' },
  // A run (forward, backward, a stepped or trained step) that stopped, by the engine's RUN_REASONS.
  'run.op.bce_not_probability': {
    en: '{node}: bce input must be a probability in [0, 1], got {got} at element {index}',
    ja: '{node}：bce の入力は [0, 1] の確率でなければなりませんが、要素 {index} が {got} です（sigmoid を通しましたか？）',
  },
  'run.op.label_out_of_range': {
    en: '{node}: cross_entropy label {label} in row {row} is not a class index in 0..{last}',
    ja: '{node}：cross_entropy のラベル {label}（{row} 行目）は 0〜{last} のクラス番号ではありません',
  },
  'run.no_loss_backward': { en: 'the graph has no loss node to run backward from', ja: '逆伝播を始める損失ノードがありません' },
  'run.not_scalar': { en: "backward needs a scalar, but '{node}' has shape {shape}", ja: '逆伝播はスカラーから始めますが、{node} の形状は {shape} です' },
  'run.no_grad': { en: "'{node}' does not depend on anything that requires grad", ja: '{node} は勾配を計算する（requires_grad の）ものに依存していません' },
  'run.no_loss': { en: 'the graph has no loss node', ja: 'グラフに損失ノードがありません' },
  'run.no_loss_train': { en: 'the graph has no loss node to train', ja: '学習に使う損失ノードがありません' },
  'run.rows_differ': { en: 'inputs bound to datasets have different numbers of rows', ja: 'データセットに結び付けた入力の行数がそろっていません' },
  'run.diverged': { en: 'training stopped at epoch {epoch}: the run diverged', ja: 'エポック {epoch} で学習を止めました：発散しました' },
  'run.trace_not_scalar': {
    en: "backward needs a scalar that depends on something requiring grad: '{node}'",
    ja: '逆伝播には、勾配を計算するものに依存するスカラーが必要です：{node}',
  },
  'run.accuracy_needs_classification': { en: 'accuracy needs a classification loss', ja: '精度の計算には分類の損失が必要です' },
  // A file refused before its schema is read, by the engine's FILE_REASONS (after the JSON path it concerns).
  'problem.file.not_text': { en: 'a graph file must be text', ja: 'グラフのファイルはテキストでなければなりません' },
  'problem.file.too_long': { en: 'the file has {count} characters, which exceeds the limit of {limit} characters', ja: 'ファイルが {count} 文字あり、上限の {limit} 文字を超えています' },
  'problem.file.too_deep': {
    en: 'the file nests lists and objects deeper than the limit of {limit} levels (line {line}); a graph file needs 6',
    ja: 'リストとオブジェクトの入れ子が上限の {limit} 段より深くなっています（{line} 行目）。グラフのファイルに必要なのは 6 段です',
  },
  'problem.file.too_many_entries': {
    en: "the file's lists and objects hold at least {count} entries in all, which exceeds the limit of {limit} elements",
    ja: 'リストとオブジェクトの項目が全部で {count} 個以上あり、上限の {limit} 要素を超えています',
  },
  'problem.file.not_json': { en: 'not valid JSON: {detail}', ja: 'JSON として正しくありません（{detail}）' },
  'problem.file.not_object': { en: 'a graph file must be a JSON object', ja: 'グラフのファイルは JSON のオブジェクトでなければなりません' },
  'problem.file.not_gradcanvas': {
    en: 'must be "{format}", got {got}: this is not a GradCanvas graph file',
    ja: '"{format}" でなければなりませんが、{got} です。GradCanvas のグラフのファイルではありません',
  },
  'problem.file.bad_version': { en: 'must be a whole number from 1, got {got}', ja: '1 以上の整数でなければなりませんが、{got} です' },
  'problem.file.newer_version': {
    en: 'version {version} is newer than this GradCanvas reads (up to {max}); update GradCanvas to open it',
    ja: 'バージョン {version} は、この GradCanvas が読めるもの（{max} まで）より新しいです。開くには GradCanvas を更新してください',
  },
  'problem.file.no_migration': { en: 'no migration from version {version}', ja: 'バージョン {version} から変換する手順がありません' },
  'problem.file.unknown_field': { en: 'unknown field', ja: '不明な項目です' },
  'problem.file.unknown_fields': { en: 'unknown field, and {count} more beside it', ja: '不明な項目です（ほかにも {count} 個あります）' },
  'problem.file.duplicate_id': { en: "duplicate id '{id}' (also {first})", ja: 'ノード名「{id}」が重複しています（{first} と同じ）' },
  'problem.file.no_such_node': { en: "no node has the id '{id}'", ja: '「{id}」という名前のノードはありません' },
  'problem.file.more_errors': { en: 'and {count} more errors', ja: 'ほかに {count} 件のエラーがあります' },
  'problem.file.unhandled': {
    en: 'the file could not be opened: GradCanvas met something in it that it does not handle; please report this file',
    ja: 'ファイルを開けませんでした。GradCanvas が扱えない内容が含まれています。このファイルを報告してください',
  },
  'problem.file.list_too_long': { en: 'holds {count} entries, which exceeds the limit of {limit} elements', ja: 'リストに {count} 個の項目があり、上限の {limit} 要素を超えています' },
  'problem.file.object_too_big': { en: 'holds {count} fields, which exceeds the limit of {limit} elements', ja: 'オブジェクトに {count} 個の項目があり、上限の {limit} 要素を超えています' },
  'problem.file.reserved_name': { en: "'{name}' is a reserved name in GradCanvas files (JavaScript gives it a special meaning); choose another name", ja: '「{name}」は GradCanvas のファイルでは予約された名前です（JavaScript で特別な意味を持ちます）。別の名前にしてください' },
  'problem.file.name_too_long': { en: 'a name may have up to {limit} characters, this one has {count}', ja: '名前は {limit} 文字までですが、この名前は {count} 文字あります' },
  'problem.file.too_many_nodes': { en: 'the graph has {count} nodes, which exceeds the limit of {limit} nodes', ja: 'ノードが {count} 個あり、上限の {limit} 個を超えています' },
  'problem.file.too_many_nodes_page': { en: 'the graph has {count} nodes, which exceeds the limit of {limit} nodes the page opens; the command line (npm run cli) opens up to {cliLimit}', ja: 'ノードが {count} 個あり、このページで開ける上限の {limit} 個を超えています。コマンドライン（`npm run cli`）では {cliLimit} 個まで開けます' },
  'problem.file.too_many_wires': { en: 'the graph has {count} wires, which exceeds the limit of {limit} wires ({perNode} per node of the node limit)', ja: 'ワイヤーが {count} 本あり、上限の {limit} 本を超えています（ノードの上限 1 個あたり {perNode} 本）' },
  'problem.file.shape_values': { en: 'shape [{shape}] needs {count} values, got {got}', ja: '形状 [{shape}] には値が {count} 個必要ですが、{got} 個あります' },
  'problem.file.row_width': { en: 'has {count} values but there are {width} columns', ja: '値が {count} 個ありますが、列は {width} 列です' },
  'problem.file.rows_too_many': { en: '{rows} rows of {width} columns are {count} elements, which exceeds the limit of {limit} elements', ja: '{rows} 行 × {width} 列で {count} 要素あり、上限の {limit} 要素を超えています' },
  'problem.file.nesterov': { en: 'Nesterov momentum needs a momentum above 0 and a dampening of 0 (as torch.optim.SGD)', ja: 'Nesterov のモーメンタムには、0 より大きいモーメンタムと 0 の `dampening` が必要です（torch.optim.SGD と同じ）' },
  'problem.file.state_only_value': { en: "a parameter node's only parameter is 'value', not {name}", ja: 'parameter ノードのパラメータは `value` だけです（{name} ではありません）' },
  'problem.file.state_no_params': { en: "'{node}' is a {op} node, which has no parameters", ja: '「{node}」は {op} ノードで、パラメータを持ちません' },
  'problem.file.state_no_param': { en: '{op} has no parameter {name}', ja: '{op} にパラメータ {name} はありません' },
  'problem.file.state_twice': { en: 'the state of {node}.{name} is saved twice', ja: '{node}.{name} の最適化手法の状態が 2 回保存されています' },
  'problem.file.state_length': { en: 'has {count} values but {node}.{name} has {elements} elements', ja: '値が {count} 個ありますが、{node}.{name} の要素は {elements} 個です' },
  'problem.file.state_length_one': { en: 'has {count} values but {node}.{name} has 1 element', ja: '値が {count} 個ありますが、{node}.{name} の要素は 1 個です' },
  'run.accuracy_no_loss': { en: 'accuracy needs the loss to be a classification loss ({losses}), but the graph has no loss', ja: '精度を測るには分類の損失（{losses}）が必要ですが、計算グラフに損失がありません' },
  'run.accuracy_wrong_loss': {
    en: "accuracy needs the loss to be a classification loss ({losses}), but the loss '{node}' is {op}",
    ja: '精度を測るには分類の損失（{losses}）が必要ですが、損失「{node}」は {op} です',
  },
  'run.accuracy_leaf_loss': {
    en: "accuracy needs the loss to be a classification loss ({losses}), but the loss '{node}' is a leaf",
    ja: '精度を測るには分類の損失（{losses}）が必要ですが、損失「{node}」は計算をしない葉ノードです',
  },
  'run.validation_unfit': {
    en: 'the validation data ({datasets}) does not fit the graph: {problems}',
    ja: '検証データ（{datasets}）が計算グラフに合いません。列の名前と数を学習データと揃えてください：{problems}',
  },
  'run.no_loss_validate': { en: 'the graph has no loss to validate', ja: '検証に使う損失ノードがありません' },
  'run.export_problems': { en: '{problems}', ja: '計算グラフに問題があるため書き出せません：{problems}' },
  'run.no_loss_export': { en: 'export needs a loss node', ja: '書き出すには損失ノードが必要です' },
  'run.export_accuracy_target': {
    en: "the export measures accuracy on the criterion's outputs, so the loss {node}'s target must be data (an input, or computed from inputs alone)",
    ja: '書き出すスクリプトは損失関数の出力で精度を測るため、損失 {node} の正解はデータ（入力、または入力だけから計算した値）でなければなりません',
  },
  'run.no_loss_gradcheck': { en: 'gradient check needs a loss node', ja: '勾配の確認には損失ノードが必要です' },
  'run.gradcheck_not_leaf': { en: "'{node}' is not a leaf that requires grad", ja: '「{node}」は勾配を求める葉ノードではありません' },
} as const;
