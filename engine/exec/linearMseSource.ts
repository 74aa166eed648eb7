/**
 * A linear(n, 1) → mse pair whose mse is the loss (the course's regressions), written as
 * generated source rather than called as a kernel: the row loop sits in the training step's own
 * generated function, so V8 compiles it for this program's buffers, row count and width
 * whichever functions it inlines around it (a kernel called from there is only as fast as the
 * inlining above it happens to be in that process). Each sum is linearMse.ts's and
 * linearKernels.ts's, term for term in the same order, so the numbers are the interpreter's bit
 * for bit.
 */
import type { LinearMseBuffers } from './linearMse';

/** What the source writer offers: element references, constants and statements. */
export interface SourceWriter {
  /** The reference of element `index` (a number, or source such as `r` or `4 + r`) of a buffer. */
  at(buffer: Float64Array, index: number | string): string;
  /** The array a buffer's elements are read from (`V`, `G` or a table local) and where the buffer starts in it. */
  array(buffer: Float64Array): { name: string; offset: number };
  /** The reference of a constant held in K. */
  constant(n: number): string;
  /** Appends one statement (or block). */
  line(statement: string): void;
}

/**
 * Number locals `s<first>`, … holding the arrays a loop reads and writes, and the reference of a
 * buffer's element through them. Held in locals, the arrays stay in registers even where V8
 * compiles the loop without this program's buffers as constants (on-stack replacement of a long
 * loop is compiled that way): it then checks each array as a hand-written loop over arguments
 * does, instead of reloading it from the closure's context every row.
 */
function loopArrays(w: SourceWriter, buffers: readonly Float64Array[], first: number): { declare: string; el: (buffer: Float64Array, index: string) => string } {
  const locals = new Map<string, string>();
  for (const b of buffers) {
    const { name } = w.array(b);
    if (!locals.has(name)) locals.set(name, `s${first + locals.size}`);
  }
  const declare = `const ${[...locals].map(([name, local]) => `${local} = ${name}`).join(', ')};`;
  const el = (buffer: Float64Array, index: string): string => {
    const { name, offset } = w.array(buffer);
    return offset === 0 ? `${locals.get(name)}[${index}]` : `${locals.get(name)}[${offset} + ${index}]`;
  };
  return { declare, el };
}

/**
 * linear(1, 1): the pair's forward, the mse's backward and the linear's bias and weight
 * gradients in one loop over the rows, as oneFeatureRoot (linearMse.ts). `gy` is written whole
 * (`0 + …`, as the kernel adds into the zeroed buffer); the bias and weight gradients are added
 * into.
 */
export function writeOneFeatureRoot(w: SourceWriter, p: LinearMseBuffers): void {
  const norm = w.constant(2 / p.divisor);
  const divisor = w.constant(p.divisor);
  // s0 w, s1 b, s2 the loss's gradient; s3 Σ d², s4 Σ g (bias), s5 Σ g·x (weight); per row s6 x, s7 y, s8 d, s9 g; s10 2/divisor; s11… the arrays.
  const { declare, el } = loopArrays(w, [p.x, p.y, p.t, p.gy], 11);
  w.line(
    [
      '{',
      `const s0 = ${w.at(p.w, 0)}, s1 = ${w.at(p.b, 0)}, s2 = ${w.at(p.gLoss, 0)}, s10 = ${norm};`,
      declare,
      'let s3 = 0, s4 = 0, s5 = 0;',
      `for (let r = 0; r < ${p.rows}; r = r + 1) {`,
      `const s6 = ${el(p.x, 'r')};`,
      'const s7 = s6 * s0 + s1;',
      `${el(p.y, 'r')} = s7;`,
      `const s8 = s7 - ${el(p.t, 'r')};`,
      's3 = s3 + s8 * s8;',
      'const s9 = 0 + s10 * s8 * s2;',
      `${el(p.gy, 'r')} = s9;`,
      's4 = s4 + s9;',
      's5 = s5 + s9 * s6;',
      '}',
      `${w.at(p.loss, 0)} = s3 / ${divisor};`,
      `${w.at(p.gb, 0)} = ${w.at(p.gb, 0)} + s4;`,
      `${w.at(p.gw, 0)} = ${w.at(p.gw, 0)} + s5;`,
      '}',
    ].join('\n'),
  );
}

