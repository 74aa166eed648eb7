import type { SyntaxNode } from '@lezer/common';
import type { InitSpec } from '../graph/types';
import type { OptimizerSettings } from '../optim/types';
import { callParts, failAt, stringLiteral } from './callParts';
import { dataTensor, readTable, selectColumns } from './data';
import type { DraftMark } from './draft';
import { evaluate, type PyValue, type Scope, text } from './expressions';
import type { Layer, Model, ObjectValue } from './objects';
import { contextOf } from './context';
import { linearInit } from './linearInit';
import { parts } from './syntax';

/** The loss modules the course uses, by the op each one is. */
const CRITERIA: Readonly<Record<string, string>> = { MSELoss: 'mse', BCELoss: 'bce', BCEWithLogitsLoss: 'bce_with_logits', CrossEntropyLoss: 'cross_entropy' };
/** The activation modules a model may hold as layers, by op. */
const ACTIVATIONS: Readonly<Record<string, string>> = { ReLU: 'relu', Sigmoid: 'sigmoid', Tanh: 'tanh' };

/** `nn.X` or `torch.nn.X` → `X` when the module is imported; null for other callees. */
function nnName(scope: Scope, callee: string): string | null {
  if (callee.startsWith('nn.') && scope.modules.has('nn')) return callee.slice(3);
  if (callee.startsWith('torch.nn.') && scope.modules.has('torch')) return callee.slice(9);
  return null;
}

/** `optim.X` or `torch.optim.X` → `X` when the module is imported. */
function optimName(scope: Scope, callee: string): string | null {
  if (callee.startsWith('optim.') && scope.modules.has('optim')) return callee.slice(6);
  if (callee.startsWith('torch.optim.') && scope.modules.has('torch')) return callee.slice(12);
  return null;
}

/**
 * What a name or attribute chain holds, found without running anything (so nothing is added
 * to the graph): a variable, `net.l1`, `net.l1.weight`, `df["RM"]`, `df[["RM"]].values`,
 * `data[:, 0]`. Undefined when the expression is not such a chain.
 */
export function peek(scope: Scope, node: SyntaxNode): PyValue | undefined {
  if (node.name === 'VariableName') return scope.vars.get(text(scope, node));
  if (node.name !== 'MemberExpression') return undefined;
  const [ownerNode, prop] = parts(node);
  const owner = peek(scope, ownerNode);
  if (!owner) return undefined;
  const isSubscript = node.getChild('[') !== null;
  if (isSubscript) return owner.kind === 'data' ? { kind: 'data', data: selectColumns(scope, owner.data, node) } : undefined;
  const name = text(scope, prop);
  if ((owner.kind === 'model' || owner.kind === 'self') && owner.model.layers.has(name)) return { kind: 'layer', layer: owner.model.layers.get(name) as Layer };
  if (owner.kind === 'layer' && owner.layer.op === 'linear' && (name === 'weight' || name === 'bias')) return { kind: 'weight', layer: owner.layer, name, data: false };
  if (owner.kind === 'weight' && name === 'data' && !owner.data) return { ...owner, data: true };
  if (owner.kind === 'data' && name === 'values') return owner;
  return undefined;
}

/**
 * Calls of the training script's objects and of their constructors: `nn.Linear(…)`,
 * `nn.MSELoss()`, `optim.SGD(…)`, `Net(…)`, `net(X)`, `self.l1(x)`, `criterion(out, y)`,
 * `pd.read_csv(…)`, `torch.tensor(df[…].values)`. Null for any other call (the expression
 * level takes it).
 */
