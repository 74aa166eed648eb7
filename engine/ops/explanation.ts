/**
 * What an explanation substitutes into an op's formulas, by name ('?' when unknown): every input
 * port and own parameter, every attribute, `y` (the output), `g` (grad_out) and `n` (the element
 * count of the first input). Each is either one element's number written as a factor (a
 * negative one in parentheses: `(−2)`) or that element's name (`x[3]`, `square.grad[3]`), so
 * an op writes `${x}²`, not `(${x})²`; `n` and text attributes stay plain. Ops build fractions
 * with `frac` (mathText.ts).
 */
export type ExplainNumbers = Readonly<Record<string, string>>;

/** What the symbols of a local rule leave out; the explanation panel says it in its language. */
export type ExplainNote = 'broadcast' | 'copied' | 'rows' | 'reshaped';

/** The local backward rule of one input port or own parameter, in math text. */
export interface LocalRule {
  /** The derivative in symbols: `∂(x²)/∂x = 2x`. */
  readonly derivative: string;
  /** grad_in in symbols: `grad_in = 2·x·grad_out`. */
  readonly gradIn: string;
  /** grad_in with the numbers substituted (`2·(−2)·1`); the panel appends `= result`. */
  numbers(v: ExplainNumbers): string;
  readonly note?: ExplainNote;
}

/** How the step-through explanation reads an op: its forward and each input's local rule. */
export interface OpExplanation {
  /** The forward with the numbers substituted (`(−2)²`); the panel appends `= result`. */
  forward(v: ExplainNumbers): string;
  /** The local rule of every differentiable input port and own parameter, by name. */
  readonly backward: Readonly<Record<string, LocalRule>>;
  /** Element k of the output is element k of the input in row-major order, whatever the shapes (reshape), rather than the element broadcasting pairs it with. */
  readonly sameOrder?: boolean;
}
