// Test data an op carries about itself: engine/testing reads it to build random graphs that
// keep every op in its valid, well-conditioned domain. Plain data, so op files stay readable.

/** Bounds on a tensor's values; every bound given must hold for every element. */
export interface ValueRange {
  /** |v| ≤ within. */
  readonly within?: number;
  /** v ≥ min. */
  readonly min?: number;
  /** v ≤ max. */
  readonly max?: number;
  /** |v| ≥ awayFromZero: off a pole (division) or a kink (relu). */
  readonly awayFromZero?: number;
  /** Exactly 0 passes `awayFromZero` (relu's kink is well defined at exactly 0). */
  readonly zeroAllowed?: boolean;
}

/** What an input must hold for the op to be compared meaningfully against PyTorch. */
export interface InputDomain extends ValueRange {
  /** Every element a whole number (class indices). */
  readonly integer?: boolean;
  /** The input must be the output of this op (bce's probabilities come from sigmoid). */
  readonly from?: string;
  /** PyTorch refuses a tensor that requires grad here (class labels of cross_entropy). */
  readonly noGrad?: boolean;
  /** The largest element is separated from the runner-up (no near-ties for max). */
  readonly clearMaximum?: boolean;
  /** Along this axis (negative counts from the end), every slice's largest element is separated from its runner-up (max and argmax along an axis). */
  readonly clearMaximumAlong?: number;
}

/** Input domains by port name; ports not listed take anything. */
export type PortDomains = Readonly<Record<string, InputDomain>>;

/** An op's input domains, fixed or depending on its attributes (pow's exponent). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OpDomain<A = any> = PortDomains | ((attrs: A) => PortDomains);

/** How the random-graph generator fills one input port. */
export type InputRecipe =
  /** An earlier node whose values fit, or a fresh leaf of random shape. */
  | ({ readonly type: 'operand'; readonly minRank?: number } & ValueRange)
  /** A strictly positive tensor: an earlier one, exp(x), x² + c, or a positive leaf. */
  | { readonly type: 'positive' }
  /** Probabilities in (0, 1): a sigmoid output. */
  | { readonly type: 'probability' }
  /** A [rows, classes ≥ 2] matrix of logits. */
  | { readonly type: 'logits' }
  /** A tensor broadcasting against port `of`'s (sometimes that very tensor, or the port's fallback attribute). */
  | ({ readonly type: 'broadcast'; readonly of: string } & ValueRange)
  /** A tensor torch.matmul multiplies with port `of`'s, 1-D, a matrix or a broadcast batch. */
  | { readonly type: 'matmul'; readonly of: string }
  /** A tensor of port `of`'s shape. */
  | { readonly type: 'like'; readonly of: string }
  /** Targets in [0, 1] of port `of`'s shape, hard 0/1 labels or soft probabilities. */
  | { readonly type: 'target'; readonly of: string }
  /** Class indices, one per row of port `of`'s [rows, classes] logits. */
  | { readonly type: 'labels'; readonly of: string };

/** How the generator draws a number (an attribute or an element of an own parameter). */
export type NumberRecipe =
  | { readonly type: 'signed'; readonly min: number; readonly max: number }
  | { readonly type: 'uniform'; readonly min: number; readonly max: number }
  | { readonly type: 'int'; readonly min: number; readonly max: number }
  | { readonly type: 'choice'; readonly values: readonly number[] };

/** How the generator draws an attribute. */
export type AttrRecipe =
  | NumberRecipe
  | { readonly type: 'oneOf'; readonly values: readonly string[] }
  /** True with probability p. */
  | { readonly type: 'chance'; readonly p: number }
  /** An axis of port `of`'s tensor, negative or not; null with probability `orNull`. */
  | { readonly type: 'axis'; readonly of: string; readonly orNull?: number }
  /** The length of port `of`'s last axis (linear's inFeatures). */
  | { readonly type: 'lastAxis'; readonly of: string }
  /** New axis lengths for port `of`'s elements (reshape's shape), sometimes with one -1. */
  | { readonly type: 'reshapeOf'; readonly of: string };

/** Input recipes by port name, in any order; every port has one. */
export type InputRecipes = Readonly<Record<string, InputRecipe>>;

/** How the random-graph generator builds one node of an op. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface OpRecipe<A = any> {
  /** Every input port's recipe; a function when they depend on the drawn attributes (pow's exponent). */
  readonly inputs: InputRecipes | ((attrs: A) => InputRecipes);
  /** Attributes to draw; the rest keep their defaults, as does a fallback attribute whose port is wired. */
  readonly attrs?: Readonly<Record<string, AttrRecipe>>;
  /** How often a node keeps every attribute at its default (so files without them are tested too). */
  readonly defaults?: number;
  /** The two inputs may trade ports (add, mul, matmul); the partner is shaped for the side it lands on. */
  readonly swap?: boolean;
  /** How the elements of each own parameter are drawn. */
  readonly params?: Readonly<Record<string, NumberRecipe>>;
}
