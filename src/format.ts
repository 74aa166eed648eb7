/**
 * A number as GradCanvas shows it — on a node, in the inspector, a plot, the step bar, the
 * status line and the explanation: `digits` significant digits (6, or fewer where a sentence
 * reads better), no trailing zeros, exponent form below 1e-4 and from 1e6, -0 as 0, and
 * nan, inf and -inf as PyTorch prints them.
 */
export function formatNumber(v: number, digits = 6): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return '0';
  // Rounding first decides the notation by what is shown: 999999.7 is 1e+6, not 1.00000e+6.
  const rounded = Number(v.toPrecision(digits));
  const abs = Math.abs(rounded);
  if (abs >= 1e6 || abs < 1e-4) {
    const [mantissa, exponent] = rounded.toExponential(digits - 1).split('e');
    return `${trimZeros(mantissa)}e${exponent}`;
  }
  // Between 1e-4 and 1e6 JavaScript writes a float in plain decimals, already without trailing zeros.
  return String(rounded);
}

/**
 * A number in at most `maxChars` characters where it can be, for a place of fixed width (a
 * node's min and max, a plot's scale): `formatNumber` with the most significant digits, up to
 * `digits`, that fit, in plain decimals or else in exponent form (-0.000123 as -1.2e-4); when
 * nothing fits, its shortest form. The full number is shown elsewhere (a tooltip, the table).
 */
export function formatNumberWithin(v: number, maxChars: number, digits = 6): string {
  let shortest = formatNumber(v, digits);
  for (let d = digits; d >= 1; d--) {
    for (const text of [formatNumber(v, d), formatExponent(v, d)]) {
      if (text.length <= maxChars) return text;
      if (text.length < shortest.length) shortest = text;
    }
  }
  return shortest;
}

/** A number in exponent form with `digits` significant digits (-1.2e-4), or as formatNumber writes it when it is 0 or not finite. */
export function formatExponent(v: number, digits: number): string {
  if (!Number.isFinite(v) || v === 0) return formatNumber(v);
  const [mantissa, exponent] = v.toExponential(digits - 1).split('e');
  return `${trimZeros(mantissa)}e${exponent}`;
}

/**
 * A number where it must read back exactly — an editable field, an exported CSV: the
 * shortest text that parses as the same float, -0 as 0, and nan, inf and -inf.
 */
export function formatExact(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return Object.is(v, -0) ? '0' : String(v);
}

/**
 * Numbers as JSON for a `data-value` attribute, the test API's view of what a node or table
 * holds: exact, NaN and ±Infinity as the file format writes them, at most `limit` of them.
 */
export function numbersJson(data: ArrayLike<number>, limit = Infinity): string {
  const n = Math.min(data.length, limit);
  const out: (number | string)[] = [];
  for (let i = 0; i < n; i++) {
    const v = data[i];
    out.push(Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity');
  }
  return JSON.stringify(out);
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
