import Papa from 'papaparse';
import { quote } from '../graph/describe';
import type { Dataset } from '../graph/types';
import { formatCount, MAX_CSV_ROWS, MAX_FILE_CHARS, MAX_NAME_CHARS, MAX_TENSOR_ELEMENTS, overLimit } from '../limits';
import { headerDelimiter, lineCounter } from './csvLines';
import { parseDecimal } from './decimal';

export { MAX_CSV_ROWS } from '../limits';

/** A problem in a CSV file, at a 1-based line and (where it applies) a column. */
export interface CsvError {
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

/**
 * Either the dataset (with the names of columns left out because they hold only text, such
 * as a train/test `split` column) or every problem found (up to 20).
 */
export type CsvResult =
  | { readonly ok: true; readonly dataset: Dataset; readonly textColumns: string[] }
  | { readonly ok: false; readonly errors: CsvError[] };

const MAX_ERRORS = 20;

/** A number written with a decimal comma (`3,14`, `1.234,5`): a locale setting, not text. */
const DECIMAL_COMMA = /^[+-]?\d+(?:\.\d{3})*,\d+$/;

const isNumber = (cell: string) => parseDecimal(cell) !== null;
const isCommaNumber = (cell: string) => DECIMAL_COMMA.test(cell.trim());

/** `line 4, column RM: 'abc' is not a number`. */
export function formatCsvError(e: CsvError): string {
  return `line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.message}`;
}

/** A non-empty row and the physical line it starts on. */
interface Row {
  readonly cells: string[];
  readonly line: number;
}

/** The header and data rows with their real line numbers; rows past the limit are only counted. */
function readRows(text: string): { rows: Row[]; count: number; overLine: number; errors: CsvError[] } {
  const rows: Row[] = [];
  const errors: CsvError[] = [];
  const lineOf = lineCounter(text);
  let start = 0;
  let count = 0;
  let overLine = 0;
  Papa.parse<string[]>(text, {
    delimiter: headerDelimiter(text),
    step: (r) => {
      const line = lineOf(start);
      start = r.meta.cursor;
      for (const e of r.errors) if (e.type !== 'Delimiter' && errors.length < MAX_ERRORS) errors.push({ line, message: e.message });
      if (r.data.every((c) => c.trim() === '')) return;
      // The header is row 0; data rows past MAX_CSV_ROWS are counted, not kept.
      if (count++ <= MAX_CSV_ROWS) rows.push({ cells: r.data, line });
      else if (overLine === 0) overLine = line;
    },
  });
  return { rows, count: Math.max(count - 1, 0), overLine, errors };
}

/** Parses a CSV text with a header row of column names and numeric cells (quoted numbers are fine). */
export function parseCsv(text: string): CsvResult {
  if (text.length > MAX_FILE_CHARS) {
    return { ok: false, errors: [{ line: 1, message: `the file has ${formatCount(text.length)} characters, ${overLimit(MAX_FILE_CHARS, 'characters')}` }] };
  }
  const { rows, count, overLine, errors } = readRows(text.replace(/^\uFEFF/, ''));
  if (errors.length > 0) return { ok: false, errors };
  const [head, ...body] = rows;
  if (!head) return { ok: false, errors: [{ line: 1, message: 'the file is empty' }] };
  const columns = head.cells.map((h) => h.trim());
  if (columns.every((c) => c !== '' && isNumber(c))) {
    return { ok: false, errors: [{ line: head.line, message: 'the first line must be a header of column names, but it holds only numbers' }] };
  }
  columns.forEach((c, j) => {
    if (c === '') errors.push({ line: head.line, message: `column ${j + 1} has no name` });
    else if (c.length > MAX_NAME_CHARS) errors.push({ line: head.line, message: `column ${j + 1}'s name has ${formatCount(c.length)} characters; a name may have up to ${MAX_NAME_CHARS}` });
    else if (columns.indexOf(c) !== j) errors.push({ line: head.line, column: c, message: 'this column name appears twice' });
  });
  if (body.length === 0) errors.push({ line: head.line + 1, message: 'there are no data rows after the header' });
  if (count > MAX_CSV_ROWS) {
    errors.push({ line: overLine, message: `the file has ${formatCount(count)} rows; GradCanvas takes up to ${formatCount(MAX_CSV_ROWS)}` });
  }
  if (errors.length > 0) return { ok: false, errors };
  return readNumbers(columns, body);
}

/** The numeric columns of the data rows, or every cell that is not a number (up to 20). */
function readNumbers(columns: readonly string[], body: readonly Row[]): CsvResult {
  const errors: CsvError[] = [];
  const cellsOf = (j: number) => body.map((r) => r.cells[j]).filter((c): c is string => c !== undefined);
  const textOnly = columns.map((_, j) => cellsOf(j).every((c) => c.trim() !== '' && !isNumber(c) && !isCommaNumber(c)));
  columns.forEach((name, j) => {
    if (textOnly[j]) return;
    const first = body.find((r) => r.cells[j] !== undefined && isCommaNumber(r.cells[j]));
    if (first) {
      const cell = first.cells[j].trim();
      errors.push({ line: first.line, column: name, message: `looks like numbers with decimal commas (${quote(cell)}); write them with a point (${quote(cell.replace(/\./g, '').replace(',', '.'))})` });
    }
  });
  const keep = columns.map((_, j) => j).filter((j) => !textOnly[j]);
  if (keep.length === 0) return { ok: false, errors: [{ line: body[0].line, message: 'no column holds numbers' }] };
  if (body.length * keep.length > MAX_TENSOR_ELEMENTS) {
    return { ok: false, errors: [{ line: body[0].line, message: `${formatCount(body.length)} rows of ${keep.length} number columns are ${formatCount(body.length * keep.length)} elements, ${overLimit(MAX_TENSOR_ELEMENTS, 'elements')}` }] };
  }
  const commaColumns = new Set(errors.map((e) => e.column));
  const rows: number[][] = [];
  for (let i = 0; i < body.length && errors.length < MAX_ERRORS; i++) {
    const { cells, line } = body[i];
    if (cells.length !== columns.length) {
      errors.push({ line, message: `has ${cells.length} cells but the header has ${columns.length} columns` });
      continue;
    }
    rows.push(
      keep.map((j) => {
        const cell = cells[j];
        const v = parseDecimal(cell);
        if (v === null && !commaColumns.has(columns[j]) && errors.length < MAX_ERRORS) {
          errors.push({ line, column: columns[j], message: cell.trim() === '' ? 'the cell is empty' : `${quote(cell.trim())} is not a number` });
        }
        return v ?? NaN;
      }),
    );
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, dataset: { columns: keep.map((j) => columns[j]), rows }, textColumns: columns.filter((_, j) => textOnly[j]) };
}
