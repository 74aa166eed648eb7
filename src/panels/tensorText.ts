import { arangeLength, MAX_RANK } from '../../engine';
import { type NumberError, type NumberOptions, normalizeTyped, parseNumber } from '../parseNumber';

/** Why a piece of text is not what a field needs; each code has an `inspector.error.<code>` string. */
export type TextError =
  | NumberError
  | { readonly code: 'bad_axis'; readonly text: string }
  | { readonly code: 'bad_size'; readonly text: string }
  | { readonly code: 'two_free_axes' }
  | { readonly code: 'rank_too_high'; readonly max: number }
  | { readonly code: 'too_many_values'; readonly max: number }
  | { readonly code: 'count_mismatch'; readonly expected: number; readonly got: number }
  | { readonly code: 'arange_empty' }
  /** Over the engine's element limit; the counts are already written out (`10,000,000,000`). */
  | { readonly code: 'too_large'; readonly shape: string; readonly count: string; readonly limit: string }
  /** Within the engine's limit but more values than the inspector's table edits. */
  | { readonly code: 'too_many_to_edit'; readonly count: string; readonly max: string };

/** A parse result: the value, or why there is none. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TextError };

/** The most values a tensor typed or pasted in the inspector may hold (the table would be unusable beyond). */
export const MAX_EDIT_VALUES = 100_000;

/** The longest range the inspector writes; a typo like step 0.0001 should not freeze the page. */
const MAX_ARANGE_VALUES = 1_000_000;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: TextError): Parsed<T> => ({ ok: false, error });

/** A shape: `17`, `2, 3`, `2x3`, `[2, 3]`; empty text is a scalar `[]`. */
export function parseShape(text: string, maxValues = MAX_EDIT_VALUES): Parsed<number[]> {
  const t = normalizeTyped(text).replace(/^[[(]|[\])]$/g, '').trim();
  if (t === '') return ok([]);
  const parts = t.split(/\s*[,x×*\s]\s*/i);
  const shape: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return fail({ code: 'bad_axis', text: p });
    shape.push(Number(p));
  }
  if (shape.length > MAX_RANK) return fail({ code: 'rank_too_high', max: MAX_RANK });
  if (sizeOfShape(shape) > maxValues) return fail({ code: 'too_many_values', max: maxValues });
  return ok(shape);
}

/** A reshape's new shape: axis lengths as parseShape reads them, one of which may be -1 (worked out from the element count). */
export function parseReshapeTarget(text: string): Parsed<number[]> {
  const t = normalizeTyped(text).replace(/^[[(]|[\])]$/g, '').trim();
  if (t === '') return ok([]);
  const shape: number[] = [];
  for (const p of t.split(/\s*[,x×*\s]\s*/i)) {
    if (!/^(\d+|-1)$/.test(p)) return fail({ code: 'bad_size', text: p });
    shape.push(Number(p));
  }
  if (shape.length > MAX_RANK) return fail({ code: 'rank_too_high', max: MAX_RANK });
  if (shape.filter((d) => d === -1).length > 1) return fail({ code: 'two_free_axes' });
  return ok(shape);
}

/** A shape as the shape field shows it: `2, 3`, or empty for a scalar. */
export function formatShapeText(shape: readonly number[]): string {
  return shape.join(', ');
}

/** The number of values a shape holds (1 for a scalar). */
export function sizeOfShape(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

/** Numbers pasted from text or a spreadsheet, and the column count when they formed a rectangle of several rows and columns. */
export interface NumberList {
  readonly values: number[];
  readonly columns: number | null;
}

/** Numbers separated by spaces, commas, semicolons, tabs or newlines; rows are lines (a spreadsheet range). Each is read by parseNumber with `options`. */
export function parseNumberList(text: string, options: NumberOptions = {}, maxValues = MAX_EDIT_VALUES): Parsed<NumberList> {
  const lines = text
    .replace(/^\s*\[|\]\s*$/g, '')
    .split(/\r?\n|\r/)
    .map((line) => line.trim().replace(/^\[|\]$/g, '').trim())
    .filter((line) => line !== '');
  const rows: number[][] = [];
  for (const line of lines) {
    const row: number[] = [];
    for (const token of line.split(/[\s,;]+/).filter((x) => x !== '')) {
      const n = parseNumber(token, options);
      if (!n.ok) return fail({ code: 'not_a_number', text: token });
      row.push(n.value);
    }
    if (row.length > 0) rows.push(row);
  }
  const values = rows.flat();
  if (values.length === 0) return fail({ code: 'empty' });
  if (values.length > maxValues) return fail({ code: 'too_many_values', max: maxValues });
  const width = rows[0].length;
  const rectangle = rows.length > 1 && width > 1 && rows.every((r) => r.length === width);
  return ok({ values, columns: rectangle ? width : null });
}

/**
 * The shape pasted numbers take. The current shape is kept when the count fits it; otherwise,
 * when reshaping is allowed, a spreadsheet rectangle becomes [rows, columns] and anything else a vector.
 */
export function pastedShape(current: readonly number[], list: NumberList, reshape: boolean): Parsed<number[]> {
  const n = list.values.length;
  if (n === sizeOfShape(current)) return ok([...current]);
  if (!reshape) return fail({ code: 'count_mismatch', expected: sizeOfShape(current), got: n });
  if (list.columns !== null) return ok([n / list.columns, list.columns]);
  return ok([n]);
}

/** The data resized to `n` values: the leading values kept, new places taken from `fill` (zeros by default). */
export function resizeData(data: readonly number[], n: number, fill: (i: number) => number = () => 0): number[] {
  return Array.from({ length: n }, (_, i) => (i < data.length ? data[i] : fill(i)));
}

/** How many values `arange(start, end, step)` yields, or an error when it is empty, endless or too long. */
export function arangeCount(start: number, end: number, step: number): Parsed<number> {
  const n = arangeLength(start, end, step);
  if (n <= 0) return fail({ code: 'arange_empty' });
  if (n > MAX_ARANGE_VALUES) return fail({ code: 'too_many_values', max: MAX_ARANGE_VALUES });
  return ok(n);
}

/** A tensor as plain arrays, as the table editor edits it. */
export interface PlainTensor {
  readonly shape: number[];
  readonly data: number[];
}

/**
 * Pasted numbers written into a tensor at flat position `start`, as a spreadsheet would: into
 * the first cell they replace the whole tensor (taking the pasted shape when `canReshape`);
 * further on, or when the count does not fit a fixed shape, they overwrite in place and what
 * runs past the end is dropped.
 */
export function pasteValues(t: PlainTensor, list: NumberList, start: number, canReshape: boolean): PlainTensor {
  const n = list.values.length;
  if (start === 0 && (canReshape || n === sizeOfShape(t.shape))) {
    const shape = pastedShape(t.shape, list, canReshape);
    if (shape.ok) return { shape: shape.value, data: [...list.values] };
  }
  const data = [...t.data];
  for (let k = 0; k < n && start + k < data.length; k++) data[start + k] = list.values[k];
  return { shape: [...t.shape], data };
}
