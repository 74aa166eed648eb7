import Papa from 'papaparse';
import { quote } from '../graph/describe';
import type { Dataset } from '../graph/types';
import { formatCount, MAX_CSV_ROWS, MAX_FILE_CHARS, MAX_NAME_CHARS, MAX_TENSOR_ELEMENTS } from '../limits';
import { fillReason, type ReasonParams } from '../tensor/reason';
import { headerDelimiter, lineCounter } from './csvLines';
import { parseDecimal } from './decimal';

export { MAX_CSV_ROWS } from '../limits';

/** Every sentence a CSV file can be refused with, in English, by reason (after its line, and column where it has one); the page words each in its language. */
export const CSV_REASONS = {
  too_long: 'the file has {count} characters, which exceeds the limit of {limit} characters',
  empty: 'the file is empty',
  numbers_header: 'the first line must be a header of column names, but it holds only numbers',
  unnamed_column: 'column {index} has no name',
  long_name: "column {index}'s name has {count} characters; a name may have up to {max}",
  duplicate_column: 'this column name appears twice',
  no_rows: 'there are no data rows after the header',
  too_many_rows: 'the file has {count} rows; GradCanvas takes up to {max}',
  decimal_comma: 'looks like numbers with decimal commas ({cell}); write them with a point ({fixed})',
  no_numbers: 'no column holds numbers',
  too_many_elements: '{rows} rows of {columns} number columns are {count} elements, which exceeds the limit of {limit} elements',
  ragged: 'has {cells} cells but the header has {columns} columns',
  empty_cell: 'the cell is empty',
  not_a_number: '{cell} is not a number',
  unclosed_quote: 'Quoted field unterminated',
  bad_quote: 'Trailing quote on quoted field is malformed',
  unreadable: '{detail}',
} as const;

/** Why a CSV file is refused. */
export type CsvReason = keyof typeof CSV_REASONS;

/** A problem in a CSV file, at a 1-based line and (where it applies) a column, with its reason and parameters. */
export interface CsvError {
  readonly line: number;
  readonly column?: string;
  readonly reason: CsvReason;
  readonly params: ReasonParams;
  readonly message: string;
}

/** A CSV error told from its reason. */
function csvError(line: number, reason: CsvReason, params: ReasonParams = {}, column?: string): CsvError {
  return { line, ...(column === undefined ? {} : { column }), reason, params, message: fillReason(CSV_REASONS[reason], params) };
}

/** Papa Parse's quote errors by their code; any other (which the reader does not expect) keeps Papa's own words. */
function papaError(line: number, e: { readonly code: string; readonly message: string }): CsvError {
  if (e.code === 'MissingQuotes') return csvError(line, 'unclosed_quote');
  if (e.code === 'InvalidQuotes') return csvError(line, 'bad_quote');
  return csvError(line, 'unreadable', { detail: e.message });
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
      for (const e of r.errors) if (e.type !== 'Delimiter' && errors.length < MAX_ERRORS) errors.push(papaError(line, e));
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
    return { ok: false, errors: [csvError(1, 'too_long', { count: formatCount(text.length), limit: formatCount(MAX_FILE_CHARS) })] };
  }
  const { rows, count, overLine, errors } = readRows(text.replace(/^\uFEFF/, ''));
  if (errors.length > 0) return { ok: false, errors };
  const [head, ...body] = rows;
  if (!head) return { ok: false, errors: [csvError(1, 'empty')] };
  const columns = head.cells.map((h) => h.trim());
  if (columns.every((c) => c !== '' && isNumber(c))) {
    return { ok: false, errors: [csvError(head.line, 'numbers_header')] };
  }
  columns.forEach((c, j) => {
    if (c === '') errors.push(csvError(head.line, 'unnamed_column', { index: j + 1 }));
    else if (c.length > MAX_NAME_CHARS) errors.push(csvError(head.line, 'long_name', { index: j + 1, count: formatCount(c.length), max: MAX_NAME_CHARS }));
    else if (columns.indexOf(c) !== j) errors.push(csvError(head.line, 'duplicate_column', {}, c));
  });
  if (body.length === 0) errors.push(csvError(head.line + 1, 'no_rows'));
  if (count > MAX_CSV_ROWS) {
    errors.push(csvError(overLine, 'too_many_rows', { count: formatCount(count), max: formatCount(MAX_CSV_ROWS) }));
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
      errors.push(csvError(first.line, 'decimal_comma', { cell: quote(cell), fixed: quote(cell.replace(/\./g, '').replace(',', '.')) }, name));
    }
  });
  const keep = columns.map((_, j) => j).filter((j) => !textOnly[j]);
  if (keep.length === 0) return { ok: false, errors: [csvError(body[0].line, 'no_numbers')] };
  if (body.length * keep.length > MAX_TENSOR_ELEMENTS) {
    return { ok: false, errors: [csvError(body[0].line, 'too_many_elements', { rows: formatCount(body.length), columns: keep.length, count: formatCount(body.length * keep.length), limit: formatCount(MAX_TENSOR_ELEMENTS) })] };
  }
  const commaColumns = new Set(errors.map((e) => e.column));
  const rows: number[][] = [];
  for (let i = 0; i < body.length && errors.length < MAX_ERRORS; i++) {
    const { cells, line } = body[i];
    if (cells.length !== columns.length) {
      errors.push(csvError(line, 'ragged', { cells: cells.length, columns: columns.length }));
      continue;
    }
    rows.push(
      keep.map((j) => {
        const cell = cells[j];
        const v = parseDecimal(cell);
        if (v === null && !commaColumns.has(columns[j]) && errors.length < MAX_ERRORS) {
          errors.push(cell.trim() === '' ? csvError(line, 'empty_cell', {}, columns[j]) : csvError(line, 'not_a_number', { cell: quote(cell.trim()) }, columns[j]));
        }
        return v ?? NaN;
      }),
    );
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, dataset: { columns: keep.map((j) => columns[j]), rows }, textColumns: columns.filter((_, j) => textOnly[j]) };
}
