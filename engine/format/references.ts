import { type FileError, fileError } from './fileError';
import type { GraphFile } from './schema';

/** Ids that repeat, edges and the loss pointing at nodes that do not exist. */
export function referenceErrors(file: GraphFile): FileError[] {
  const errors: FileError[] = [];
  const seen = new Map<string, number>();
  file.nodes.forEach((n, i) => {
    const first = seen.get(n.id);
    if (first !== undefined) errors.push(fileError(`nodes[${i}].id`, 'file.duplicate_id', { id: n.id, first: `nodes[${first}]` }));
    else seen.set(n.id, i);
  });
  file.edges.forEach((e, j) => {
    if (!seen.has(e.source)) errors.push(fileError(`edges[${j}].source`, 'file.no_such_node', { id: e.source }));
    if (!seen.has(e.target)) errors.push(fileError(`edges[${j}].target`, 'file.no_such_node', { id: e.target }));
  });
  if (file.loss !== null && !seen.has(file.loss)) errors.push(fileError('loss', 'file.no_such_node', { id: file.loss }));
  return errors;
}