/** Inputs up to which a root linear(n, 1) → mse pair is written as source (each input is a few statements per row). */
export const MAX_SOURCE_FEATURES = 32;

/**
 * The root linear(n, 1) → mse pair for n > 1, as `features` (linearMse.ts) computes it with the
 * mse's gradient, one row at a time: each row's dot product in the same four partial sums, the
 * weights in locals. With `weights`, the weight gradient joins the same pass: each column's sum
 * from the buffer's current value, rows in order, as linearWeightGrad adds it.
 */
export function writeFeaturesRoot(w: SourceWriter, p: LinearMseBuffers, weights: boolean): void {
  const n = p.nIn;
  const norm = w.constant(2 / p.divisor);
  const divisor = w.constant(p.divisor);
  // Locals: s0…s(n-1) the weights, then the bias, the loss's gradient, the sums, the row's inputs, the column sums, 2/divisor and the arrays.
  const wt = (i: number) => `s${i}`;
  const [bias, g0, loss, sb, v, d, g] = [n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6].map((k) => `s${k}`);
  const x = (i: number) => `s${n + 7 + i}`;
  const acc = (i: number) => `s${2 * n + 7 + i}`;
  const normLocal = `s${3 * n + 7}`;
  const { declare, el } = loopArrays(w, [p.x, p.y, p.t, p.gy], 3 * n + 8);
  const n4 = n - (n & 3);
  const partial = (j: number): string => {
    const terms: string[] = [];
    for (let i = j; i < n4; i += 4) terms.push(`${x(i)} * ${wt(i)}`);
    if (j === 0) for (let i = n4; i < n; i++) terms.push(`${x(i)} * ${wt(i)}`);
    return terms.reduce((sum, t) => `(${sum} + ${t})`, '0');
  };
  const lines = [
    '{',
    `const ${Array.from({ length: n }, (_, i) => `${wt(i)} = ${w.at(p.w, i)}`).join(', ')};`,
    `const ${bias} = ${w.at(p.b, 0)}, ${g0} = ${w.at(p.gLoss, 0)}, ${normLocal} = ${norm};`,
    declare,
    `let ${loss} = 0, ${sb} = 0;`,
  ];
  if (weights) lines.push(`let ${Array.from({ length: n }, (_, i) => `${acc(i)} = ${w.at(p.gw, i)}`).join(', ')};`);
  lines.push(`for (let r = 0; r < ${p.rows}; r = r + 1) {`);
  lines.push(`const ${Array.from({ length: n }, (_, i) => `${x(i)} = ${el(p.x, `r * ${n} + ${i}`)}`).join(', ')};`);
  lines.push(`const ${v} = ${partial(0)} + ${partial(1)} + (${partial(2)} + ${partial(3)}) + ${bias};`);
  lines.push(`${el(p.y, 'r')} = ${v};`, `const ${d} = ${v} - ${el(p.t, 'r')};`, `${loss} = ${loss} + ${d} * ${d};`);
  lines.push(`const ${g} = 0 + ${normLocal} * ${d} * ${g0};`, `${el(p.gy, 'r')} = ${g};`, `${sb} = ${sb} + ${g};`);
  if (weights) for (let i = 0; i < n; i++) lines.push(`${acc(i)} = ${acc(i)} + ${g} * ${x(i)};`);
  lines.push('}', `${w.at(p.loss, 0)} = ${loss} / ${divisor};`, `${w.at(p.gb, 0)} = ${w.at(p.gb, 0)} + ${sb};`);
  if (weights) for (let i = 0; i < n; i++) lines.push(`${w.at(p.gw, i)} = ${acc(i)};`);
  lines.push('}');
  w.line(lines.join('\n'));
}
