import { resolveAttrs } from '../ops/attrs';
import { lookupOp } from '../ops/registry';
import { type FileError, formatPath } from './fileError';
import type { FileNode, GraphFile } from './schema';

/** Fields every node has. */
const COMMON = ['id', 'op', 'label', 'position'] as const;

/** Fields of each leaf kind besides the common ones. */
const LEAF_FIELDS: Readonly<Record<string, readonly string[]>> = {
  input: ['value', 'requiresGrad'],
  constant: ['value'],
  parameter: ['shape', 'init', 'params'],
};

/** The fields a node of this op may have, and the names its `params` may hold. */
export function fieldsOf(op: string): { fields: readonly string[]; params: readonly string[] } {
  const def = lookupOp(op);
  if (!def) return { fields: COMMON, params: [] };
  if (def.kind === 'leaf') {
    const own = Object.hasOwn(LEAF_FIELDS, op) ? LEAF_FIELDS[op] : [];
    return { fields: [...COMMON, ...own], params: op === 'parameter' ? ['value'] : [] };
  }
  if (!def.params) return { fields: [...COMMON, 'attrs'], params: [] };
  // Parameter names do not depend on the attributes, so the defaults name them.
  const names = def.params(resolveAttrs(def.attrs, undefined).attrs).map((p) => p.name);
  return { fields: [...COMMON, 'attrs', 'init', 'params'], params: names };
}

/** `a, b and c`. */
function list(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Fields that belong to another kind of node (a parameter written with an input's `value`
 * would otherwise load and silently start from its initialiser), and parameter names the
 * op does not own.
 */
export function nodeFieldErrors(file: GraphFile): FileError[] {
  const errors: FileError[] = [];
  const cache = new Map<string, ReturnType<typeof fieldsOf>>();
  file.nodes.forEach((node: FileNode, i) => {
    let allowed = cache.get(node.op);
    if (!allowed) cache.set(node.op, (allowed = fieldsOf(node.op)));
    for (const [key, v] of Object.entries(node)) {
      if (v === undefined || allowed.fields.includes(key)) continue;
      errors.push({ path: `nodes[${i}].${key}`, message: `'${key}' does not belong to ${/^[aeiou]/.test(node.op) ? 'an' : 'a'} ${node.op} node (its fields are ${list(allowed.fields)})` });
    }
    if (!node.params || !allowed.fields.includes('params')) return;
    for (const name of Object.keys(node.params)) {
      if (!allowed.params.includes(name)) {
        errors.push({ path: formatPath(['nodes', i, 'params', name]), message: `${node.op} has no parameter '${name}' (it has ${list(allowed.params.map((p) => `'${p}'`))})` });
      }
    }
  });
  return errors;
}
