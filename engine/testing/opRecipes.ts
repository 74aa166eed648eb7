import { resolveAttrs } from '../ops/attrs';
import type { AttrRecipe, InputRecipe, InputRecipes, NumberRecipe, ValueRange } from '../ops/recipe';
import type { AnyOpDef, Attrs } from '../ops/types';
import { MAX_RANK, type Shape, sameShape, sizeOf } from '../tensor/shape';
import type { AttrValue } from '../graph/types';
import { tensor, type Tensor } from '../tensor/tensor';
import { inRange, isLabels, isTarget } from './domains';
import { broadcastable, type Entry, type GraphBuilder, type LeafOptions } from './graphBuilder';

// Builds one node of any op from the recipe on its definition (engine/ops/recipe.ts): the op
// file says what its inputs and attributes look like; this file knows how to make them.

const fits = (range: ValueRange) => (e: Entry) => inRange(e.data, range);

/** The generator's usual leaf values, ±[0.2, 1.5]: which ranges they already satisfy. */
function usualValuesFit(r: ValueRange): boolean {
  return (r.within ?? Infinity) >= 1.5 && (r.max ?? Infinity) >= 1.5 && (r.min ?? -Infinity) <= -1.5 && (r.awayFromZero ?? 0) <= 0.2;
}

/** Values for a fresh leaf inside a range the usual values do not satisfy. */
function valuesIn(b: GraphBuilder, shape: Shape, r: ValueRange): LeafOptions {
  let lo = Math.max(r.min ?? -Infinity, -(r.within ?? Infinity));
  let hi = Math.min(r.max ?? Infinity, r.within ?? Infinity);
  if (lo === -Infinity) lo = Math.min(-1.5, hi - 1.5);
  if (hi === Infinity) hi = Math.max(1.5, lo + 1.5);
  const away = r.awayFromZero ?? 0;
  const draw = (): number => {
    for (let k = 0; k < 20; k++) {
      const v = b.uniform(lo, hi);
      if (Math.abs(v) >= away) return v;
    }
    return hi;
  };
  return { values: Array.from({ length: sizeOf(shape) }, draw) };
}

/** A fresh leaf of the shape whose values lie in the range. */
function leafIn(b: GraphBuilder, shape: Shape, r: ValueRange): Entry {
  return b.leaf(shape, usualValuesFit(r) ? {} : valuesIn(b, shape, r));
}

/** A pool entry of rank ≥ minRank whose values fit, or a fresh leaf of random shape. */
function operand(b: GraphBuilder, range: ValueRange = {}, minRank = 0): Entry | null {
  return b.operand((e) => e.shape.length >= minRank && fits(range)(e), () => leafIn(b, b.shape(minRank), range));
}

/** A strictly positive operand: an existing one, exp(x), x² + c, or a positive leaf. */
function positiveOperand(b: GraphBuilder): Entry | null {
  switch (b.int(0, 3)) {
    case 0:
      return b.pick(fits({ min: 0.05 })) ?? b.leaf(b.shape(), { min: 0.2, max: 2 });
    case 1: {
      const x = operand(b, { within: 2.5 });
      return x && b.op('exp', [x]);
    }
    case 2: {
      const x = operand(b, { within: 20 });
      const sq = x && b.op('square', [x]);
      return sq && b.op('add', [sq, null], { c: b.uniform(0.1, 1) });
    }
    default:
      return b.leaf(b.shape(), { min: 0.2, max: 2 });
  }
}

/** A sigmoid output in [1e-3, 1 − 1e-3]: reused, or sigmoid of a moderate operand. */
function probabilities(b: GraphBuilder): Entry | null {
  const p = b.pick((e) => e.op === 'sigmoid');
  if (p && b.chance(0.5)) return p;
  const x = operand(b, { within: 6 });
  return x && b.op('sigmoid', [x]);
}

/** A shape that broadcasts against `s`: equal, a suffix, with ones, with new leading axes, or two-sided. */
function partnerShape(b: GraphBuilder, s: Shape): number[] {
  let out = [...s];
  if (b.chance(0.35)) out = out.slice(b.int(0, out.length));
  if (b.chance(0.4)) out = out.map((d) => (b.chance(0.5) ? 1 : d));
  // Two-sided: where `s` has length 1 the partner may be longer.
  if (b.chance(0.3)) out = out.map((d, i) => (s[s.length - out.length + i] === 1 && b.chance(0.5) ? b.int(2, 3) : d));
  if (b.chance(0.25) && out.length < 4) out = [...b.shape(1, 4 - out.length), ...out];
  return out;
}

/** Batch axes broadcasting against `batch`, keeping the total rank within `room`. */
function batchPartner(b: GraphBuilder, batch: Shape, room: number): number[] {
  const out = partnerShape(b, batch);
  return out.slice(Math.max(0, out.length - room));
}

