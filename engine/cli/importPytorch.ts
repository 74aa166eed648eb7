import { serializeGraphFile } from '../format/save';
import { importPython } from '../pyimport';
import type { CliArgs } from './args';
import { CliError, EXIT_INVALID, writeText } from './commands';

/**
 * `import-pytorch model.py [-o graph.json]`: the graph the code builds, written to the file
 * or printed; code outside the supported subset fails with `file:line:col: reason` and
 * writes nothing.
 */
export function importPytorch(args: CliArgs, code: string, out: (line: string) => void): void {
  const r = importPython(code);
  if (r.error) throw new CliError(`${args.file}:${r.error.line}:${r.error.col}: ${r.error.message}`, EXIT_INVALID);
  const text = serializeGraphFile(r.file);
  if (args.output) writeText(args.output, text);
  else out(text.trimEnd());
}
