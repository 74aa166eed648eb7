import type { AnyOpDef } from './types';
import type { LeafDef } from './leafTypes';
import { input } from './input';
import { parameter } from './parameter';
import { constant } from './constant';
import { square } from './square';
import { scale } from './scale';
import { add } from './add';
import { sum } from './sum';
import { linear } from './linear';
import { mse } from './mse';
import { sub } from './sub';
import { mul } from './mul';
import { div } from './div';
import { neg } from './neg';
import { pow } from './pow';
import { exp } from './exp';
import { log } from './log';
import { mean } from './mean';
import { matmul } from './matmul';
import { sigmoid } from './sigmoid';
import { tanh } from './tanh';
import { relu } from './relu';
import { softmax } from './softmax';
import { max } from './max';
import { argmax } from './argmax';
import { eq } from './eq';
import { gt } from './gt';
import { bce } from './bce';
import { bce_with_logits } from './bce_with_logits';
import { cross_entropy } from './cross_entropy';
import { reshape } from './reshape';

/** Every leaf kind by name; the names are part of the file format. */
const LEAF_DEFS = { input, parameter, constant } satisfies Record<string, LeafDef>;

/**
 * Every computing op by name, in palette order; the names are part of the file format.
 * Registering an op is one line here: everything else about it lives in its own file.
 */
const OP_DEFS = {
  square, scale, add, sum, linear, mse,
  sub, mul, div, neg, pow, exp, log, mean, matmul,
  sigmoid, tanh, relu, softmax, max, argmax, eq, gt,
  bce, bce_with_logits, cross_entropy,
  reshape,
} satisfies Record<string, AnyOpDef>;

/** The name of a registered op: a table keyed by op name is a `Record<OpName, …>`, so a missing entry does not compile. */
export type OpName = keyof typeof OP_DEFS;

/** The name of a leaf kind. */
export type LeafName = keyof typeof LEAF_DEFS;

/** Every registered op by its name. */
export const OPS_BY_NAME: Readonly<Record<OpName, AnyOpDef>> = OP_DEFS;

/** Every leaf kind, by name. */
export const LEAVES: readonly LeafDef[] = Object.values(LEAF_DEFS);

/** Every computing op, in palette order. */
export const OPS: readonly AnyOpDef[] = Object.values(OP_DEFS);

const byName = new Map<string, AnyOpDef | LeafDef>([...LEAVES, ...OPS].map((d) => [d.name, d]));

/** The op or leaf definition with this name, or undefined. */
export function lookupOp(name: string): AnyOpDef | LeafDef | undefined {
  return byName.get(name);
}
