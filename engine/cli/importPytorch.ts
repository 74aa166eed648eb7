import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatCsvError, parseCsv } from '../format/csv';
import { serializeGraphFile } from '../format/save';
import type { Dataset } from '../graph/types';
import { importPython } from '../pyimport';
import type { CliArgs } from './args';
import { CliError, EXIT_INVALID, writeText } from './commands';

/**
 * `import-pytorch model.py [-o graph.json]`: the graph the code builds, written to the file
 * or printed; code outside the supported subset fails with `file:line:col: reason` and
 * writes nothing. A CSV file the script reads (`pd.read_csv("boston.csv")`) is read from disk,
 * relative to the script, as GradCanvas's CSV import reads it.
 */
export function importPytorch(args: CliArgs, code: string, out: (line: string) => void): void {
  const r = importPython(code, { readCsv: (path) => readCsv(resolve(dirname(args.file), path)) });
  if (r.error) throw new CliError(`${args.file}:${r.error.line}:${r.error.col}: ${r.error.message}`, EXIT_INVALID);
  const text = serializeGraphFile(r.file);
  if (args.output) writeText(args.output, text);
  else out(text.trimEnd());
}

/** A CSV file as a dataset, or why it cannot be one. */
function readCsv(path: string): Dataset | string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return (e as Error).message;
  }
  const r = parseCsv(text);
  return r.ok ? r.dataset : r.errors.map(formatCsvError).join('; ');
}
