import { resolveAttrs } from '../ops/attrs';
import { quote } from '../graph/describe';
import { formatCount } from '../limits';
import { lookupOp } from '../ops/registry';
import { sizeOf } from '../tensor/shape';
import { type FileError, fileError, type FileReason } from './fileError';
import type { FileNode, GraphFile } from './schema';

/** The saved arrays of one parameter's state; each must have one value per element of the parameter. */
const ARRAYS = ['momentumBuffer', 'expAvg', 'expAvgSq', 'maxExpAvgSq'] as const;

/** How many elements a node's parameter has, or why it has none; null when its attributes are wrong (compile reports those). */
function elementCount(node: FileNode, name: string): { count: number } | { field: 'node' | 'name'; reason: FileReason; params: Record<string, string> } | null {
  const def = lookupOp(node.op);
  if (node.op === 'parameter') {
    if (name !== 'value') return { field: 'name', reason: 'file.state_only_value', params: { name: quote(name) } };
    const stored = node.params && Object.hasOwn(node.params, 'value') ? node.params.value : undefined;
    return { count: sizeOf(node.shape ?? stored?.shape ?? []) };
  }
  if (!def || def.kind !== 'op' || !def.params) return { field: 'node', reason: 'file.state_no_params', params: { node: node.id, op: node.op } };
  const { attrs, errors } = resolveAttrs(def.attrs, node.attrs);
  if (errors.length > 0) return null;
  const spec = def.params(attrs).find((p) => p.name === name);
  if (!spec) return { field: 'name', reason: 'file.state_no_param', params: { op: node.op, name: quote(name) } };
  return { count: sizeOf(spec.shape) };
}

/**
 * Saved optimizer state that could not continue training: state of a node or parameter
 * that does not exist, state saved twice, and buffers whose length is not the parameter's
 * element count (the optimizer would otherwise drop them quietly or read past them).
 */
export function optimizerStateErrors(file: GraphFile): FileError[] {
  const errors: FileError[] = [];
  const byId = new Map<string, FileNode>();
  for (const n of file.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const seen = new Set<string>();
  (file.optimizerState ?? []).forEach((s, i) => {
    const at = `optimizerState[${i}]`;
    const node = byId.get(s.node);
    if (!node) {
      errors.push(fileError(`${at}.node`, 'file.no_such_node', { id: s.node }));
      return;
    }
    const key = `${s.node}\u0000${s.name}`;
    if (seen.has(key)) errors.push(fileError(at, 'file.state_twice', { node: s.node, name: s.name }));
    seen.add(key);
    const count = elementCount(node, s.name);
    if (count === null) return;
    if (!('count' in count)) {
      errors.push(fileError(`${at}.${count.field}`, count.reason, count.params));
      return;
    }
    for (const field of ARRAYS) {
      const values = s[field];
      if (values && values.length !== count.count) {
        const params = { count: formatCount(values.length), node: s.node, name: s.name, elements: formatCount(count.count) };
        errors.push(fileError(`${at}.${field}`, count.count === 1 ? 'file.state_length_one' : 'file.state_length', params));
      }
    }
  });
  return errors;
}
