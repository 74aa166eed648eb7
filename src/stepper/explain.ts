import { type Attrs, type ExplainNumbers, type FileNode, type GraphFile, lookupOp, type TraceEvent } from '../../engine';
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

/** A local rule as the panel shows it: the op's rule, or the general vector–Jacobian product. */
export interface ShownRule {
  readonly derivative: string;
  readonly gradIn: string;
  /** grad_in with the numbers substituted, or null when the rule has none to show. */
  readonly numbers: ((v: ExplainNumbers) => string) | null;
  /** A message key for what the symbols leave out (broadcasting, summing over rows). */
  readonly note?: string;
}

const GENERAL: ShownRule = { derivative: '∂y/∂x', gradIn: 'grad_in = (∂y/∂x)ᵀ·grad_out', numbers: null };

/** The rule for an op's input port (or own parameter), as the op states it; the general vector–Jacobian product for anything else. */
export function ruleOf(op: string, port: string): ShownRule {
  const def = lookupOp(op);
  const rules = def?.kind === 'op' ? def.explain.backward : {};
  const rule = Object.hasOwn(rules, port) ? rules[port] : undefined;
  if (!rule) return GENERAL;
  return { derivative: rule.derivative, gradIn: rule.gradIn, numbers: rule.numbers, ...(rule.note ? { note: `stepper.note.${rule.note}` } : {}) };
}

/** A number for an explanation: the first element, marked `[0]` when the tensor has more. */
export function first(data: ArrayLike<number> | undefined): string {
  if (!data || data.length === 0) return '?';
  return formatNumber(data[0]);
}

/** What an explanation needs: the step's events up to the cursor, the document, the learning rate. */
export interface ExplainContext {
  readonly events: readonly TraceEvent[];
  readonly cursor: number;
  readonly doc: GraphFile;
  readonly lr: number;
  readonly optimizer: GraphFile['training']['optimizer'];
}

/**
 * The first element of every number an op's rules mention, '?' where unknown: its inputs by
 * port (an unwired port reads its fallback attribute), its own parameters, its attributes, its
 * output `y`, its gradient `g`, and `n`, the element count of its first input.
 */
function numbersOf(ctx: ExplainContext, node: FileNode): ExplainNumbers {
  const def = lookupOp(node.op);
  if (def?.kind !== 'op') return {};
  const upTo = ctx.events.slice(0, ctx.cursor + 1);
  const valueOf = (id: string) => {
    for (let k = upTo.length - 1; k >= 0; k--) {
      const e = upTo[k];
      if (e.type === 'forward' && e.node === id) return e.value.data;
    }
    return undefined;
  };
  const vars: Record<string, string> = {};
  const attrs: Attrs = {};
  for (const a of def.attrs) {
    const v = node.attrs?.[a.name] ?? a.default;
    attrs[a.name] = v;
    vars[a.name] = typeof v === 'number' ? formatNumber(v) : v === null ? '?' : String(v);
  }
  let n = 0;
  for (const p of def.inputs) {
    const edge = ctx.doc.edges.find((e) => e.target === node.id && e.targetPort === p.name);
    const data = edge ? valueOf(edge.source) : undefined;
    vars[p.name] = data ? first(data) : p.fallbackAttr ? (vars[p.fallbackAttr] ?? '?') : '?';
    if (data && n === 0) n = data.length;
  }
  for (const spec of def.params?.(attrs) ?? []) {
    // What this step's forward used: its update's `before` (the document may already hold the result), else the stored values.
    const update = ctx.events.find((e) => e.type === 'update' && e.node === node.id && e.param === spec.name);
    const stored = node.params && Object.hasOwn(node.params, spec.name) ? node.params[spec.name].data.map(Number) : undefined;
    vars[spec.name] = first(update?.type === 'update' ? update.before.data : stored);
  }
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
    const def = lookupOp(self.op);
    const forward = def?.kind === 'op' ? def.explain.forward(numbersOf(ctx, self)) : name;
    return [
      {
        words: { key: ev.phase === 'loss' ? 'stepper.explain.loss' : 'stepper.explain.forward', vars: { node: name, op: self.op } },
        rule: def?.formula ?? '',
        numbers: `${forward} = ${first(ev.value.data)}`,
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
        numbers: rule.numbers ? `${rule.numbers(vars)} = ${result}` : `grad_in = ${result}`,
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
