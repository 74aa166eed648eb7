import { type Dataset, type GraphFile, VALIDATION_SUFFIX } from '../../engine';
import type { ColumnRole } from './builtin';
import { inputSides } from './inputRoles';

/** A dataset the document holds, with the input nodes that read it and the columns each reads. */
export interface DocumentDataset {
  readonly name: string;
  readonly dataset: Dataset;
  /** Its held-out test split (`name_test`) is in the document too. */
  readonly hasTest: boolean;
  readonly readers: readonly { readonly node: string; readonly columns: readonly string[] }[];
  /** The role each column plays in the graph now, for preparing it again in the panel. */
  readonly roles: Readonly<Record<string, ColumnRole>>;
}

/** The document's datasets in name order (a test split is listed with its training part), each with who reads it. */
export function documentDatasets(doc: GraphFile): DocumentDataset[] {
  const names = Object.keys(doc.datasets).sort();
  if (names.length === 0) return [];
  const sides = inputSides(doc);
  return names
    .filter((name) => !(name.endsWith(VALIDATION_SUFFIX) && names.includes(name.slice(0, -VALIDATION_SUFFIX.length))))
    .map((name) => {
      const dataset = doc.datasets[name];
      const readers: { node: string; columns: readonly string[] }[] = [];
      const roles: Record<string, ColumnRole> = Object.fromEntries(dataset.columns.map((c) => [c, 'unused' as ColumnRole]));
      for (const n of doc.nodes) {
        if (n.op !== 'input' || n.value?.type !== 'columns' || n.value.dataset !== name) continue;
        readers.push({ node: n.id, columns: n.value.columns });
        const side = sides.get(n.id);
        const role: ColumnRole = /^labels(_\d+)?$/.test(n.id) ? 'label' : side === 'target' || /^Y(_\d+)?$/.test(n.id) ? 'target' : 'feature';
        for (const c of n.value.columns) roles[c] = role;
      }
      return { name, dataset, hasTest: names.includes(name + VALIDATION_SUFFIX), readers, roles };
    });
}