export function objectCall(scope: Scope, node: SyntaxNode): PyValue | null {
  const code = scope.code;
  const [fnNode] = parts(node);
  const callee = text(scope, fnNode);
  const nn = nnName(scope, callee);
  if (nn !== null && nn in CRITERIA) return criterion(scope, node, CRITERIA[nn]);
  if (nn === 'Linear' || (nn !== null && nn in ACTIVATIONS)) return layer(scope, node, nn);
  const opt = optimName(scope, callee);
  if (opt === 'SGD' || opt === 'Adam') return optimizer(scope, node, opt);
  if (callee === 'pd.read_csv' && scope.modules.has('pd')) return readTable(scope, contextOf(scope).sources, node, 'pd');
  if (callee === 'np.loadtxt' && scope.modules.has('np')) return readTable(scope, contextOf(scope).sources, node, 'np');
  const data = dataTensor(scope, node, (n) => peek(scope, n));
  if (data) return data;
  const target = peek(scope, fnNode);
  if (!target) return null;
  const { positional, keywords, list } = callParts(code, node);
  for (const [k, v] of keywords) failAt('keyword', { what: callee, name: k }, v);
  switch (target.kind) {
    case 'class':
      return instantiate(scope, target, positional, list);
    case 'model':
      return forward(scope, target.model, positional, list, callee);
    case 'layer':
      return layerCall(scope, target.layer, positional, list, callee);
    case 'criterion': {
      if (positional.length !== 2) failAt('arguments', { what: callee, expected: 'outputsLabels' }, list);
      const input = tensorOf(scope, positional[0]);
      // Class labels are written `labels.long()` (PyTorch wants integers); the graph holds them as they are.
      const labels = positional[1];
      const [inner] = parts(labels);
      const isLong = labels.name === 'CallExpression' && inner.name === 'MemberExpression' && /\.long$/.test(text(scope, inner)) && parts(parts(labels)[1]).length === 0;
      const targetId = tensorOf(scope, isLong ? parts(inner)[0] : labels);
      const attrs = target.reduction === 'mean' ? undefined : { reduction: target.reduction };
      const id = scope.draft.add('loss', { op: target.op, ...(attrs ? { attrs } : {}) }, { input, target: targetId });
      scope.draft.loss = id;
      return { kind: 'tensor', id };
    }
    default:
      return failAt('objectCall', { what: callee }, fnNode);
  }
}

function tensorOf(scope: Scope, node: SyntaxNode): string {
  const v = evaluate(scope, node);
  if (v.kind !== 'tensor') failAt('notTensor', { name: text(scope, node) }, node);
  return v.id;
}

function numberOf(scope: Scope, node: SyntaxNode): number {
  const v = evaluate(scope, node);
  if (v.kind !== 'number') failAt('notNumber', {}, node);
  return v.value;
}

function wholeNumber(scope: Scope, node: SyntaxNode): number {
  const v = evaluate(scope, node);
  if (v.kind !== 'number' || !v.int || v.value < 1) failAt('features', { what: text(scope, node) }, node);
  return v.value;
}

/** `nn.MSELoss()`, `nn.CrossEntropyLoss(reduction="sum")`. */
function criterion(scope: Scope, node: SyntaxNode, op: string): PyValue {
  const { fnNode, positional, keywords } = callParts(scope.code, node);
  if (positional.length > 0) failAt('arguments', { what: text(scope, fnNode), expected: 'reductionOnly' }, positional[0]);
  let reduction: 'mean' | 'sum' = 'mean';
  for (const [k, v] of keywords) {
    const s = stringLiteral(scope.code, v);
    if (k !== 'reduction') failAt('keyword', { what: text(scope, fnNode), name: k }, v);
    if (s !== 'mean' && s !== 'sum') failAt('reduction', { got: text(scope, v) }, v);
    reduction = s;
  }
  return { kind: 'criterion', op, reduction };
}

