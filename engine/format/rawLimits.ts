import { formatCount, MAX_EDGES_PER_NODE, MAX_NAME_CHARS, MAX_NODES, MAX_TENSOR_ELEMENTS, MAX_TOTAL_ELEMENTS } from '../limits';
import { type FileError, fileError, formatPath } from './fileError';

/**
 * Names a file may not use as keys: `__proto__` cannot survive as an ordinary key of a
 * JavaScript object (assigning it replaces the prototype, so it would vanish or worse), and
 * `constructor` and `prototype` are its companions in prototype pollution. All three are
 * refused wherever a name is a key, so they behave the same everywhere.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** How many errors the size walk reports before it stops looking. */
const MAX_WALK_ERRORS = 20;

/** One open list or object on the walk: its entries and how far the walk has come through them. */
interface Frame {
  readonly key: string | number;
  readonly list: readonly unknown[] | null;
  readonly object: Readonly<Record<string, unknown>> | null;
  readonly keys: readonly string[];
  next: number;
}

/**
 * Checks a parsed document's sizes before any schema code walks it: no list or object
 * larger than one tensor may be, no more values in all than a program may hold, no reserved
 * or overlong names. Depth-first with one frame per open level (the text nests at most
 * MAX_NESTING_DEPTH), so it needs neither recursion nor memory in proportion to the document,
 * and it stops as soon as the total is over.
 */
export function rawSizeErrors(doc: object): FileError[] {
  const errors: FileError[] = [];
  let values = 0;
  const stack: Frame[] = [];
  const pathTo = (key?: string | number) => formatPath([...stack.slice(1).map((f) => f.key), ...(key === undefined ? [] : [key])]);
  const open = (value: object, key: string | number): void => {
    if (Array.isArray(value)) {
      if (value.length > MAX_TENSOR_ELEMENTS) {
        errors.push(fileError(pathTo(key), 'file.list_too_long', { count: formatCount(value.length), limit: formatCount(MAX_TENSOR_ELEMENTS) }));
        return;
      }
      values += value.length;
      stack.push({ key, list: value, object: null, keys: [], next: 0 });
      return;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_TENSOR_ELEMENTS) {
      errors.push(fileError(pathTo(key), 'file.object_too_big', { count: formatCount(keys.length), limit: formatCount(MAX_TENSOR_ELEMENTS) }));
      return;
    }
    values += keys.length;
    stack.push({ key, list: null, object: value as Record<string, unknown>, keys, next: 0 });
  };
  open(doc, '');
  while (stack.length > 0 && errors.length < MAX_WALK_ERRORS && values <= MAX_TOTAL_ELEMENTS) {
    const top = stack[stack.length - 1];
    if (top.list) {
      // Plain values need no frame: skip ahead to the next list or object.
      while (top.next < top.list.length && (top.list[top.next] === null || typeof top.list[top.next] !== 'object')) top.next++;
      if (top.next >= top.list.length) {
        stack.pop();
        continue;
      }
      const i = top.next++;
      open(top.list[i] as object, i);
      continue;
    }
    if (top.next >= top.keys.length) {
      stack.pop();
      continue;
    }
    const key = top.keys[top.next++];
    if (RESERVED_NAMES.has(key)) {
      errors.push(fileError(pathTo(key), 'file.reserved_name', { name: key }));
      continue;
    }
    if (key.length > MAX_NAME_CHARS) {
      errors.push(fileError(pathTo(key), 'file.name_too_long', { limit: formatCount(MAX_NAME_CHARS), count: formatCount(key.length) }));
      continue;
    }
    const child = (top.object as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object') open(child, key);
  }
  if (errors.length === 0 && values > MAX_TOTAL_ELEMENTS) {
    errors.push(fileError('', 'file.too_many_entries', { count: formatCount(values), limit: formatCount(MAX_TOTAL_ELEMENTS) }));
  }
  return errors;
}

/** The node and wire counts of a document against the node limit (the page passes its lower one). */
export function countErrors(doc: Record<string, unknown>, maxNodes: number): FileError[] {
  const errors: FileError[] = [];
  if (Array.isArray(doc.nodes) && doc.nodes.length > maxNodes) {
    const counts = { count: formatCount(doc.nodes.length), limit: formatCount(maxNodes), cliLimit: formatCount(MAX_NODES) };
    errors.push(fileError('nodes', maxNodes < MAX_NODES ? 'file.too_many_nodes_page' : 'file.too_many_nodes', counts));
  }
  const maxEdges = maxNodes * MAX_EDGES_PER_NODE;
  if (Array.isArray(doc.edges) && doc.edges.length > maxEdges) {
    errors.push(fileError('edges', 'file.too_many_wires', { count: formatCount(doc.edges.length), limit: formatCount(maxEdges), perNode: MAX_EDGES_PER_NODE }));
  }
  return errors;
}
