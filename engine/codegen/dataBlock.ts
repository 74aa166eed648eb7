import type { Dataset } from '../graph/types';
import { pyComment, pyString } from './escape';
import { pyFloat } from './python';

/**
 * Datasets with more rows than this are read from their CSV file when the export knows its
 * path (the CLI's --csv), rather than written into the script row by row.
 */
export const EMBED_MAX_ROWS = 10_000;

/**
 * The lines that define one dataset as a tensor of the default dtype, one row per line. Built in a
 * plain loop: a CSV may bring 100,000 rows, far more than a function call can take as
 * spread arguments.
 */
export function datasetLines(name: string, variable: string, d: Dataset, csvPath?: string): string[] {
  const lines = [`# dataset ${pyComment(`${pyString(name)}: columns ${d.columns.map(pyString).join(', ')}`, 400)}`];
  const n = d.rows.length;
  if (csvPath !== undefined && n > EMBED_MAX_ROWS) {
    // The file GradCanvas read: a header row, then numbers, as many per row as there are columns.
    lines.push(
      `# ${n} rows, read from the CSV file (relative to the directory the script runs in)`,
      'import numpy as np',
      `${variable} = torch.tensor(np.loadtxt(${pyString(csvPath)}, delimiter=",", skiprows=1, ndmin=2), dtype=torch.get_default_dtype()).to(device)`,
      `assert ${variable}.shape == (${n}, ${d.columns.length}), f"the CSV file holds {tuple(${variable}.shape)} values, GradCanvas read (${n}, ${d.columns.length})"`,
    );
    return lines;
  }
  if (n === 0) {
    lines.push(`${variable} = torch.zeros(0, ${d.columns.length}, device=device)`);
    return lines;
  }
  for (let i = 0; i < n; i++) {
    const row = d.rows[i];
    const cells = new Array<string>(row.length);
    for (let j = 0; j < row.length; j++) cells[j] = pyFloat(row[j]);
    const open = i === 0 ? `${variable} = torch.tensor([` : '    ';
    const close = i === n - 1 ? ']).to(device)' : ',';
    lines.push(`${open}[${cells.join(', ')}]${close}`);
  }
  return lines;
}
