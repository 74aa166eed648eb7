import { lookupOp, type TraceEvent } from '../../engine';
import type { FileNode, GraphFile } from '../../engine/format/schema';
import { formatNumber } from '../format';

/** A message key and its placeholders (the words of an explanation, translated by the panel). */
export interface Words {
  readonly key: string;
  readonly vars: Readonly<Record<string, string | number>>;
}

/** One line of an explanation: words, the rule in symbols, and the rule with the engine's numbers. */
export interface ExplainLine {
  readonly words: Words;
  /** The local rule (`∂(x²)/∂x = 2x`, `grad_in = 2·x·grad_out`); '' when there is none to show. */
  readonly rule: string;
  /** The rule with numbers substituted (first elements of tensors), ending in the engine's result. */
  readonly numbers: string;
  /** What the symbols leave out, when something is. */
  readonly note?: Words;
}

/** A local backward rule of one op input: the derivative in symbols, grad_in in symbols, and a template over the numbers. */
interface BackwardRule {
  readonly derivative: string;
  readonly gradIn: string;
  /** Placeholders: {x} {a} {b} {y} {g} {k} {p} {n} (input values, output, grad_out, attributes, element count). */
  readonly template: string;
  /** A message key for what the symbols leave out (broadcasting, summing over rows). */
  readonly note?: string;
}

/** Forward formulas with a template over the numbers; placeholders as for backward rules. */
const FORWARD: Readonly<Record<string, string>> = {
  square: '({x})²',
  scale: '{k}·({x})',
  add: '({a}) + ({b})',
  sub: '({a}) − ({b})',
  mul: '({a})·({b})',
  div: '({a}) / ({b})',
  neg: '−({x})',
  pow: '({x})^{p}',
  exp: 'e^({x})',
  log: 'log({x})',
  sigmoid: '1 / (1 + e^−({x}))',
  tanh: 'tanh({x})',
  relu: 'max(0, {x})',
};

/** The local rule of each op input, by `op.port`; ops not listed get the general vector–Jacobian rule. */
export const RULES: Readonly<Record<string, BackwardRule>> = {
  'square.x': { derivative: '∂(x²)/∂x = 2x', gradIn: 'grad_in = 2·x·grad_out', template: '2·({x})·({g})' },
  'scale.x': { derivative: '∂(k·x)/∂x = k', gradIn: 'grad_in = k·grad_out', template: '{k}·({g})' },
  'add.a': { derivative: '∂(a + b)/∂a = 1', gradIn: 'grad_in = grad_out', template: '{g}', note: 'stepper.note.broadcast' },
  'add.b': { derivative: '∂(a + b)/∂b = 1', gradIn: 'grad_in = grad_out', template: '{g}', note: 'stepper.note.broadcast' },
  'sub.a': { derivative: '∂(a − b)/∂a = 1', gradIn: 'grad_in = grad_out', template: '{g}' },
  'sub.b': { derivative: '∂(a − b)/∂b = −1', gradIn: 'grad_in = −grad_out', template: '−({g})' },
  'mul.a': { derivative: '∂(a·b)/∂a = b', gradIn: 'grad_in = b·grad_out', template: '({b})·({g})' },
  'mul.b': { derivative: '∂(a·b)/∂b = a', gradIn: 'grad_in = a·grad_out', template: '({a})·({g})' },
  'div.a': { derivative: '∂(a/b)/∂a = 1/b', gradIn: 'grad_in = grad_out / b', template: '({g}) / ({b})' },
  'div.b': { derivative: '∂(a/b)/∂b = −a/b²', gradIn: 'grad_in = −a·grad_out / b²', template: '−({a})·({g}) / ({b})²' },
  'neg.x': { derivative: '∂(−x)/∂x = −1', gradIn: 'grad_in = −grad_out', template: '−({g})' },
  'pow.x': { derivative: '∂(xᵖ)/∂x = p·xᵖ⁻¹', gradIn: 'grad_in = p·xᵖ⁻¹·grad_out', template: '{p}·({x})^({p} − 1)·({g})' },
  'exp.x': { derivative: '∂(eˣ)/∂x = eˣ', gradIn: 'grad_in = y·grad_out', template: '({y})·({g})' },
  'log.x': { derivative: '∂(log x)/∂x = 1/x', gradIn: 'grad_in = grad_out / x', template: '({g}) / ({x})' },
  'sigmoid.x': { derivative: '∂σ(x)/∂x = σ(x)(1 − σ(x))', gradIn: 'grad_in = y·(1 − y)·grad_out', template: '({y})·(1 − {y})·({g})' },
  'tanh.x': { derivative: '∂tanh(x)/∂x = 1 − tanh²(x)', gradIn: 'grad_in = (1 − y²)·grad_out', template: '(1 − ({y})²)·({g})' },
  'relu.x': { derivative: '∂relu(x)/∂x = [x > 0]', gradIn: 'grad_in = [x > 0]·grad_out', template: '[{x} > 0]·({g})' },
  'sum.x': { derivative: '∂(Σ xᵢ)/∂xᵢ = 1', gradIn: 'grad_in = grad_out', template: '{g}', note: 'stepper.note.copied' },
  'mean.x': { derivative: '∂(Σ xᵢ / n)/∂xᵢ = 1/n', gradIn: 'grad_in = grad_out / n', template: '({g}) / {n}' },
  'mse.input': { derivative: '∂(Σ(ŷ − y)²/n)/∂ŷ = 2(ŷ − y)/n', gradIn: 'grad_in = 2·(ŷ − y)/n·grad_out', template: '2·({input} − {target}) / {n}·({g})' },
  'mse.target': { derivative: '∂(Σ(ŷ − y)²/n)/∂y = −2(ŷ − y)/n', gradIn: 'grad_in = −2·(ŷ − y)/n·grad_out', template: '−2·({input} − {target}) / {n}·({g})' },
  'linear.x': { derivative: '∂(x·Wᵀ + b)/∂x = W', gradIn: 'grad_in = grad_out·W', template: '({g})·({weight})' },
  'linear.weight': { derivative: '∂(x·Wᵀ + b)/∂W = x', gradIn: 'grad_W = grad_outᵀ·x', template: 'Σ grad_out·x', note: 'stepper.note.rows' },
  'linear.bias': { derivative: '∂(x·Wᵀ + b)/∂b = 1', gradIn: 'grad_b = Σ grad_out', template: 'Σ grad_out', note: 'stepper.note.rows' },
};

