import { resolveAttrs } from '../ops/attrs';
import { quote } from '../graph/describe';
import { formatCount } from '../limits';
import { lookupOp } from '../ops/registry';
import { sizeOf } from '../tensor/shape';
import type { FileError } from './fileError';
import type { FileNode, GraphFile } from './schema';

/** The saved arrays of one parameter's state; each must have one value per element of the parameter. */
const ARRAYS = ['momentumBuffer', 'expAvg', 'expAvgSq', 'maxExpAvgSq'] as const;

/** How many elements a node's parameter has, or why it has none; null when its attributes are wrong (compile reports those). */
function elementCount(node: FileNode, name: string): { count: number } | { field: 'node' | 'name'; message: string } | null {
  const def = lookupOp(node.op);
  if (node.op === 'parameter') {
    if (name !== 'value') return { field: 'name', message: `a parameter node's only parameter is 'value', not ${quote(name)}` };
    const stored = node.params && Object.hasOwn(node.params, 'value') ? node.params.value : undefined;
    return { count: sizeOf(node.shape ?? stored?.shape ?? []) };
  }
  if (!def || def.kind !== 'op' || !def.params) return { field: 'node', message: `'${node.id}' is a ${node.op} node, which has no parameters` };
  const { attrs, errors } = resolveAttrs(def.attrs, node.attrs);
  if (errors.length > 0) return null;
  const spec = def.params(attrs).find((p) => p.name === name);
  if (!spec) return { field: 'name', message: `${node.op} has no parameter ${quote(name)}` };
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
      errors.push({ path: `${at}.node`, message: `no node has the id '${s.node}'` });
      return;
    }
    const key = `${s.node}\u0000${s.name}`;
    if (seen.has(key)) errors.push({ path: at, message: `the state of ${s.node}.${s.name} is saved twice` });
    seen.add(key);
    const count = elementCount(node, s.name);
    if (count === null) return;
    if (!('count' in count)) {
      errors.push({ path: `${at}.${count.field}`, message: count.message });
      return;
    }
    for (const field of ARRAYS) {
      const values = s[field];
      if (values && values.length !== count.count) {
        errors.push({ path: `${at}.${field}`, message: `has ${formatCount(values.length)} values but ${s.node}.${s.name} has ${formatCount(count.count)} element${count.count === 1 ? '' : 's'}` });
      }
    }
  });
  return errors;
}
