/**
 * Why a line of PyTorch code cannot be imported, and what a call takes, in English and
 * Japanese: the code panel's messages, registered when the panel loads (src/code/importText.ts).
 */
export const codeReasons = {
  'code.reason.syntax': { en: 'Python cannot read this: check the brackets, operators and commas here.', ja: 'パイソンの文として読めません。この位置の括弧・演算子・カンマを確認してください。' },
  'code.reason.statement': {
    en: '{what} is not supported. Supported statements: import torch (torch.nn as nn, torch.nn.functional as F, torch.optim as optim, numpy as np, pandas as pd), name = expression, values, indices = torch.max(x, dim), torch.set_default_dtype(...), torch.manual_seed(...), device = torch.device(...), net.to(device), class Net(nn.Module):, with torch.no_grad():, for epoch in range(N):, z.backward(), print(...).',
    ja: '「{what}」には対応していません。対応する文：「import torch」（「torch.nn as nn」、「torch.nn.functional as F」、「torch.optim as optim」、「numpy as np」、「pandas as pd」）、「名前 = 式」、「values, indices = torch.max(x, dim)」、「torch.set_default_dtype(...)」、「torch.manual_seed(...)」、「device = torch.device(...)」、「net.to(device)」、「class Net(nn.Module):」、「with torch.no_grad():」、「for epoch in range(N):」、「z.backward()」、「print(...)」。',
  },
  'code.reason.import': {
    en: 'import {what} is not supported. Supported: import torch, import torch.nn as nn, import torch.nn.functional as F, import torch.optim as optim, import numpy as np, import pandas as pd.',
    ja: '「import {what}」には対応していません。対応するもの：「import torch」、「import torch.nn as nn」、「import torch.nn.functional as F」、「import torch.optim as optim」、「import numpy as np」、「import pandas as pd」。',
  },
  'code.reason.notImported': { en: '{name} is used before it is imported: import it first.', ja: '「{name}」を「import」する前に使っています。先に「import」してください。' },
  'code.reason.undefinedName': { en: '{name} is not defined: assign it before this line.', ja: '「{name}」は定義されていません。この行より前で代入してください。' },
  'code.reason.call': {
    en: '{what}(...) is not supported. Supported: torch.tensor, torch.arange, torch.zeros, torch.ones, torch.randn, torch.rand, torch.manual_seed, torch.device, torch.sigmoid/exp/log/tanh/relu/square/neg/pow, torch.sum/mean/max/argmax, torch.softmax, torch.matmul, torch.eq/gt, torch.reshape, F.sigmoid/relu/tanh/softmax/linear, F.mse_loss, F.binary_cross_entropy(_with_logits), F.cross_entropy, and the methods .sum() .mean() .max() .argmax() .view() .reshape() .float() .double() .long() .to() .cpu() .dim() .backward().',
    ja: '「{what}(...)」には対応していません。対応するもの：「torch.tensor」、「torch.arange」、「torch.zeros」、「torch.ones」、「torch.randn」、「torch.rand」、「torch.manual_seed」、「torch.device」、「torch.sigmoid/exp/log/tanh/relu/square/neg/pow」、「torch.sum/mean/max/argmax」、「torch.softmax」、「torch.matmul」、「torch.eq/gt」、「torch.reshape」、「F.sigmoid/relu/tanh/softmax/linear」、「F.mse_loss」、「F.binary_cross_entropy(_with_logits)」、「F.cross_entropy」、メソッド「.sum()」「.mean()」「.max()」「.argmax()」「.view()」「.reshape()」「.float()」「.double()」「.long()」「.to()」「.cpu()」「.dim()」「.backward()」。',
  },
  'code.reason.arguments': { en: '{what} takes {expected}.', ja: '「{what}」の引数は{expected}です。' },
  'code.expected.oneTensor': { en: 'one tensor', ja: 'テンソル 1 つ' },
  'code.expected.tensorAndNumber': { en: 'a tensor and a number', ja: 'テンソルと数値' },
  'code.expected.none': { en: 'no arguments', ja: 'なし' },
  'code.expected.listOrArange': { en: 'one list of numbers, a number or np.arange(...)', ja: '数値のリスト 1 つ、数値、または「np.arange(...)」' },
  'code.expected.range': { en: '1 to 3 numbers (start, end, step)', ja: '1〜3 個の数値（開始、終了、刻み）' },
  'code.expected.stepDirection': { en: 'a step that goes from start towards end', ja: '開始から終了へ向かう刻み' },
  'code.expected.positionalFirst': { en: 'positional arguments before keywords', ja: 'キーワード引数より前に置く位置引数' },
  'code.expected.trueFalse': { en: 'True or False', ja: '「True」または「False」' },
  'code.expected.sizes': { en: 'sizes as whole numbers (2, 3), a tuple (2, 3) or a list [2, 3]', ja: '整数のサイズ（「2, 3」）、タプル「(2, 3)」、またはリスト「[2, 3]」' },
  'code.expected.sizesOrMinusOne': { en: 'the new sizes as whole numbers, at most one of them -1 (view(-1, 1))', ja: '新しいサイズの整数（「-1」は 1 つまで。「view(-1, 1)」）' },
  'code.expected.tensorAndShape': { en: 'a tensor and the new sizes', ja: 'テンソルと新しいサイズ' },
  'code.expected.seed': { en: 'one whole number (the seed)', ja: '整数 1 つ（シード）' },
  'code.expected.dtypeOrDevice': {
    en: 'a type (torch.float32, torch.float64, torch.int64 or x.dtype) or a device (device, "cpu" or "cuda")',
    ja: '型（「torch.float32」、「torch.float64」、「torch.int64」または「x.dtype」）かデバイス（「device」、「"cpu"」または「"cuda"」）',
  },
  'code.expected.device': {
    en: 'a device: "cpu", "cuda", "cuda" if torch.cuda.is_available() else "cpu", or a name holding torch.device(...)',
    ja: 'デバイス：「"cpu"」、「"cuda"」、「"cuda" if torch.cuda.is_available() else "cpu"」、または「torch.device(...)」を代入した名前',
  },
  'code.expected.integer': { en: 'a whole number', ja: '整数' },
  'code.expected.axes': { en: 'one axis, or every axis of the tensor', ja: '軸 1 つ、またはテンソルのすべての軸' },
  'code.reason.keyword': { en: '{what} does not take {name}= here. Supported: {supported}.', ja: '「{what}」はここで「{name}=」を受け取りません。対応するもの：「{supported}」。' },
  'code.reason.expression': {
    en: '{what} is not supported here. Supported: numbers, names, + - * / ** @ == > <, torch.float32 / torch.float64 / torch.int64, x.dtype, torch.max(x, dim).values / .indices / [0] / [1], and the calls listed for calls (torch.tensor, F.relu, .sum(), …).',
    ja: '「{what}」にはここでは対応していません。対応するもの：数値、名前、「+ - * / ** @ == > <」、「torch.float32 / torch.float64 / torch.int64」、「x.dtype」、「torch.max(x, dim).values / .indices / [0] / [1]」、対応する関数の呼び出し（「torch.tensor」、「F.relu」、「.sum()」など）。',
  },
  'code.reason.operator': {
    en: 'The operator {op} is not supported here. Supported: + - * / ** @ between tensors and numbers, and one comparison == > < with a tensor.',
    ja: '演算子「{op}」にはここでは対応していません。対応するもの：テンソルと数値の間の「+ - * / ** @」、テンソルとの比較「== > <」（1 つだけ）。',
  },
  'code.reason.exponent': { en: 'A tensor can be raised only to a number (x**2), not to a tensor.', ja: 'テンソルのべき乗は数値の指数だけに対応しています（「x**2」）。' },
  'code.reason.notTensor': { en: '{name} is not a tensor.', ja: '「{name}」はテンソルではありません。' },
  'code.reason.notNumber': { en: 'A number is expected here.', ja: 'ここには数値が必要です。' },
  'code.reason.integerTensor': {
    en: 'This is an integer tensor: it cannot hold gradients, and GradCanvas takes it only as class labels (F.cross_entropy), in a comparison or in argmax. Write the numbers as floats (2.0) or convert it with .float().',
    ja: 'これは整数のテンソルです。勾配を持てず、GradCanvas ではクラスラベル（「F.cross_entropy」）、比較、「argmax」にだけ使えます。数値を小数で書く（「2.0」）か、「.float()」で変換してください。',
  },
  'code.reason.ragged': { en: 'torch.tensor takes a list of numbers, or lists of equal length.', ja: '「torch.tensor」には数値のリスト、または同じ長さのリストのリストを渡してください。' },
  'code.reason.divideByZero': { en: 'Division by zero.', ja: 'ゼロで割っています。' },
  'code.reason.dtype': {
    en: 'A number type is expected here: torch.float32 or torch.float64 (torch.int64 for class labels), got {name}.',
    ja: 'ここには数値の型が必要です：「torch.float32」か「torch.float64」（クラスラベルには「torch.int64」）。「{name}」が渡されました。',
  },
  'code.reason.mixedDtype': {
    en: 'torch.set_default_dtype must come before the first tensor: a graph has one number type, and a tensor of the other type already exists.',
    ja: '「torch.set_default_dtype」は最初のテンソルより前に書いてください。計算グラフの数値の型は 1 つで、もう一方の型のテンソルがすでにあります。',
  },
  'code.reason.backwardTwice': {
    en: 'backward() is called a second time: PyTorch would add the second gradients to .grad, and a graph runs one backward per script. Call backward() once, on the sum of the losses.',
    ja: '「backward()」が 2 回目です。PyTorch では 2 回目の勾配が「.grad」に足されますが、計算グラフの逆伝播は 1 つのスクリプトにつき 1 回です。損失の和に対して「backward()」を 1 回だけ呼んでください。',
  },
  'code.reason.notScalar': { en: 'backward() needs a single number: take .sum() or .mean() of {name} first.', ja: '「backward()」には 1 つの数値（スカラー）が必要です。先に「{name}」の「.sum()」か「.mean()」をとってください。' },
  'code.reason.graph': { en: '{message}', ja: '{message}' },
  'code.expected.fileName': { en: 'the file name as a string ("boston.csv")', ja: '文字列で書いたファイル名（「"boston.csv"」）' },
  'code.expected.loadtxt': { en: 'the file name, delimiter="," and skiprows=1 (the header row)', ja: 'ファイル名、「delimiter=","」と「skiprows=1」（見出しの行）' },
  'code.expected.outputsLabels': { en: 'the outputs and the labels', ja: '出力と正解ラベル' },
  'code.expected.reductionOnly': { en: 'no arguments but reduction="mean" or "sum"', ja: '「reduction="mean"」か「"sum"」のほかはなし' },
  'code.expected.features': { en: 'two whole numbers: the input and output features', ja: '2 つの整数（入力と出力の特徴量の数）' },
  'code.expected.lr': { en: 'the learning rate lr=', ja: '学習率「lr=」' },
  'code.expected.twoNumbers': { en: 'two numbers', ja: '数値 2 つ' },
  'code.expected.oneNumber': { en: 'one number', ja: '数値 1 つ' },
  'code.expected.wholeNumber': { en: 'one whole number', ja: '整数 1 つ' },
  'code.reason.csv': { en: '{name} cannot be read: {message}', ja: '「{name}」を読めません：{message}' },
  'code.reason.dataset': {
    en: "No dataset {name}: the file's name without .csv must name a dataset of the graph or one GradCanvas ships (line, parabola, blobs2, blobs3).",
    ja: 'データセット「{name}」がありません。ファイル名（「.csv」を除く）は、この計算グラフのデータセットか GradCanvas に付属のもの（「line」、「parabola」、「blobs2」、「blobs3」）の名前にしてください。',
  },
  'code.reason.dataIndex': {
    en: 'Select columns as df["x"], df[["x", "y"]] (pandas) or data[:, 0], data[:, [0, 1]] (NumPy).',
    ja: '列は「df["x"]」、「df[["x", "y"]]」（「pandas」）または「data[:, 0]」、「data[:, [0, 1]]」（「NumPy」）で選んでください。',
  },
  'code.reason.column': { en: 'The dataset {dataset} has no column {name}.', ja: 'データセット「{dataset}」に列「{name}」はありません。' },
  'code.reason.columnIndex': { en: 'Column {index} is not in the dataset {dataset}, which has {count} columns.', ja: '列 {index} はデータセット「{dataset}」にありません（列は {count} 個です）。' },
  'code.reason.dataMethod': {
    en: '.{what}() is not supported on data. Supported: .float(), .double(), .long(), .to(dtype), .view(-1, 1), .reshape(-1, 1), .to(device), .cpu().',
    ja: 'データの「.{what}()」には対応していません。対応するもの：「.float()」、「.double()」、「.long()」、「.to(dtype)」、「.view(-1, 1)」、「.reshape(-1, 1)」、「.to(device)」、「.cpu()」。',
  },
  'code.reason.dataDtype': {
    en: 'This data makes {dtype} numbers but the script computes in {graph}: NumPy data is float64, so add .float() for float32, or call torch.set_default_dtype(torch.float64) first.',
    ja: 'このデータは {dtype} の数値になりますが、このスクリプトは {graph} で計算します。「NumPy」のデータは float64 なので、float32 にするには「.float()」を付けるか、先に「torch.set_default_dtype(torch.float64)」を呼んでください。',
  },
  'code.reason.dataDtypeArg': { en: 'dtype= takes torch.float32, torch.float64 or torch.long here, got {name}.', ja: 'ここでの「dtype=」は「torch.float32」、「torch.float64」か「torch.long」です（「{name}」が渡されました）。' },
  'code.reason.objectCall': { en: '{what}(...) cannot be called.', ja: '「{what}(...)」は呼び出せません。' },
  'code.reason.features': { en: 'nn.Linear takes whole numbers of features, got {what}.', ja: '「nn.Linear」の特徴量の数は整数です（「{what}」が渡されました）。' },
  'code.reason.reduction': { en: 'reduction= takes "mean" or "sum", got {got}.', ja: '「reduction=」は「"mean"」か「"sum"」です（「{got}」が渡されました）。' },
  'code.reason.bias': { en: 'nn.Linear always has a bias in GradCanvas: leave out bias=False.', ja: 'GradCanvas の「nn.Linear」には必ずバイアスがあります。「bias=False」を外してください。' },
  'code.reason.optimizerParams': {
    en: 'The optimizer takes net.parameters(), a list of tensors made with requires_grad=True ([W, B]), or list(net.parameters()) + [W, B].',
    ja: '最適化手法には「net.parameters()」、「requires_grad=True」で作ったテンソルのリスト（「[W, B]」）、または「list(net.parameters()) + [W, B]」を渡してください。',
  },
  'code.reason.notLeaf': {
    en: '{name} is given to the optimizer but is not a tensor made with torch.tensor(..., requires_grad=True).',
    ja: '「{name}」を最適化手法に渡していますが、「torch.tensor(..., requires_grad=True)」で作ったテンソルではありません。',
  },
  'code.reason.method': { en: "The method's parameters {what} are not supported: write (self, name, ...) without defaults.", ja: 'メソッドの引数「{what}」には対応していません。既定値なしの「(self, 名前, ...)」で書いてください。' },
  'code.reason.argumentCount': { en: '{what} takes {expected} arguments besides self, got {got}.', ja: '「{what}」の引数は「self」のほかに {expected} 個です（{got} 個渡されました）。' },
  'code.reason.superInit': {
    en: 'Call super().__init__() at the start of __init__, before setting self.name (PyTorch requires it).',
    ja: '「__init__」の最初、「self.名前」を設定する前に「super().__init__()」を呼んでください（PyTorch の決まりです）。',
  },
  'code.reason.initStatement': {
    en: '{what} is not supported in __init__. Supported: super().__init__(), self.name = nn.Linear(in, out) (or nn.ReLU(), nn.Sigmoid(), nn.Tanh()), name = number, nn.init.constant_(...), with torch.no_grad(): ... .copy_(...).',
    ja: '「__init__」の「{what}」には対応していません。対応するもの：「super().__init__()」、「self.名前 = nn.Linear(入力, 出力)」（または「nn.ReLU()」、「nn.Sigmoid()」、「nn.Tanh()」）、「名前 = 数値」、「nn.init.constant_(...)」、「with torch.no_grad(): ... .copy_(...)」。',
  },
  'code.reason.secondForward': {
    en: '{name}(...) is called a second time: the graph holds one forward pass (call the model once, in the training loop).',
    ja: '「{name}(...)」が 2 回目です。計算グラフが表すのは 1 回の順伝播です（モデルは学習ループの中で 1 回呼んでください）。',
  },
  'code.reason.forwardReturn': { en: 'forward must end with return and the tensor it computes.', ja: '「forward」は計算したテンソルを「return」で返して終えてください。' },
  'code.reason.forwardStatement': { en: '{what} is not supported in forward. Supported: name = expression and return name.', ja: '「forward」の「{what}」には対応していません。対応するもの：「名前 = 式」と「return 名前」。' },
  'code.reason.layerTwice': { en: '{name} is used a second time: each layer is one node of the graph, used once.', ja: '「{name}」を 2 回使っています。層は計算グラフの 1 つのノードで、使えるのは 1 回です。' },
  'code.reason.weightMethod': {
    en: '{what} is not supported. A weight or bias is set with .copy_(torch.tensor(...)), .fill_(number), .zero_() or nn.init.constant_(w, number).',
    ja: '「{what}」には対応していません。重みやバイアスは「.copy_(torch.tensor(...))」、「.fill_(数値)」、「.zero_()」か「nn.init.constant_(w, 数値)」で設定してください。',
  },
  'code.reason.inPlace': {
    en: '{what} changes a parameter in place: PyTorch allows it only inside with torch.no_grad(): (or on .data).',
    ja: '「{what}」はパラメータをその場で書き換えます。PyTorch では「with torch.no_grad():」の中（または「.data」）でだけできます。',
  },
  'code.reason.notWeight': { en: "{name} is not a layer's weight or bias (write net.l1.weight or self.l1.bias).", ja: '「{name}」は層の重みやバイアスではありません（「net.l1.weight」や「self.l1.bias」と書きます）。' },
  'code.reason.weightShape': { en: '{name} has shape {expected}, but the values have shape {got}.', ja: '「{name}」の形は {expected} ですが、値の形は {got} です。' },
  'code.reason.copyValue': { en: 'copy_ takes torch.tensor([...]) of numbers.', ja: '「copy_」には数値の「torch.tensor([...])」を渡してください。' },
  'code.reason.classBase': { en: 'class {name} must be written class {name}(nn.Module):.', ja: '「class {name}」は「class {name}(nn.Module):」と書いてください。' },
  'code.reason.classStatement': {
    en: '{what} is not supported in a model class: write def __init__(self, ...) and def forward(self, x).',
    ja: 'モデルのクラスの「{what}」には対応していません。「def __init__(self, ...)」と「def forward(self, x)」を書いてください。',
  },
  'code.reason.classMethods': { en: 'class {name} needs both def __init__(self, ...) and def forward(self, x).', ja: '「class {name}」には「def __init__(self, ...)」と「def forward(self, x)」の両方が必要です。' },
  'code.reason.outsideLoop': { en: '{what} belongs in the training loop (for epoch in range(N):).', ja: '「{what}」は学習ループ（「for epoch in range(N):」）の中に書きます。' },
  'code.reason.withStatement': { en: 'Only with torch.no_grad(): is supported.', ja: '対応している「with」は「with torch.no_grad():」だけです。' },
  'code.reason.noGradStatement': {
    en: '{what} is not supported in with torch.no_grad():. Supported: .copy_(...), .fill_(...), .zero_() and nn.init.constant_(...) on a weight or bias.',
    ja: '「with torch.no_grad():」の中の「{what}」には対応していません。対応するもの：重みやバイアスの「.copy_(...)」、「.fill_(...)」、「.zero_()」、「nn.init.constant_(...)」。',
  },
  'code.reason.secondLoop': { en: 'A second training loop: GradCanvas reads one for epoch in range(N): loop.', ja: '2 つ目の学習ループです。GradCanvas が読むのは「for epoch in range(N):」のループ 1 つです。' },
  'code.reason.loopRange': { en: 'The training loop is written for epoch in range(N): with a whole number N.', ja: '学習ループは整数 N で「for epoch in range(N):」と書いてください。' },
  'code.reason.loopStatement': {
    en: '{what} is not supported in the training loop. Supported: name = expression (forward and loss), optimizer.zero_grad(), loss.backward(), optimizer.step(), print(...) and if epoch % k == 0: print(...).',
    ja: '学習ループの「{what}」には対応していません。対応するもの：「名前 = 式」（順伝播と損失）、「optimizer.zero_grad()」、「loss.backward()」、「optimizer.step()」、「print(...)」、「if epoch % k == 0: print(...)」。',
  },
  'code.reason.untrainedModel': {
    en: "The optimizer does not hold the model's parameters, which GradCanvas trains: pass net.parameters() to it.",
    ja: '最適化手法がモデルのパラメータを持っていません。GradCanvas はそれも学習します。「net.parameters()」を渡してください。',
  },
  'code.reason.loopTwice': { en: 'optimizer.{what}() is called twice in one epoch; call it once.', ja: '「optimizer.{what}()」を 1 エポックで 2 回呼んでいます。1 回にしてください。' },
  'code.reason.loopMissing': { en: 'The training loop has no {what}.', ja: '学習ループに「{what}」がありません。' },
  'code.reason.stepBeforeBackward': {
    en: 'optimizer.step() comes before loss.backward(): the step needs the gradients backward computes.',
    ja: '「optimizer.step()」が「loss.backward()」より前にあります。更新には逆伝播で求める勾配が必要です。',
  },
  'code.reason.noZeroGrad': {
    en: "The loop has no optimizer.zero_grad(): PyTorch then adds each epoch's gradients to the previous ones, which GradCanvas does not train. Call optimizer.zero_grad() before loss.backward() or after optimizer.step().",
    ja: 'ループに「optimizer.zero_grad()」がありません。PyTorch ではエポックごとの勾配が前の勾配に足し込まれますが、GradCanvas はその学習をしません。「loss.backward()」の前か「optimizer.step()」の後で「optimizer.zero_grad()」を呼んでください。',
  },
  'code.reason.zeroBetween': {
    en: 'optimizer.zero_grad() between loss.backward() and optimizer.step() clears the gradients before the step uses them: call it before backward() or after step().',
    ja: '「loss.backward()」と「optimizer.step()」の間の「optimizer.zero_grad()」は、更新に使う前に勾配を消してしまいます。「backward()」の前か「step()」の後で呼んでください。',
  },
  'code.reason.loopIf': {
    en: '{what} is not supported in the training loop. Supported: if epoch % k == 0: (or ... or epoch == N - 1:) with print(...) inside.',
    ja: '学習ループの「{what}」には対応していません。対応するもの：中に「print(...)」だけを書いた「if epoch % k == 0:」（または「... or epoch == N - 1:」）。',
  },
  'code.reason.item': {
    en: '.item() gives a Python number, which the graph does not hold: use it inside print(...), or keep the tensor.',
    ja: '「.item()」はパイソンの数値を返しますが、計算グラフはそれを持てません。「print(...)」の中で使うか、テンソルのまま使ってください。',
  },
  'code.reason.seed': {
    en: '{what} draws new numbers on every run: call torch.manual_seed(0) (any seed) before it, so the graph holds PyTorch\'s numbers.',
    ja: '「{what}」は実行のたびに違う数値を作ります。計算グラフが PyTorch と同じ数値を持つように、先に「torch.manual_seed(0)」（シードは任意）を呼んでください。',
  },
  'code.reason.dtypeMismatch': {
    en: '{what} makes a {dtype} tensor, but this script computes in {graph}: a graph has one number type. Make every tensor {graph}, or set torch.set_default_dtype(torch.{dtype}) before the first tensor.',
    ja: '「{what}」は {dtype} のテンソルを作りますが、このスクリプトは {graph} で計算します。計算グラフの数値の型は 1 つです。すべてのテンソルを {graph} にするか、最初のテンソルより前に「torch.set_default_dtype(torch.{dtype})」を書いてください。',
  },
  'code.reason.castGrad': {
    en: '{what} makes a new tensor from one that requires grad, so the result is no leaf and has no .grad: convert or reshape the numbers first, then set requires_grad=True.',
    ja: '「{what}」は「requires_grad」のテンソルから新しいテンソルを作るので、結果は葉ではなく「.grad」を持ちません。先に数値を変換・変形してから「requires_grad=True」にしてください。',
  },
  'code.reason.long': {
    en: '{what}: .long() is supported on class labels, a tensor of whole numbers made by torch.tensor or torch.arange.',
    ja: '「{what}」：「.long()」はクラスラベル（「torch.tensor」か「torch.arange」で作った整数のテンソル）にだけ対応しています。',
  },
  'code.reason.labels': {
    en: '{what} is not a tensor of class labels: F.cross_entropy takes an integer tensor (torch.tensor([0, 2, 1]) or labels.long()).',
    ja: '「{what}」はクラスラベルのテンソルではありません。「F.cross_entropy」には整数のテンソル（「torch.tensor([0, 2, 1])」か「labels.long()」）を渡してください。',
  },
  'code.reason.opArguments': { en: '{what} is called as {usage}.', ja: '「{what}」は「{usage}」の形で呼び出します。' },
  'code.reason.choice': { en: '{what} takes one of {values}.', ja: '「{what}」には {values} のどれかを渡してください。' },
  'code.reason.reshapeSize': { en: 'The shape {shape} is invalid for a tensor of {count} numbers.', ja: '形 {shape} は {count} 個の数値のテンソルには合いません。' },
  'code.reason.linearParams': {
    en: '{what} takes the weight and bias as names of tensors made for it (w = torch.randn(...), b = torch.zeros(...)) and used nowhere else.',
    ja: '「{what}」の重みとバイアスには、そのために作った（ほかで使っていない）テンソルの名前を渡してください（「w = torch.randn(...)」、「b = torch.zeros(...)」）。',
  },
  'code.reason.parameterOf': {
    en: '{name} is the {param} of the linear node {node} now; only {name}.grad can be printed.',
    ja: '「{name}」は今は linear ノード「{node}」の {param} です。使えるのは「print({name}.grad)」だけです。',
  },
  'code.reason.accuracyForm': {
    en: 'Accuracy is written (predicted == labels).sum().item() / len(labels), with predicted from torch.where(outputs < 0.5, 0, 1), torch.max(outputs, 1)[1] or _, predicted = torch.max(outputs, 1).',
    ja: '正解率は「(predicted == labels).sum().item() / len(labels)」と書き、「predicted」は「torch.where(outputs < 0.5, 0, 1)」、「torch.max(outputs, 1)[1]」または「_, predicted = torch.max(outputs, 1)」で求めてください。',
  },
  'code.reason.accuracyRule': { en: 'GradCanvas measures the accuracy of {op} as {rule}: predict the classes that way.', ja: 'GradCanvas は「{op}」の正解率を「{rule}」で測ります。予測クラスはその形で求めてください。' },
  'code.reason.accuracyOf': {
    en: 'The accuracy compares the predictions of the outputs the loss is computed from with the labels of that loss.',
    ja: '正解率では、損失を計算した出力の予測と、その損失の正解ラベルを比べてください。',
  },
  'code.reason.accuracyLoss': {
    en: 'Accuracy needs a classification loss (nn.BCELoss, nn.BCEWithLogitsLoss or nn.CrossEntropyLoss) computed before it.',
    ja: '正解率には、その前に計算した分類の損失（「nn.BCELoss」、「nn.BCEWithLogitsLoss」、「nn.CrossEntropyLoss」）が必要です。',
  },
  'code.reason.validationBeforeStep': {
    en: 'The validation pass comes after optimizer.step(): GradCanvas validates the parameters each epoch ends with.',
    ja: '検証は「optimizer.step()」の後に書いてください。GradCanvas は各エポックの終わりのパラメータで検証します。',
  },
  'code.reason.validationInputs': {
    en: 'The validation pass runs the model on the _test split of the data it trains on: the same columns of the dataset named <name>_test, used only there.',
    ja: '検証では、学習に使うデータの「_test」のデータでモデルを実行します。「名前_test」のデータセットの同じ列を、検証だけで使ってください。',
  },
  'code.reason.validationLabels': {
    en: '{name} is not the _test split of the training labels (the same columns of the dataset named <name>_test).',
    ja: '「{name}」は学習の正解ラベルの「_test」のデータ（「名前_test」のデータセットの同じ列）ではありません。',
  },
  'code.reason.validationCriterion': { en: 'The validation loss uses the criterion of the training loss.', ja: '検証の損失には、学習の損失と同じ損失関数を使ってください。' },
  'code.reason.validationLoss': {
    en: 'The validation pass needs its loss: loss_test = criterion(outputs_test, labels_test).',
    ja: '検証にはその損失が必要です：「loss_test = criterion(outputs_test, labels_test)」。',
  },
  'code.reason.validationAccuracy': {
    en: 'The validation accuracy needs the training accuracy too: GradCanvas logs acc before val_acc.',
    ja: '検証の正解率には学習の正解率も必要です。GradCanvas は「acc」を「val_acc」の前に記録します。',
  },
  'code.reason.toArgument': {
    en: '{what}(...) takes a number type (torch.float32, torch.float64, torch.int64 or x.dtype) or a device (device = torch.device(...), "cpu" or "cuda"; GradCanvas computes on the CPU), got {got}.',
    ja: '「{what}(...)」の引数は数値の型（「torch.float32」、「torch.float64」、「torch.int64」または「x.dtype」）かデバイス（「device = torch.device(...)」、「"cpu"」または「"cuda"」。GradCanvas は CPU で計算します）です（「{got}」が渡されました）。',
  },
  'code.reason.tupleAssign': {
    en: 'Assigning to several names at once is supported only for the values and indices of torch.max(x, dim): values, indices = torch.max(x, 1), or _, predicted = torch.max(outputs, 1). Assign one name per line otherwise.',
    ja: '複数の名前への同時代入は「torch.max(x, dim)」の値とインデックスだけに対応しています：「values, indices = torch.max(x, 1)」または「_, predicted = torch.max(outputs, 1)」。それ以外は 1 行に 1 つの名前を代入してください。',
  },
};