const GENERAL: BackwardRule = { derivative: '∂y/∂x', gradIn: 'grad_in = (∂y/∂x)ᵀ·grad_out', template: '' };

/** The rule for an op's input port (or own parameter), falling back to the general vector–Jacobian product. */
export function ruleOf(op: string, port: string): BackwardRule {
  return RULES[`${op}.${port}`] ?? GENERAL;
}

/** A number for an explanation: the first element, marked `[0]` when the tensor has more. */
export function first(data: ArrayLike<number> | undefined): string {
  if (!data || data.length === 0) return '?';
  return formatNumber(data[0]);
}

/** Fills `{name}` placeholders; unknown ones stay as they are. */
export function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}

/** What an explanation needs: the step's events up to the cursor, the document, the learning rate. */
export interface ExplainContext {
  readonly events: readonly TraceEvent[];
  readonly cursor: number;
  readonly doc: GraphFile;
  readonly lr: number;
  readonly optimizer: GraphFile['training']['optimizer'];
}

/** The first element of every number a node's rules mention: its inputs by port, its output, its gradient, its attributes. */
function numbersOf(ctx: ExplainContext, node: FileNode): Record<string, string> {
  const upTo = ctx.events.slice(0, ctx.cursor + 1);
  const valueOf = (id: string) => {
    for (let k = upTo.length - 1; k >= 0; k--) {
      const e = upTo[k];
      if (e.type === 'forward' && e.node === id) return e.value.data;
    }
    return undefined;
  };
  const vars: Record<string, string> = {};
  const def = lookupOp(node.op);
  for (const a of def?.kind === 'op' ? def.attrs : []) {
    const v = node.attrs?.[a.name] ?? a.default;
    if (typeof v === 'number') vars[a.name] = formatNumber(v);
  }
  const ports = def?.kind === 'op' ? def.inputs : [];
  let n = 0;
  for (const p of ports) {
    const edge = ctx.doc.edges.find((e) => e.target === node.id && e.targetPort === p.name);
    const data = edge ? valueOf(edge.source) : undefined;
    if (data) vars[p.name] = first(data);
    else if (p.fallbackAttr && vars[p.fallbackAttr] !== undefined) vars[p.name] = vars[p.fallbackAttr];
    if (data && n === 0) n = data.length;
  }
  if (vars.x === undefined && vars.input !== undefined) vars.x = vars.input;
  const w = node.params?.weight;
  if (w) vars.weight = first(w.data.map(Number));
  vars.n = String(n || 1);
  vars.y = first(valueOf(node.id));
  const grad = [...upTo].reverse().find((e) => e.type === 'backward' && e.node === node.id && e.param === undefined);
  vars.g = first(grad?.type === 'backward' ? grad.grad.data : undefined);
  return vars;
}