/** A shape torch.matmul multiplies with `s`: 1-D, a matrix, or a broadcast batch, on the given side of it. */
function matmulPartnerShape(b: GraphBuilder, s: Shape, partnerOnRight: boolean): number[] {
  const m = b.int(1, 3);
  if (partnerOnRight) {
    const k = s[s.length - 1];
    return b.choice([[k], [k, m], [...batchPartner(b, s.slice(0, -2), 2), k, m]]);
  }
  const k = s.length === 1 ? s[0] : s[s.length - 2];
  return b.choice([[k], [m, k], [...batchPartner(b, s.slice(0, -2), 2), m, k]]);
}

/** A target in [0, 1] of the given shape: hard 0/1 labels or soft probabilities, sometimes requiring grad. */
function bceTarget(b: GraphBuilder, shape: Shape): Entry {
  const reuse = b.pick((e) => sameShape(e.shape, shape) && isTarget(e.data));
  if (reuse && b.chance(0.5)) return reuse;
  const hard = b.chance(0.5);
  const values = Array.from({ length: sizeOf(shape) }, () => (hard ? b.int(0, 1) : b.uniform(0, 1)));
  return b.leaf(shape, { kind: b.choice(['constant', 'input', 'input_grad']), values });
}

/** Class indices for the rows of [rows, classes] logits: reused, or a fresh leaf that needs no gradient. */
function classLabels(b: GraphBuilder, logits: Shape): Entry {
  const [rows, classes] = logits;
  const reuse = b.pick((e) => !e.grad && sameShape(e.shape, [rows]) && isLabels(e.data, classes));
  if (reuse && b.chance(0.4)) return reuse;
  return b.leaf([rows], { kind: b.choice(['constant', 'input']), values: Array.from({ length: rows }, () => b.int(0, classes - 1)) });
}

/** Where a port's input comes from: a node, or the port's fallback attribute (`null`). */
type Source = Entry | null;

/** Makes one input (null: the port stays on its fallback attribute, when it can); undefined when nothing fitting could be made. */
function makeInput(b: GraphBuilder, recipe: InputRecipe, made: ReadonlyMap<string, Source>, canFallBack: boolean, partnerOnRight: boolean): Source | undefined {
  const primary = (of: string): Entry | undefined => made.get(of) ?? undefined;
  switch (recipe.type) {
    case 'operand':
      return operand(b, recipe, recipe.minRank ?? 0) ?? undefined;
    case 'positive':
      return positiveOperand(b) ?? undefined;
    case 'probability':
      return probabilities(b) ?? undefined;
    case 'logits':
      return b.operand((e) => e.shape.length === 2 && e.shape[1] >= 2, () => b.leaf([b.int(1, 4), b.int(2, 4)])) ?? undefined;
    case 'broadcast': {
      const a = primary(recipe.of);
      if (!a) return undefined;
      const r = b.rand();
      if (r < 0.2 && canFallBack) return null;
      if (r < 0.27 && fits(recipe)(a)) return a;
      const shape = partnerShape(b, a.shape);
      return b.operand((e) => e !== a && broadcastable(e.shape, a.shape) && fits(recipe)(e), () => leafIn(b, shape, recipe)) ?? undefined;
    }
    case 'matmul': {
      const a = primary(recipe.of);
      if (!a || a.shape.length === 0) return undefined;
      const shape = matmulPartnerShape(b, a.shape, partnerOnRight);
      return b.operand((e) => sameShape(e.shape, shape), () => b.leaf(shape)) ?? undefined;
    }
    case 'like': {
      const a = primary(recipe.of);
      return a && (b.operand((e) => sameShape(e.shape, a.shape), () => b.leaf(a.shape)) ?? undefined);
    }
    case 'target': {
      const a = primary(recipe.of);
      return a && bceTarget(b, a.shape);
    }
    case 'labels': {
      const a = primary(recipe.of);
      return a && a.shape.length === 2 ? classLabels(b, a.shape) : undefined;
    }
  }
}

/** New axis lengths for the elements of a tensor of shape `from`: the count's prime factors dealt over a random rank, sometimes one length as -1. */
function reshapeTarget(b: GraphBuilder, from: Shape): number[] {
  const factors: number[] = [];
  for (let n = sizeOf(from), p = 2; n > 1; ) {
    if (n % p === 0) {
      factors.push(p);
      n /= p;
    } else p++;
  }
  const rank = Math.max(b.int(0, MAX_RANK), factors.length > 0 ? 1 : 0);
  const shape = new Array<number>(rank).fill(1);
  for (const f of factors) shape[b.int(0, rank - 1)] *= f;
  if (rank > 0 && sizeOf(from) > 0 && b.chance(0.35)) shape[b.int(0, rank - 1)] = -1;
  return shape;
}

/** Draws a number. */
function drawNumber(b: GraphBuilder, r: NumberRecipe): number {
  switch (r.type) {
    case 'signed':
      return b.signed(r.min, r.max);
    case 'uniform':
      return b.uniform(r.min, r.max);
    case 'int':
      return b.int(r.min, r.max);
    case 'choice':
      return b.choice(r.values);
  }
}

