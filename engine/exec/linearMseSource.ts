/**
 * The root linear(1, 1) → mse pair (the course's y = w·x + b regression, the loss its mse)
 * written as generated source rather than called as a kernel: the row loop sits in the training
 * step's own generated function, so V8 compiles it for this program's buffers and row count
 * whichever functions it inlines around it (a kernel call is only as fast as the inlining
 * chain above it happens to be in that process). The loop is oneFeatureRoot's (linearMse.ts),
 * term for term in the same order, so the numbers are the interpreter's bit for bit.
 */
import type { LinearMseBuffers } from './linearMse';

/** What the source writer offers: element references, constants and statements. */
export interface SourceWriter {
  /** The reference of element `index` (a number, or source such as `r` or `4 + r`) of a buffer. */
  at(buffer: Float64Array, index: number | string): string;
  /** The reference of a constant held in K. */
  constant(n: number): string;
  /** Appends one statement (or block). */
  line(statement: string): void;
}

/**
 * Writes the root pair's forward and the mse's backward and the linear's bias and weight
 * gradients in one loop over the rows; `gy` is written whole (`0 + …`, as the kernel adds into
 * the zeroed buffer), the bias and weight gradients are added into.
 */
export function writeOneFeatureRoot(w: SourceWriter, p: LinearMseBuffers): void {
  const norm = w.constant(2 / p.divisor);
  const divisor = w.constant(p.divisor);
  // s0 w, s1 b, s2 the loss's gradient; s3 Σ d², s4 Σ g (bias), s5 Σ g·x (weight); per row s6 x, s7 y, s8 d, s9 g.
  w.line(
    [
      '{',
      `const s0 = ${w.at(p.w, 0)}, s1 = ${w.at(p.b, 0)}, s2 = ${w.at(p.gLoss, 0)};`,
      'let s3 = 0, s4 = 0, s5 = 0;',
      `for (let r = 0; r < ${p.rows}; r = r + 1) {`,
      `const s6 = ${w.at(p.x, 'r')};`,
      'const s7 = s6 * s0 + s1;',
      `${w.at(p.y, 'r')} = s7;`,
      `const s8 = s7 - ${w.at(p.t, 'r')};`,
      's3 = s3 + s8 * s8;',
      `const s9 = 0 + ${norm} * s8 * s2;`,
      `${w.at(p.gy, 'r')} = s9;`,
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
