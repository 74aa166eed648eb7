import { formatCsvError, parseCsv } from '../../engine/format/csv';
import type { Dataset } from '../../engine';
import type { ColumnRole } from './builtin';

/** The largest CSV file read at all; anything bigger is refused before parsing (a million rows is not a browser dataset). */
export const MAX_CSV_BYTES = 20_000_000;

/** A CSV file read into a dataset with guessed roles, or the messages naming line and column. */
export type CsvImport =
  | { readonly ok: true; readonly name: string; readonly dataset: Dataset; readonly roles: Record<string, ColumnRole>; readonly textColumns: readonly string[] }
  | { readonly ok: false; readonly messages: readonly string[] };

/** A dataset name from a file name: `boston_rm_price.csv` → `boston_rm_price`. */
export function datasetName(fileName: string): string {
  const base = fileName.replace(/\.csv$/i, '').replace(/[^\w-]+/g, '_');
  return base === '' ? 'data' : base;
}

/** Default roles: the last column is the target, the others are features. */
export function guessRoles(columns: readonly string[]): Record<string, ColumnRole> {
  return Object.fromEntries(columns.map((c, i) => [c, i === columns.length - 1 && columns.length > 1 ? 'target' : 'feature']));
}

/** Reads CSV text (header row, numeric columns) into an import. */
export function importCsvText(fileName: string, text: string): CsvImport {
  const r = parseCsv(text);
  if (!r.ok) return { ok: false, messages: r.errors.map(formatCsvError) };
  return { ok: true, name: datasetName(fileName), dataset: r.dataset, roles: guessRoles(r.dataset.columns), textColumns: r.textColumns };
}

/** Reads a CSV file; refuses one too large to be a browser dataset before reading it. */
export async function importCsvFile(file: File): Promise<CsvImport> {
  if (file.size > MAX_CSV_BYTES) {
    return { ok: false, messages: [`line 1: the file is ${(file.size / 1e6).toFixed(0)} MB; GradCanvas reads CSV files up to ${MAX_CSV_BYTES / 1e6} MB`] };
  }
  return importCsvText(file.name, await file.text());
}

/** Whether a file looks like CSV by its name or type. */
export function isCsvFile(file: File): boolean {
  return /\.csv$/i.test(file.name) || file.type === 'text/csv';
}