/** Draws an attribute; `inputs` holds the ports already made, for axes and feature counts. */
function drawAttr(b: GraphBuilder, r: AttrRecipe, inputs: ReadonlyMap<string, Source>): AttrValue | undefined {
  switch (r.type) {
    case 'oneOf':
      return b.choice(r.values);
    case 'chance':
      return b.chance(r.p);
    case 'axis': {
      const x = inputs.get(r.of);
      if (!x) return undefined;
      const rank = Math.max(x.shape.length, 1);
      return r.orNull !== undefined && b.chance(r.orNull) ? null : b.int(-rank, rank - 1);
    }
    case 'lastAxis': {
      const x = inputs.get(r.of);
      return x && x.shape.length > 0 ? x.shape[x.shape.length - 1] : undefined;
    }
    case 'reshapeOf': {
      const x = inputs.get(r.of);
      return x ? reshapeTarget(b, x.shape) : undefined;
    }
    default:
      return drawNumber(b, r);
  }
}

/** Attributes read from the inputs (axes, feature counts) are drawn after them; the rest before. */
const fromInputs = (r: AttrRecipe): boolean => r.type === 'axis' || r.type === 'lastAxis' || r.type === 'reshapeOf';

/** Ports whose recipe needs no other port come first, so partners can be shaped after them. */
function buildOrder(recipes: InputRecipes, ports: readonly string[]): string[] {
  const needs = (p: string): string | undefined => {
    const r = recipes[p];
    return 'of' in r ? r.of : undefined;
  };
  return [...ports.filter((p) => needs(p) === undefined), ...ports.filter((p) => needs(p) !== undefined)];
}

/**
 * Adds one node of the op to the builder from the recipe on its definition, with any leaves
 * or helper ops its inputs need; null when it did not fit (the caller rolls back).
 */
export function buildOp(b: GraphBuilder, def: AnyOpDef): Entry | null {
  const recipe = def.recipe;
  const ports = def.inputs.map((p) => p.name);
  const fallbacks = new Set(def.inputs.map((p) => p.fallbackAttr));
  const attrRecipes = Object.entries(recipe.attrs ?? {});
  const keepDefaults = recipe.defaults !== undefined && b.chance(recipe.defaults);

  const attrs: Attrs = {};
  if (!keepDefaults) {
    for (const [name, r] of attrRecipes) {
      if (!fromInputs(r) && !fallbacks.has(name)) attrs[name] = drawAttr(b, r, new Map()) as AttrValue;
    }
  }
  const recipes = typeof recipe.inputs === 'function' ? recipe.inputs(resolveAttrs(def.attrs, attrs).attrs) : recipe.inputs;
  const missing = ports.filter((p) => !Object.hasOwn(recipes, p));
  if (missing.length > 0) throw new Error(`${def.name}'s recipe has no input recipe for port ${missing.join(', ')}`);

  const swapped = recipe.swap === true && ports.length === 2 && b.chance(0.5);
  const made = new Map<string, Source>();
  for (const port of buildOrder(recipes, ports)) {
    const spec = def.inputs[ports.indexOf(port)];
    // A partner lands on the right of its primary unless the two ports trade.
    const partnerOnRight = ports.indexOf(port) === 1 ? !swapped : swapped;
    const source = makeInput(b, recipes[port], made, spec.fallbackAttr !== undefined, partnerOnRight);
    if (source === undefined) return null;
    made.set(port, source);
  }
  // A fallback attribute matters only when its port was left unwired.
  for (const p of def.inputs) {
    const r = p.fallbackAttr && recipe.attrs?.[p.fallbackAttr];
    if (r && !keepDefaults && made.get(p.name) === null) attrs[p.fallbackAttr as string] = drawAttr(b, r, made) as AttrValue;
  }
  // Attributes read from the inputs; feature counts must fit the input even when the rest keep their defaults.
  for (const [name, r] of attrRecipes) {
    if (!fromInputs(r) || (keepDefaults && r.type !== 'lastAxis')) continue;
    const v = drawAttr(b, r, made);
    if (v === undefined) return null;
    attrs[name] = v;
  }

  const inputs = ports.map((p) => made.get(p) ?? null);
  // A port left on its fallback attribute stays where it is.
  if (swapped && inputs.every((e) => e !== null)) inputs.reverse();
  return b.op(def.name, inputs, attrs, ownParams(b, def, attrs));
}

/** Values for the op's own parameters, drawn element by element from the recipe. */
function ownParams(b: GraphBuilder, def: AnyOpDef, attrs: Attrs): Record<string, Tensor> | undefined {
  if (!def.params) return undefined;
  const { attrs: resolved, errors } = resolveAttrs(def.attrs, attrs);
  if (errors.length > 0) return undefined;
  const out: Record<string, Tensor> = {};
  for (const spec of def.params(resolved)) {
    const r = def.recipe.params?.[spec.name];
    if (!r) throw new Error(`${def.name}'s recipe does not say how to draw its parameter '${spec.name}'`);
    out[spec.name] = tensor(spec.shape, Array.from({ length: sizeOf(spec.shape) }, () => drawNumber(b, r)));
  }
  return out;
}
