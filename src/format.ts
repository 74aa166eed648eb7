/** How many elements of a tensor the page prints before eliding the rest. */
export const MAX_SHOWN = 32;

/** A number for display: up to 6 significant digits, no trailing zeros, -0 as 0. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 1e-4) {
    const [mantissa, exponent] = v.toExponential(5).split('e');
    return `${trimZeros(mantissa)}e${exponent}`;
  }
  return trimZeros(v.toPrecision(6));
}

/** A tensor for display: a scalar as its number, anything else flat in brackets, elided past MAX_SHOWN. */
export function formatValues(shape: readonly number[], data: readonly number[]): string {
  if (shape.length === 0) return formatNumber(data[0]);
  const shown = data.slice(0, MAX_SHOWN).map(formatNumber);
  if (data.length > MAX_SHOWN) shown.push(`… ${data.length - MAX_SHOWN} more`);
  return `[${shown.join(', ')}]`;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
