import type { FileError } from './fileError';
import type { GraphFile } from './schema';

/** Ids that repeat, edges and the loss pointing at nodes that do not exist. */
export function referenceErrors(file: GraphFile): FileError[] {
  const errors: FileError[] = [];
  const seen = new Map<string, number>();
  file.nodes.forEach((n, i) => {
    const first = seen.get(n.id);
    if (first !== undefined) errors.push({ path: `nodes[${i}].id`, message: `duplicate id '${n.id}' (also nodes[${first}])` });
    else seen.set(n.id, i);
  });
  file.edges.forEach((e, j) => {
    if (!seen.has(e.source)) errors.push({ path: `edges[${j}].source`, message: `no node has the id '${e.source}'` });
    if (!seen.has(e.target)) errors.push({ path: `edges[${j}].target`, message: `no node has the id '${e.target}'` });
  });
  if (file.loss !== null && !seen.has(file.loss)) errors.push({ path: 'loss', message: `no node has the id '${file.loss}'` });
  return errors;
}
