import Papa from 'papaparse';
import type { Dataset } from '../graph/types';

/** The most rows a CSV file may have: larger data belongs in PyTorch, not the browser. */
export const MAX_CSV_ROWS = 100_000;

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

/** `line 4, column RM: 'abc' is not a number`. */
export function formatCsvError(e: CsvError): string {
  return `line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.message}`;
}

/** Parses a CSV text with a header row of column names and numeric cells (quoted numbers are fine). */
export function parseCsv(text: string): CsvResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  // A one-column file has no delimiter to detect; that is not an error.
  const errors: CsvError[] = parsed.errors
    .filter((e) => e.type !== 'Delimiter')
    .slice(0, MAX_ERRORS)
    .map((e) => ({ line: (e.row ?? 0) + 1, message: e.message }));
  if (errors.length > 0) return { ok: false, errors };
  const [header, ...body] = parsed.data;
  if (!header || header.length === 0) return { ok: false, errors: [{ line: 1, message: 'the file is empty' }] };
  const columns = header.map((h) => h.trim());
  if (columns.every((c) => c !== '' && Number.isFinite(Number(c)))) {
    return { ok: false, errors: [{ line: 1, message: 'the first line must be a header of column names, but it holds only numbers' }] };
  }
  columns.forEach((c, j) => {
    if (c === '') errors.push({ line: 1, message: `column ${j + 1} has no name` });
    else if (columns.indexOf(c) !== j) errors.push({ line: 1, column: c, message: 'this column name appears twice' });
  });
  if (body.length === 0) errors.push({ line: 2, message: 'there are no data rows after the header' });
  if (body.length > MAX_CSV_ROWS) {
    errors.push({ line: MAX_CSV_ROWS + 2, message: `the file has ${body.length} rows; GradCanvas takes up to ${MAX_CSV_ROWS}` });
  }
  if (errors.length > 0) return { ok: false, errors };
  const isNumber = (cell: string) => cell.trim() !== '' && Number.isFinite(Number(cell));
  const textOnly = columns.map((_, j) => body.every((cells) => cells[j] === undefined || (cells[j].trim() !== '' && !isNumber(cells[j]))));
  const keep = columns.map((_, j) => j).filter((j) => !textOnly[j]);
  const rows: number[][] = [];
  for (let i = 0; i < body.length && errors.length < MAX_ERRORS; i++) {
    const line = i + 2;
    const cells = body[i];
    if (cells.length !== columns.length) {
      errors.push({ line, message: `has ${cells.length} cells but the header has ${columns.length} columns` });
      continue;
    }
    rows.push(
      keep.map((j) => {
        const cell = cells[j];
        if (!isNumber(cell)) errors.push({ line, column: columns[j], message: cell.trim() === '' ? 'the cell is empty' : `'${cell}' is not a number` });
        return Number(cell);
      }),
    );
  }
  if (errors.length > 0) return { ok: false, errors };
  if (keep.length === 0) return { ok: false, errors: [{ line: 2, message: 'no column holds numbers' }] };
  return { ok: true, dataset: { columns: keep.map((j) => columns[j]), rows }, textColumns: columns.filter((_, j) => textOnly[j]) };
}