/** `nn.Linear(in, out)` (`bias=True`) or `nn.ReLU()`, `nn.Sigmoid()`, `nn.Tanh()`. */
function layer(scope: Scope, node: SyntaxNode, kind: string): PyValue {
  const { fnNode, list, positional, keywords } = callParts(scope.code, node);
  const what = text(scope, fnNode);
  const ctx = contextOf(scope);
  if (kind !== 'Linear') {
    if (positional.length > 0) failAt('arguments', { what, expected: 'none' }, list);
    for (const [k, v] of keywords) if (k !== 'inplace') failAt('keyword', { what, name: k }, v);
    return { kind: 'layer', layer: { name: ACTIVATIONS[kind], op: ACTIVATIONS[kind], inFeatures: 0, outFeatures: 0, init: { type: 'constant', value: 0 }, set: new Map(), node: null } };
  }
  if (positional.length !== 2) failAt('arguments', { what, expected: 'features' }, list);
  for (const [k, v] of keywords) {
    if (k !== 'bias') failAt('keyword', { what, name: k }, v);
    if (text(scope, v) !== 'True') failAt('bias', {}, v);
  }
  const inFeatures = wholeNumber(scope, positional[0]);
  const outFeatures = wholeNumber(scope, positional[1]);
  const set = new Map<'weight' | 'bias', number[]>();
  // After torch.manual_seed, PyTorch's own numbers; else GradCanvas's nn.Linear initialiser (uniform in ±1/√in), a seed per layer.
  if (scope.generator) {
    const { weight, bias } = linearInit(scope.generator, inFeatures, outFeatures, scope.draft.dtype ?? scope.defaultDtype);
    set.set('weight', weight).set('bias', bias);
  }
  const init: InitSpec = { type: 'default', seed: ctx.layers++ };
  return { kind: 'layer', layer: { name: 'linear', op: 'linear', inFeatures, outFeatures, init, set, node: null } };
}

/** `optim.SGD(params, lr=…, momentum=…)` or `optim.Adam(params, lr=…, betas=(…), eps=…)`: the document's optimizer. */
function optimizer(scope: Scope, node: SyntaxNode, type: 'SGD' | 'Adam'): PyValue {
  const { fnNode, list, positional, keywords } = callParts(scope.code, node);
  const what = text(scope, fnNode);
  if (positional.length !== 1) failAt('optimizerParams', {}, list);
  trainables(scope, positional[0]);
  const num = (k: string) => numberOf(scope, keywords.get(k) as SyntaxNode);
  const flag = (k: string) => {
    const t = text(scope, keywords.get(k) as SyntaxNode);
    if (t !== 'True' && t !== 'False') failAt('arguments', { what: k, expected: 'trueFalse' }, keywords.get(k) as SyntaxNode);
    return t === 'True';
  };
  const allowed = type === 'SGD' ? ['lr', 'momentum', 'dampening', 'nesterov', 'weight_decay'] : ['lr', 'betas', 'eps', 'weight_decay', 'amsgrad'];
  for (const [k, v] of keywords) if (!allowed.includes(k)) failAt('keyword', { what, name: k }, v);
  if (type === 'SGD' && !keywords.has('lr')) failAt('arguments', { what, expected: 'lr' }, list);
  const has = (k: string) => keywords.has(k);
  let settings: OptimizerSettings;
  if (type === 'SGD') {
    settings = {
      type: 'sgd',
      lr: num('lr'),
      ...(has('momentum') ? { momentum: num('momentum') } : {}),
      ...(has('dampening') ? { dampening: num('dampening') } : {}),
      ...(has('nesterov') ? { nesterov: flag('nesterov') } : {}),
      ...(has('weight_decay') ? { weightDecay: num('weight_decay') } : {}),
    };
  } else {
    let betas: number[] = [];
    if (has('betas')) {
      const b = keywords.get('betas') as SyntaxNode;
      const items = b.name === 'TupleExpression' || b.name === 'ArrayExpression' ? parts(b) : [];
      if (items.length !== 2) failAt('arguments', { what: 'betas', expected: 'twoNumbers' }, b);
      betas = items.map((i) => numberOf(scope, i));
    }
    settings = {
      type: 'adam',
      lr: has('lr') ? num('lr') : 0.001,
      ...(betas.length === 2 ? { beta1: betas[0], beta2: betas[1] } : {}),
      ...(has('eps') ? { eps: num('eps') } : {}),
      ...(has('weight_decay') ? { weightDecay: num('weight_decay') } : {}),
      ...(has('amsgrad') ? { amsgrad: flag('amsgrad') } : {}),
    };
  }
  const draft = scope.draft;
  draft.training = { ...draft.training, optimizer: settings };
  return { kind: 'optimizer', settings };
}

/**
 * What the optimizer trains: `net.parameters()`, a list of leaf tensors made with
 * `requires_grad=True` (`[W, B]`, which become the graph's parameter nodes), or
 * `list(net.parameters()) + [W, B]`. The models it names are remembered, so the loop can check
 * every layer is trained (GradCanvas trains every parameter of the graph).
 */
