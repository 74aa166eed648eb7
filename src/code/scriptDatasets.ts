import type { Dataset, GraphFile } from '../../engine';
import { BUILTIN_NAMES, builtinDataset } from '../datasets/builtin';

/**
 * The datasets a script in the code panel may read by file name (`pd.read_csv("line.csv")`):
 * the ones GradCanvas ships, and the document's own (which win on a shared name).
 */
export function scriptDatasets(doc: GraphFile): Record<string, Dataset> {
  const shipped = Object.fromEntries(BUILTIN_NAMES.map((name) => [name, builtinDataset(name).dataset]));
  return { ...shipped, ...doc.datasets };
}
