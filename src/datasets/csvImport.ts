import { type CsvError, type Dataset, MAX_NAME_CHARS, parseCsv, RESERVED_NAMES, VALIDATION_SUFFIX } from '../../engine';
import { addMessages } from '../i18n/messages';
import { csv } from '../i18n/messages/csv';
import type { ColumnRole } from './builtin';

/** The largest CSV file read at all; anything bigger is refused before parsing (a million rows is not a browser dataset). */
const MAX_CSV_BYTES = 20_000_000;

// The CSV reader's findings are worded by strings that load with it, not with the first screen.
addMessages(csv);

/** Why an import was refused: the CSV reader's own text (naming line and column), or a page message by key, shown in the user's language. */
export type ImportMessage = string | { readonly key: string; readonly vars?: Readonly<Record<string, string | number>> };

/** A CSV file read into a dataset with guessed roles, or the messages naming line and column. */
export type CsvImport =
  | { readonly ok: true; readonly name: string; readonly dataset: Dataset; readonly roles: Record<string, ColumnRole>; readonly textColumns: readonly string[] }
  | { readonly ok: false; readonly messages: readonly ImportMessage[] };

/** The longest dataset name an import gives: with its test split's suffix it still fits the file format's name limit. */
export const MAX_DATASET_NAME_CHARS = MAX_NAME_CHARS - VALIDATION_SUFFIX.length;

/** A dataset name from a file name: `boston_rm_price.csv` → `boston_rm_price`, cut to MAX_DATASET_NAME_CHARS. */
export function datasetName(fileName: string): string {
  const base = fileName.replace(/\.csv$/i, '').replace(/[^\w-]+/g, '_').slice(0, MAX_DATASET_NAME_CHARS);
  return base === '' ? 'data' : base;
}

/**
 * Why a name cannot name a dataset, or null when it can. The file loader refuses the reserved
 * names as keys, so a dataset called `__proto__` would make the autosaved document impossible
 * to reopen; the import refuses them first, with the engine's own list.
 */
function datasetNameProblem(name: string): ImportMessage | null {
  return RESERVED_NAMES.has(name) ? { key: 'datasets.err.reservedName', vars: { name } } : null;
}

/** Default roles: the last column is the target, the others are features. */
function guessRoles(columns: readonly string[]): Record<string, ColumnRole> {
  return Object.fromEntries(columns.map((c, i) => [c, i === columns.length - 1 && columns.length > 1 ? 'target' : 'feature']));
}

/** A CSV reader's error as a page message: its reason's wording, naming its line (and column). */
export function csvMessage(e: CsvError): ImportMessage {
  return { key: `csv.${e.reason}`, vars: { ...e.params, line: e.line, ...(e.column === undefined ? {} : { column: e.column }) } };
}

/** Reads CSV text (header row, numeric columns) into an import. */
export function importCsvText(fileName: string, text: string): CsvImport {
  const r = parseCsv(text);
  if (!r.ok) return { ok: false, messages: r.errors.map(csvMessage) };
  const name = datasetName(fileName);
  const refused = datasetNameProblem(name);
  if (refused) return { ok: false, messages: [refused] };
  return { ok: true, name, dataset: r.dataset, roles: guessRoles(r.dataset.columns), textColumns: r.textColumns };
}

/** Reads a CSV file; refuses one too large to be a browser dataset before reading it. */
export async function importCsvFile(file: File): Promise<CsvImport> {
  if (file.size > MAX_CSV_BYTES) {
    return { ok: false, messages: [{ key: 'csv.tooManyBytes', vars: { size: (file.size / 1e6).toFixed(0), max: MAX_CSV_BYTES / 1e6 } }] };
  }
  return importCsvText(file.name, await file.text());
}