function trainables(scope: Scope, node: SyntaxNode): void {
  const ctx = contextOf(scope);
  const code = scope.code;
  const modelOf = (n: SyntaxNode): boolean => {
    let call = n;
    if (call.name === 'CallExpression' && text(scope, parts(call)[0]) === 'list') call = parts(parts(call)[1])[0] ?? call;
    if (call.name !== 'CallExpression') return false;
    const [fn] = parts(call);
    if (fn.name !== 'MemberExpression' || !/\.parameters$/.test(text(scope, fn))) return false;
    const owner = peek(scope, parts(fn)[0]);
    if (owner?.kind !== 'model') return failAt('optimizerParams', {}, n);
    ctx.trained.add(owner.model);
    return true;
  };
  const leaves = (n: SyntaxNode): boolean => {
    if (n.name !== 'ArrayExpression') return false;
    for (const item of parts(n)) makeParameter(scope, item);
    return true;
  };
  if (modelOf(node) || leaves(node)) return;
  if (node.name === 'BinaryExpression') {
    const [a, op, b] = parts(node);
    if (code.slice(op.from, op.to) === '+' && (modelOf(a) || leaves(a)) && (modelOf(b) || leaves(b))) return;
  }
  failAt('optimizerParams', {}, node);
}

/** A leaf tensor with `requires_grad=True` given to the optimizer: it becomes a parameter node holding its values. */
function makeParameter(scope: Scope, item: SyntaxNode): void {
  const v = item.name === 'VariableName' ? scope.vars.get(text(scope, item)) : undefined;
  const node = v?.kind === 'tensor' ? scope.draft.nodes.find((n) => n.id === v.id) : undefined;
  const value = node?.value;
  if (!node || (node.op !== 'input' && node.op !== 'parameter') || (node.op === 'input' && (!node.requiresGrad || value?.type !== 'tensor'))) {
    return failAt('notLeaf', { name: text(scope, item) }, item);
  }
  if (node.op === 'parameter' || value?.type !== 'tensor') return;
  scope.draft.replace(node.id, (n) => ({ id: n.id, op: 'parameter', ...(n.label ? { label: n.label } : {}), shape: [...value.shape], params: { value: { shape: [...value.shape], data: [...value.data] } } }));
}

/** `Net(n_input, n_output)`: runs `__init__` with `self` and its arguments. */
function instantiate(scope: Scope, cls: Extract<ObjectValue, { kind: 'class' }>, positional: SyntaxNode[], list: SyntaxNode): PyValue {
  const model: Model = { className: cls.name, forward: cls.forward, layers: new Map(), called: false, args: [], initialised: false };
  const inner = bind(scope, cls.init, { kind: 'self', model }, positional, list, cls.name);
  const body = cls.init.getChild('Body');
  for (const stmt of body ? parts(body) : []) initStatement(inner, model, stmt);
  if (!model.initialised) failAt('superInit', {}, cls.init.getChild('VariableName') ?? cls.init);
  return { kind: 'model', model };
}

/** A method's own variables: the script's, `self`, and its parameters bound to the call's arguments. */
function bind(scope: Scope, fn: SyntaxNode, self: PyValue, positional: SyntaxNode[], list: SyntaxNode, what: string): Scope {
  const params = parts(fn.getChild('ParamList') as SyntaxNode);
  const names = params.map((p) => text(scope, p));
  if (params.some((p) => p.name !== 'VariableName') || names[0] !== 'self') failAt('method', { what: text(scope, fn.getChild('ParamList') as SyntaxNode) }, fn.getChild('ParamList') as SyntaxNode);
  if (positional.length !== names.length - 1) failAt('argumentCount', { what, expected: String(names.length - 1), got: String(positional.length) }, list);
  const vars = new Map(scope.vars);
  vars.set('self', self);
  names.slice(1).forEach((n, i) => vars.set(n, evaluate(scope, positional[i])));
  return { ...scope, vars };
}