/** The explanation of the event at the cursor: what happened, the local rule, and the numbers. */
export function explain(ctx: ExplainContext): ExplainLine[] {
  const ev = ctx.events[ctx.cursor];
  if (!ev) return [];
  const nodeOf = (id: string) => ctx.doc.nodes.find((n) => n.id === id);
  const self = nodeOf(ev.node);
  const name = self?.label ?? ev.node;
  if (ev.type === 'forward') {
    if (!self || lookupOp(self.op)?.kind !== 'op') return [{ words: { key: 'stepper.explain.leaf', vars: { node: name } }, rule: '', numbers: `${name} = ${first(ev.value.data)}` }];
    const vars = numbersOf(ctx, self);
    const template = FORWARD[self.op];
    const formula = lookupOp(self.op)?.formula ?? '';
    return [
      {
        words: { key: ev.phase === 'loss' ? 'stepper.explain.loss' : 'stepper.explain.forward', vars: { node: name, op: self.op } },
        rule: formula,
        numbers: template ? `${fill(template, vars)} = ${first(ev.value.data)}` : `${name} = ${first(ev.value.data)}`,
      },
    ];
  }
  if (ev.type === 'backward') {
    if (ev.param !== undefined) {
      const rule = ruleOf(self?.op ?? '', ev.param);
      return [
        {
          words: { key: 'stepper.explain.paramGrad', vars: { node: name, param: ev.param } },
          rule: `${rule.derivative};  ${rule.gradIn}`,
          numbers: `${name}.${ev.param}.grad = ${first(ev.grad.data)}`,
          ...(rule.note ? { note: { key: rule.note, vars: {} } } : {}),
        },
      ];
    }
    if (ev.contributions.length === 0) {
      return [{ words: { key: 'stepper.explain.seed', vars: { node: name } }, rule: '∂loss/∂loss = 1', numbers: `${name}.grad = ${first(ev.grad.data)}` }];
    }
    const lines: ExplainLine[] = ev.contributions.map((c) => {
      const consumer = nodeOf(c.target);
      const rule = ruleOf(consumer?.op ?? '', c.port);
      const vars = consumer ? numbersOf(ctx, consumer) : {};
      const result = first(c.grad.data);
      return {
        words: { key: 'stepper.explain.contribution', vars: { node: name, target: consumer?.label ?? c.target, port: c.port, op: consumer?.op ?? '?' } },
        rule: `${rule.derivative};  ${rule.gradIn}`,
        numbers: rule.template ? `${fill(rule.template, vars)} = ${result}` : `grad_in = ${result}`,
        ...(rule.note ? { note: { key: rule.note, vars: {} } } : {}),
      };
    });
    if (ev.contributions.length > 1) {
      const sum = ev.contributions.map((c) => `(${first(c.grad.data)})`).join(' + ');
      lines.push({ words: { key: 'stepper.explain.sum', vars: { node: name, count: ev.contributions.length } }, rule: `${name}.grad = Σ grad_in`, numbers: `${sum} = ${first(ev.grad.data)}` });
    }
    return lines;
  }
  const plainSgd = ctx.optimizer.type === 'sgd' && !(ctx.optimizer.momentum ?? 0) && !(ctx.optimizer.weightDecay ?? 0);
  const before = first(ev.before.data);
  const after = first(ev.after.data);
  const target = ev.param === 'value' ? name : `${name}.${ev.param}`;
  if (plainSgd) {
    return [
      {
        words: { key: 'stepper.explain.sgd', vars: { node: target } },
        rule: `${target} ← ${target} − lr·grad`,
        numbers: `${before} − ${formatNumber(ctx.lr)}·(${first(ev.grad.data)}) = ${after}`,
      },
    ];
  }
  return [{ words: { key: 'stepper.explain.optimizer', vars: { node: target, optimizer: ctx.optimizer.type } }, rule: `${target}: before → after`, numbers: `${before} → ${after}` }];
}
