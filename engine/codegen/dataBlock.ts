import type { Dataset } from '../graph/types';
import { pyComment, pyString } from './escape';
import { pyFloat } from './python';

/**
 * The lines that define one dataset as a tensor of the default dtype, one row per line. Built in a
 * plain loop: a CSV may bring 100,000 rows, far more than a function call can take as
 * spread arguments.
 */
export function datasetLines(name: string, variable: string, d: Dataset): string[] {
  const lines = [`# dataset ${pyComment(`${pyString(name)}: columns ${d.columns.map(pyString).join(', ')}`, 400)}`];
  const n = d.rows.length;
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