/** One statement of `__init__`: `super().__init__()`, `self.l1 = nn.Linear(…)`, a number, or initialising a weight. */
function initStatement(scope: Scope, model: Model, stmt: SyntaxNode): void {
  const t = text(scope, stmt).replace(/\s+/g, '');
  if (stmt.name === 'ExpressionStatement' && (t === 'super().__init__()' || /^super\(\w+,self\)\.__init__\(\)$/.test(t))) {
    model.initialised = true;
    return;
  }
  if (stmt.name === 'AssignStatement') {
    const [target, , value] = parts(stmt);
    if (parts(stmt).length === 3 && target.name === 'MemberExpression' && text(scope, parts(target)[0]) === 'self' && target.getChild('[') === null) {
      if (!model.initialised) failAt('superInit', {}, target);
      const v = evaluate(scope, value);
      if (v.kind !== 'layer') return failAt('initStatement', { what: firstLine(text(scope, stmt)) }, value);
      const name = text(scope, parts(target)[1]);
      model.layers.set(name, { ...v.layer, name });
      return;
    }
    if (parts(stmt).length === 3 && target.name === 'VariableName') {
      const v = evaluate(scope, value);
      if (v.kind !== 'number') failAt('initStatement', { what: firstLine(text(scope, stmt)) }, stmt);
      scope.vars.set(text(scope, target), v);
      return;
    }
  }
  if (initialisation(scope, stmt)) return;
  if (stmt.name === 'WithStatement') return noGrad(scope, stmt);
  failAt('initStatement', { what: firstLine(text(scope, stmt)) }, stmt);
}

/** `net(X)`: runs forward once, adding its nodes (a `linear` node per layer); the graph holds one forward pass. */
function forward(scope: Scope, model: Model, positional: SyntaxNode[], list: SyntaxNode, what: string): PyValue {
  if (model.called) failAt('secondForward', { name: what }, list);
  model.called = true;
  const args = positional.map((p) => evaluate(scope, p));
  model.args = args.map((a) => (a.kind === 'tensor' ? a.id : ''));
  const inner = bindValues(scope, model.forward, { kind: 'self', model }, args, list, what);
  const body = model.forward.getChild('Body');
  for (const stmt of body ? parts(body) : []) {
    if (stmt.name === 'ReturnStatement') {
      const [value] = parts(stmt).filter((p) => p.name !== 'return');
      if (!value) failAt('forwardReturn', {}, stmt);
      const v = evaluate(inner, value);
      if (v.kind !== 'tensor') failAt('notTensor', { name: text(scope, value) }, value);
      return v;
    }
    const [target, op, value] = parts(stmt);
    if (stmt.name !== 'AssignStatement' || parts(stmt).length !== 3 || target.name !== 'VariableName' || text(scope, op) !== '=') failAt('forwardStatement', { what: firstLine(text(scope, stmt)) }, stmt);
    assign(inner, text(scope, target), value);
  }
  return failAt('forwardReturn', {}, model.forward.getChild('VariableName') ?? model.forward);
}

/** `name = value` inside forward: the node the line adds takes the variable's name, as at the top level. */
function assign(scope: Scope, name: string, value: SyntaxNode): void {
  const before: DraftMark = scope.draft.mark(scope.defaultDtype);
  const v = evaluate(scope, value);
  const isNew = v.kind === 'tensor' && scope.draft.nodes.slice(before.nodes).some((n) => n.id === v.id);
  scope.vars.set(name, v.kind === 'tensor' && isNew ? { kind: 'tensor', id: scope.draft.rename(v.id, name, before) } : v);
}

function bindValues(scope: Scope, fn: SyntaxNode, self: PyValue, args: PyValue[], list: SyntaxNode, what: string): Scope {
  const params = parts(fn.getChild('ParamList') as SyntaxNode);
  const names = params.map((p) => text(scope, p));
  if (params.some((p) => p.name !== 'VariableName') || names[0] !== 'self') failAt('method', { what: text(scope, fn.getChild('ParamList') as SyntaxNode) }, fn.getChild('ParamList') as SyntaxNode);
  if (args.length !== names.length - 1) failAt('argumentCount', { what, expected: String(names.length - 1), got: String(args.length) }, list);
  const vars = new Map(scope.vars);
  vars.set('self', self);
  names.slice(1).forEach((n, i) => vars.set(n, args[i]));
  return { ...scope, vars };
}

