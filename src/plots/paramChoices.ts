import type { Program } from '../../engine';

/** One scalar a plot can vary: an element of a trainable tensor, keyed `node.name[i]`. */
export interface ParamElement {
  /** `node.name` as the training state keys parameters (`linear.weight`, `W.value`). */
  readonly param: string;
  readonly node: string;
  readonly name: string;
  /** Row-major index of the element. */
  readonly index: number;
  /** `linear.weight[0,1]`, or `W` / `linear.bias` for a one-element tensor. */
  readonly label: string;
}

/** The multi-index of a row-major flat index, as `[i,j]` text. */
export function indexLabel(shape: readonly number[], flat: number): string {
  const idx: number[] = [];
  let rest = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(rest % shape[d]);
    rest = Math.floor(rest / shape[d]);
  }
  return `[${idx.join(',')}]`;
}

/** Every element of every trainable tensor of a program (at most `perParam` from each). */
export function paramElements(params: Program['params'], perParam = 64): ParamElement[] {
  const out: ParamElement[] = [];
  for (const p of params) {
    const param = `${p.node}.${p.name}`;
    const base = p.name === 'value' ? p.node : param;
    const n = Math.min(p.value.length, perParam);
    for (let i = 0; i < n; i++) {
      out.push({ param, node: p.node, name: p.name, index: i, label: p.value.length === 1 ? base : `${base}${indexLabel(p.shape, i)}` });
    }
  }
  return out;
}

/** The key of an element, for selects and memo keys. */
export function elementKey(e: Pick<ParamElement, 'param' | 'index'>): string {
  return `${e.param}#${e.index}`;
}
