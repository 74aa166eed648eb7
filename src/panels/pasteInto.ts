import type { EditNode } from './editNode';
import type { TensorTarget } from './tensorTargets';
import { type Parsed, type PlainTensor, parseNumberList, pasteValues } from './tensorText';

/**
 * Writes pasted text into a node's tensor at flat position `start`, as one undoable step.
 * Returns false for a single number (the cell takes it as ordinary typing) or text that is
 * not numbers; returns the new tensor otherwise.
 */
export function pasteInto(editNode: EditNode, nodeId: string, target: TensorTarget, text: string, start: number): PlainTensor | false {
  const list = parseNumberList(text, { nonFinite: target.nonFinite });
  if (!list.ok || list.value.values.length < 2) return false;
  let result: PlainTensor | false = false;
  editNode(nodeId, 'paste values', (n) => {
    const cur = target.read(n);
    if (!cur) return;
    result = pasteValues(cur, list.value, start, target.setShape !== undefined);
    target.write(n, result);
  });
  return result;
}

/** Replaces a node's whole tensor with pasted text (the paste box); the error says why it could not. */
export function replaceFromText(editNode: EditNode, nodeId: string, target: TensorTarget, current: PlainTensor, text: string): Parsed<PlainTensor> {
  const list = parseNumberList(text, { nonFinite: target.nonFinite });
  if (!list.ok) return list;
  const n = list.value.values.length;
  const size = current.data.length;
  if (!target.setShape && n !== size) return { ok: false, error: { code: 'count_mismatch', expected: size, got: n } };
  const next = pasteValues(current, list.value, 0, target.setShape !== undefined);
  editNode(nodeId, 'paste values', (node) => target.write(node, next));
  return { ok: true, value: next };
}