/** `self.l1(x)`: the layer's node, its parameters as the code set them (else its initialiser). */
function layerCall(scope: Scope, l: Layer, positional: SyntaxNode[], list: SyntaxNode, what: string): PyValue {
  if (positional.length !== 1) failAt('arguments', { what, expected: 'oneTensor' }, list);
  if (l.node !== null) failAt('layerTwice', { name: what }, list);
  const x = tensorOf(scope, positional[0]);
  if (l.op !== 'linear') {
    l.node = scope.draft.add(l.name, { op: l.op }, { x });
    return { kind: 'tensor', id: l.node };
  }
  l.node = scope.draft.add(l.name, { op: 'linear', attrs: { inFeatures: l.inFeatures, outFeatures: l.outFeatures }, init: l.init, ...layerParams(l) }, { x });
  return { kind: 'tensor', id: l.node };
}

/** The parameter values the code set on a layer, as a node stores them. */
function layerParams(l: Layer): { params?: Record<string, { shape: number[]; data: number[] }> } {
  if (l.set.size === 0) return {};
  const params: Record<string, { shape: number[]; data: number[] }> = {};
  for (const [name, data] of l.set) params[name] = { shape: name === 'weight' ? [l.outFeatures, l.inFeatures] : [l.outFeatures], data };
  return { params };
}

/**
 * Initialising a layer's weight or bias: `nn.init.constant_(w, v)`, `w.fill_(v)`, `w.zero_()`,
 * `w.copy_(torch.tensor([[…]]))` (in-place on a parameter: inside `with torch.no_grad():`, or
 * on `w.data`, as PyTorch requires). False when the statement is none of these.
 */
export function initialisation(scope: Scope, stmt: SyntaxNode): boolean {
  if (stmt.name !== 'ExpressionStatement') return false;
  const [call] = parts(stmt);
  if (call?.name !== 'CallExpression') return false;
  const { fnNode, list, positional, keywords } = callParts(scope.code, call);
  const callee = text(scope, fnNode);
  const ctx = contextOf(scope);
  for (const [k, v] of keywords) failAt('keyword', { what: callee, name: k }, v);
  const nn = nnName(scope, callee);
  if (nn === 'init.constant_') {
    if (positional.length !== 2) failAt('arguments', { what: callee, expected: 'tensorAndNumber' }, list);
    const w = weightOf(scope, positional[0]);
    setWeight(scope, w, () => numberOf(scope, positional[1]), positional[1]);
    return true;
  }
  if (fnNode.name !== 'MemberExpression') return false;
  const [ownerNode, prop] = parts(fnNode);
  const owner = peek(scope, ownerNode);
  if (owner?.kind !== 'weight') return false;
  const method = text(scope, prop);
  if (!['copy_', 'fill_', 'zero_'].includes(method)) failAt('weightMethod', { what: callee }, prop);
  if (!ctx.noGrad && !owner.data) failAt('inPlace', { what: callee }, fnNode);
  if (method === 'zero_') {
    if (positional.length > 0) failAt('arguments', { what: callee, expected: 'none' }, list);
    setWeight(scope, owner, () => 0, list);
  } else if (method === 'fill_') {
    if (positional.length !== 1) failAt('arguments', { what: callee, expected: 'oneNumber' }, list);
    setWeight(scope, owner, () => numberOf(scope, positional[0]), positional[0]);
  } else {
    if (positional.length !== 1) failAt('arguments', { what: callee, expected: 'oneTensor' }, list);
    setWeight(scope, owner, null, positional[0], literalTensor(scope, positional[0]));
  }
  return true;
}

function weightOf(scope: Scope, node: SyntaxNode): Extract<ObjectValue, { kind: 'weight' }> {
  const v = peek(scope, node);
  if (v?.kind !== 'weight') return failAt('notWeight', { name: text(scope, node) }, node);
  return v;
}

