/**
 * A number as GradCanvas reads text — a CSV cell, a command-line flag, a field of the page:
 * decimal digits with an optional sign, point and exponent (`-1.5e3`, `.5`, `7.`). Spaces
 * around it are ignored, as spreadsheets often write `1, 2`. Hexadecimal, binary, `Infinity`
 * or `1_000`, which JavaScript's Number() would take, are not numbers here.
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The finite number a decimal text means, or null (not decimal, or too large for a float64, like `1e999`). */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (!DECIMAL.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}
