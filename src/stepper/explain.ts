import { attrDefault, type Attrs, type ExplainNumbers, type FileNode, type GraphFile, lookupOp, type Shape, tidyMath, type TraceEvent } from '../../engine';
import { formatNumber } from '../format';
import type { FollowedElement } from '../session/types';
import { correspondingIndex, elementName } from './element';
import { addMessages } from '../i18n/messages';
import { stepExplain } from '../i18n/messages/stepExplain';

// The step panel's strings (the explanation, the PyTorch view) load with its code, not with the first screen.
addMessages(stepExplain);

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
  /**
   * Math text (fractions marked, see engine `frac`): the element computed, the rule with the
   * names of the elements it reads, the same with their numbers, and the engine's result:
   * `x.grad[3] = 2·x[3]·square.grad[3] = 2·(−1.25)·2 = −5`.
   */
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

/** A number as a result in math text: formatNumber's digits with a true minus sign (`−1.25`). */
export function mathNumber(v: number | undefined): string {
  if (v === undefined) return '?';
  const s = formatNumber(v);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** A number as a factor in math text: a negative one in parentheses (`(−1.25)`), so `2·(−1.25)` never reads `2·−1.25`. */
export function factor(v: number | undefined): string {
  const s = mathNumber(v);
  return s.startsWith('−') ? `(${s})` : s;
}

/** What an explanation needs: the step's events up to the cursor, the document, the learning rate, the followed element. */
export interface ExplainContext {
  readonly events: readonly TraceEvent[];
  readonly cursor: number;
  readonly doc: GraphFile;
  readonly lr: number;
  readonly optimizer: GraphFile['training']['optimizer'];
  /** The element the learner follows; null or absent: element 0 of each tensor. */
  readonly followed?: FollowedElement | null;
}

/** The element an explanation is about: the followed one, or by default element 0 of each tensor. */
export interface Focus {
  /** The followed element's name (`x[3]`), or null for the default. */
  readonly name: string | null;
  readonly node: string | null;
  readonly shape: Shape;
  readonly index: number;
}

/** Every node's output shape in the step, from its forward event. */
function shapesOf(events: readonly TraceEvent[]): Map<string, Shape> {
  const out = new Map<string, Shape>();
  for (const e of events) if (e.type === 'forward') out.set(e.node, e.value.shape);
  return out;
}

/** The followed element when its node is in this step and has it; the default (element 0) otherwise. */
export function focusOf(ctx: Pick<ExplainContext, 'events' | 'doc' | 'followed'>): Focus {
  const f = ctx.followed;
  const shape = f ? shapesOf(ctx.events).get(f.node) : undefined;
  if (!f || !shape || correspondingIndex(shape, f.index, shape) === null) return { name: null, node: null, shape: [], index: 0 };
  return { name: elementName(labelOf(ctx.doc, f.node), shape, f.index), node: f.node, shape, index: f.index };
}

/** The element of a tensor of `shape` that goes with the focus; element 0 when none does. */
function indexIn(at: { readonly shape: Shape; readonly index: number }, shape: Shape): number {
  return correspondingIndex(at.shape, at.index, shape) ?? 0;
}

function labelOf(doc: GraphFile, id: string): string {
  return doc.nodes.find((n) => n.id === id)?.label ?? id;
}

/** `lhs = rule with names = rule with numbers = result`, leaving out a step that repeats the one before it. */
function equation(lhs: string, ...steps: string[]): string {
  const out = [lhs];
  for (const s of steps.map(tidyMath)) if (s !== out[out.length - 1]) out.push(s);
  return out.join(' = ');
}

/** The numbers and the names an op's formulas substitute, each for the element that goes with `at` (see ExplainNumbers). */
interface Substitution {
  readonly values: ExplainNumbers;
  readonly names: ExplainNumbers;
}

/**
 * What an op's rules mention, at the element that goes with `at`: its inputs by port (an
 * unwired port reads its fallback attribute), its own parameters, its attributes, its output
 * `y`, its gradient `g`, and `n`, the element count of its first input.
 */
function substitution(ctx: ExplainContext, shapes: ReadonlyMap<string, Shape>, node: FileNode, at: { readonly shape: Shape; readonly index: number }): Substitution {
  const def = lookupOp(node.op);
  if (def?.kind !== 'op') return { values: {}, names: {} };
  const upTo = ctx.events.slice(0, ctx.cursor + 1);
  const valueOf = (id: string) => {
    for (let k = upTo.length - 1; k >= 0; k--) {
      const e = upTo[k];
      if (e.type === 'forward' && e.node === id) return e.value.data;
    }
    return undefined;
  };
  const values: Record<string, string> = {};
  const names: Record<string, string> = {};
  // A reshape's element k is its input's element k, whatever the two shapes.
  const size = (s: Shape) => s.reduce((p, d) => p * d, 1);
  const indexFor = (shape: Shape) => (def.explain.sameOrder === true && size(shape) === size(at.shape) ? at.index : indexIn(at, shape));
  const both = (key: string, value: string, name = value) => {
    values[key] = value;
    names[key] = name;
  };
  const attrs: Attrs = {};
  for (const a of def.attrs) {
    const v = node.attrs?.[a.name] ?? attrDefault(a);
    attrs[a.name] = v;
    both(a.name, typeof v === 'number' ? factor(v) : v === null ? '?' : Array.isArray(v) ? `[${v.join(', ')}]` : String(v));
  }
  let n = 0;
  for (const p of def.inputs) {
    const edge = ctx.doc.edges.find((e) => e.target === node.id && e.targetPort === p.name);
    const shape = edge ? shapes.get(edge.source) : undefined;
    if (!edge || !shape) {
      both(p.name, p.fallbackAttr ? (values[p.fallbackAttr] ?? '?') : '?');
      continue;
    }
    const i = indexFor(shape);
    const data = valueOf(edge.source);
    both(p.name, data ? factor(data[i]) : '?', elementName(labelOf(ctx.doc, edge.source), shape, i));
    if (data && n === 0) n = data.length;
  }
  const label = labelOf(ctx.doc, node.id);
  for (const spec of def.params?.(attrs) ?? []) {
    // What this step's forward used: its update's `before` (the document may already hold the result), else the stored values.
    const update = ctx.events.find((e) => e.type === 'update' && e.node === node.id && e.param === spec.name);
    const stored = node.params && Object.hasOwn(node.params, spec.name) ? node.params[spec.name].data.map(Number) : undefined;
    const data = update?.type === 'update' ? update.before.data : stored;
    const i = indexIn(at, spec.shape);
    both(spec.name, data ? factor(data[i]) : '?', elementName(`${label}.${spec.name}`, spec.shape, i));
  }
  values.n = names.n = String(n || 1);
  const shape = shapes.get(node.id) ?? [];
  const i = indexFor(shape);
  both('y', factor(valueOf(node.id)?.[i]), elementName(label, shape, i));
  const grad = [...upTo].reverse().find((e) => e.type === 'backward' && e.node === node.id && e.param === undefined);
  both('g', grad?.type === 'backward' ? factor(grad.grad.data[i]) : '?', elementName(`${label}.grad`, shape, i));
  return { values, names };
}

/**
 * The element of an op's own parameter shown for the followed element: the one broadcasting
 * adds to it when the parameter has fewer axes than the output (a bias: `linear.bias[j]` for
 * output element [i, j]), else element 0 — with a note naming what is shown when an element is
 * followed and the parameter has more than one (a weight's row feeds the element, not one entry).
 */
function ownParamElement(focus: Focus, at: { readonly shape: Shape; readonly index: number }, param: Shape, names: { readonly followed: string; readonly param: string }): { index: number; note?: Words } {
  if (focus.name === null) return { index: 0 };
  const size = param.reduce((p, d) => p * d, 1);
  const broadcast = param.length < at.shape.length ? correspondingIndex(at.shape, at.index, param) : null;
  if (broadcast !== null || size <= 1) return { index: broadcast ?? 0 };
  return { index: 0, note: { key: 'stepper.explain.paramElement', vars: { followed: names.followed, param: names.param, element: elementName(names.param, param, 0) } } };
}

/** The explanation of the event at the cursor, at the followed element: what happened, the local rule, and the numbers. */
export function explain(ctx: ExplainContext): ExplainLine[] {
  const ev = ctx.events[ctx.cursor];
  if (!ev) return [];
  const shapes = shapesOf(ctx.events);
  const focus = focusOf(ctx);
  const nodeOf = (id: string) => ctx.doc.nodes.find((n) => n.id === id);
  const self = nodeOf(ev.node);
  const name = self?.label ?? ev.node;
  const def = self ? lookupOp(self.op) : undefined;
  // The backward target is a loss only when it is a criterion (mse, bce, cross_entropy); any other scalar is the value being differentiated.
  const criterion = def?.kind === 'op' && def.criterion !== undefined;
  const ownShape = shapes.get(ev.node) ?? [];
  const at = { shape: ownShape, index: indexIn(focus, ownShape) };
  if (ev.type === 'forward') {
    const lhs = elementName(name, ownShape, at.index);
    const result = mathNumber(ev.value.data[at.index]);
    if (!self || def?.kind !== 'op') return [{ words: { key: 'stepper.explain.leaf', vars: { node: name } }, rule: '', numbers: equation(lhs, result) }];
    const { values, names } = substitution(ctx, shapes, self, at);
    const key = ev.phase !== 'loss' ? 'stepper.explain.forward' : criterion ? 'stepper.explain.loss' : 'stepper.explain.differentiated';
    return [{ words: { key, vars: { node: name, op: self.op } }, rule: def.formula, numbers: equation(lhs, def.explain.forward(names), def.explain.forward(values), result) }];
  }
  if (ev.type === 'backward') {
    if (ev.param !== undefined) {
      const rule = ruleOf(self?.op ?? '', ev.param);
      const shown = ownParamElement(focus, at, ev.grad.shape, { followed: focus.name ?? '', param: `${name}.${ev.param}.grad` });
      const note: Words | undefined = shown.note ?? (rule.note ? { key: rule.note, vars: {} } : undefined);
      return [
        {
          words: { key: 'stepper.explain.paramGrad', vars: { node: name, param: ev.param } },
          rule: `${rule.derivative};  ${rule.gradIn}`,
          numbers: equation(elementName(`${name}.${ev.param}.grad`, ev.grad.shape, shown.index), mathNumber(ev.grad.data[shown.index])),
          ...(note ? { note } : {}),
        },
      ];
    }
    const gradName = elementName(`${name}.grad`, ownShape, at.index);
    const total = mathNumber(ev.grad.data[at.index]);
    if (ev.contributions.length === 0) {
      return [{ words: { key: criterion ? 'stepper.explain.seed' : 'stepper.explain.seedValue', vars: { node: name } }, rule: `∂${name}/∂${name} = 1`, numbers: equation(gradName, total) }];
    }
    const lines: ExplainLine[] = ev.contributions.map((c) => {
      const consumer = nodeOf(c.target);
      const rule = ruleOf(consumer?.op ?? '', c.port);
      const result = mathNumber(c.grad.data[at.index]);
      // The edge's grad_in is the node's whole gradient when it is its only edge and nothing accumulated before it.
      const lhs = ev.contributions.length === 1 && result === total ? gradName : elementName('grad_in', ownShape, at.index);
      const sub = consumer && rule.numbers ? substitution(ctx, shapes, consumer, at) : null;
      return {
        words: { key: 'stepper.explain.contribution', vars: { node: name, target: consumer?.label ?? c.target, port: c.port, op: consumer?.op ?? '?' } },
        rule: `${rule.derivative};  ${rule.gradIn}`,
        numbers: sub && rule.numbers ? equation(lhs, rule.numbers(sub.names), rule.numbers(sub.values), result) : equation(lhs, result),
        ...(rule.note ? { note: { key: rule.note, vars: {} } } : {}),
      };
    });
    if (ev.contributions.length > 1) {
      const sum = ev.contributions.map((c) => factor(c.grad.data[at.index])).join(' + ');
      lines.push({ words: { key: 'stepper.explain.sum', vars: { node: name, count: ev.contributions.length } }, rule: `${name}.grad = Σ grad_in`, numbers: equation(gradName, sum, total) });
    }
    return lines;
  }
  const plainSgd = ctx.optimizer.type === 'sgd' && !(ctx.optimizer.momentum ?? 0) && !(ctx.optimizer.weightDecay ?? 0);
  const target = ev.param === 'value' ? name : `${name}.${ev.param}`;
  // A parameter node's value is its output, so it follows the focus; an op's own parameter shows the element that goes with it.
  const shown = ev.param === 'value' ? { index: indexIn(focus, ev.before.shape) } : ownParamElement(focus, at, ev.before.shape, { followed: focus.name ?? '', param: target });
  const k = shown.index;
  const note = 'note' in shown && shown.note ? { note: shown.note } : {};
  const element = elementName(target, ev.before.shape, k);
  const before = factor(ev.before.data[k]);
  const after = mathNumber(ev.after.data[k]);
  if (plainSgd) {
    return [
      {
        words: { key: 'stepper.explain.sgd', vars: { node: target } },
        rule: `${target} ← ${target} − lr·grad`,
        numbers: `${element} ← ${tidyMath(`${before} − ${factor(ctx.lr)}·${factor(ev.grad.data[k])}`)} = ${after}`,
        ...note,
      },
    ];
  }
  return [{ words: { key: 'stepper.explain.optimizer', vars: { node: target, optimizer: ctx.optimizer.type } }, rule: `${target}: before → after`, numbers: `${element}: ${mathNumber(ev.before.data[k])} → ${after}`, ...note }];
}