/** Sets a weight to one number everywhere, or to a tensor of its shape (`copy_`). */
function setWeight(scope: Scope, w: Extract<ObjectValue, { kind: 'weight' }>, fill: (() => number) | null, at: SyntaxNode, values?: { shape: number[]; data: number[] }): void {
  const l = w.layer;
  const shape = w.name === 'weight' ? [l.outFeatures, l.inFeatures] : [l.outFeatures];
  const n = shape.reduce((a, b) => a * b, 1);
  let data: number[];
  if (fill) data = new Array<number>(n).fill(fill());
  else {
    const v = values as { shape: number[]; data: number[] };
    if (v.data.length === 1 && v.shape.length === 0) data = new Array<number>(n).fill(v.data[0]);
    else if (v.shape.join(',') === shape.join(',')) data = v.data;
    else return failAt('weightShape', { name: `${l.name}.${w.name}`, expected: `[${shape.join(', ')}]`, got: `[${v.shape.join(', ')}]` }, at);
  }
  l.set.set(w.name, data);
  if (l.node !== null) scope.draft.replace(l.node, (node) => ({ ...node, ...layerParams(l) }));
}

/** `torch.tensor([[1.0, 2.0]])` or a number, read without adding a node. */
function literalTensor(scope: Scope, node: SyntaxNode): { shape: number[]; data: number[] } {
  let arg = node;
  if (node.name === 'CallExpression') {
    const { fnNode, positional, keywords } = callParts(scope.code, node);
    if (text(scope, fnNode) !== 'torch.tensor' || positional.length !== 1 || keywords.size > 0) return failAt('copyValue', {}, node);
    arg = positional[0];
  }
  const shape: number[] = [];
  const data: number[] = [];
  const walk = (n: SyntaxNode, depth: number) => {
    if (n.name !== 'ArrayExpression') {
      if (depth !== shape.length) failAt('ragged', {}, n);
      data.push(numberOf(scope, n));
      return;
    }
    const items = parts(n);
    if (depth === shape.length) shape.push(items.length);
    else if (depth > shape.length || shape[depth] !== items.length) failAt('ragged', {}, n);
    for (const item of items) walk(item, depth + 1);
  };
  walk(arg, 0);
  return { shape, data };
}

/** `with torch.no_grad():` around weight initialisation (`copy_`, `fill_`, `nn.init.constant_`). */
export function noGrad(scope: Scope, stmt: SyntaxNode): void {
  const [item] = parts(stmt).filter((p) => p.name !== 'with');
  if (!item || text(scope, item).replace(/\s+/g, '') !== 'torch.no_grad()') return failAt('withStatement', {}, item ?? stmt);
  const ctx = contextOf(scope);
  ctx.noGrad = true;
  try {
    const body = stmt.getChild('Body');
    for (const s of body ? parts(body) : []) if (!initialisation(scope, s)) failAt('noGradStatement', { what: firstLine(text(scope, s)) }, s);
  } finally {
    ctx.noGrad = false;
  }
}

/** `class Net(nn.Module):` with `def __init__(self, …)` and `def forward(self, x)`: a class the script can make models of. */
export function defineClass(scope: Scope, stmt: SyntaxNode): void {
  const name = stmt.getChild('VariableName') as SyntaxNode;
  const base = stmt.getChild('ArgList');
  const baseText = base ? text(scope, base).replace(/\s+/g, '') : '';
  if (baseText !== '(nn.Module)' && baseText !== '(torch.nn.Module)') failAt('classBase', { name: text(scope, name) }, base ?? name);
  if (baseText === '(nn.Module)' && !scope.modules.has('nn')) failAt('notImported', { name: 'nn' }, base as SyntaxNode);
  const methods = new Map<string, SyntaxNode>();
  const body = stmt.getChild('Body');
  for (const m of body ? parts(body) : []) {
    const mName = m.name === 'FunctionDefinition' ? text(scope, m.getChild('VariableName') as SyntaxNode) : '';
    if (mName !== '__init__' && mName !== 'forward') failAt('classStatement', { what: firstLine(text(scope, m)) }, m);
    methods.set(mName, m);
  }
  const init = methods.get('__init__');
  const fwd = methods.get('forward');
  if (!init || !fwd) return failAt('classMethods', { name: text(scope, name) }, name);
  scope.vars.set(text(scope, name), { kind: 'class', name: text(scope, name), init, forward: fwd });
}

/** The first line of a statement, shortened for a message. */
export function firstLine(s: string): string {
  const line = s.split('\n')[0];
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
