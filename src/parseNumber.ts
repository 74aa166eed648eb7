import { parseDecimal } from '../engine';

/** Why typed text is not the number a field needs; each code has an `inspector.error.<code>` string. */
export type NumberError =
  | { readonly code: 'empty' }
  | { readonly code: 'not_a_number'; readonly text: string }
  | { readonly code: 'not_integer'; readonly text: string }
  | { readonly code: 'below_min'; readonly min: number };

/** A typed number read: the value, or why there is none. */
export type ParsedNumber<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: NumberError };

/** What a field takes beyond finite decimals. */
export interface NumberOptions {
  /**
   * Also `nan`, `inf`, `-inf` (any case, `infinity` too): what the page shows for them and
   * the file writes. Only parameter values may hold them; the file format keeps inputs,
   * constants, attributes, ranges and initialisers finite.
   */
  readonly nonFinite?: boolean;
}

const NON_FINITE: Readonly<Record<string, number>> = { nan: NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '+infinity': Infinity, '-infinity': -Infinity };

/**
 * Typed text trimmed, with the minus signs of typesetting and full-width digits, point and
 * plus as their ASCII forms: people paste formulas and type Japanese text.
 */
export function normalizeTyped(text: string): string {
  return text
    .trim()
    .replace(/[\u2212\u2012\u2013\uFF0D]/g, '-')
    .replace(/[\uFF10-\uFF19\uFF0E\uFF0B]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * The one reading of a number the user types or pastes anywhere in the page: the engine's
 * decimal grammar (`-2`, `2.1`, `.25`, `1e-3`, as CSV cells and the command line read it)
 * after `normalize`; hex, `1_000`, blanks and half-typed text (`-`, `1e`) are refused.
 */
export function parseNumber(text: string, options: NumberOptions = {}): ParsedNumber<number> {
  const t = normalizeTyped(text);
  if (t === '') return { ok: false, error: { code: 'empty' } };
  const word = options.nonFinite ? NON_FINITE[t.toLowerCase()] : undefined;
  const v = word ?? parseDecimal(t);
  return v === null ? { ok: false, error: { code: 'not_a_number', text: text.trim() } } : { ok: true, value: v };
}

/** A whole number, at least `min`; an empty field is null when `nullable` (an `axis` of "all"). */
export function parseInteger(text: string, options: { readonly min?: number; readonly nullable?: boolean } = {}): ParsedNumber<number | null> {
  if (normalizeTyped(text) === '') return options.nullable ? { ok: true, value: null } : { ok: false, error: { code: 'empty' } };
  const n = parseNumber(text);
  if (!n.ok) return n;
  if (!Number.isInteger(n.value)) return { ok: false, error: { code: 'not_integer', text: text.trim() } };
  if (options.min !== undefined && n.value < options.min) return { ok: false, error: { code: 'below_min', min: options.min } };
  return n;
}
