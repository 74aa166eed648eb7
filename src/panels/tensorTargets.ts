import type { FileNode, GraphFile } from '../../engine/format/schema';
import { fromFileNumber, toFileNumber } from '../../engine/format/convert';
import { initTensor } from '../../engine/graph/init';
import { resolveAttrs } from '../../engine/graph/attrs';
import { lookupOp } from '../../engine/ops/registry';
import { leafTensor } from '../../engine/ops/input';
import { effectiveInit, type SourceType } from './nodeEdits';
import { MAX_EDIT_VALUES, type PlainTensor, resizeData, sizeOfShape } from './tensorText';

/**
 * One editable tensor of a node: an input's literal value, a parameter's values, or one of
 * linear's weight and bias. The table editor reads and writes through this, so one component
 * serves all three.
 */
export interface TensorTarget {
  /** Names the tensor in test ids and cell names: '' for the node's own value, else `weight`, `bias`. */
  readonly name: string;
  read(node: FileNode): PlainTensor | null;
  write(node: FileNode, t: PlainTensor): void;
  /** Changes the shape; absent when the shape is not the user's to choose (a weight's comes from the attributes). */
  setShape?(node: FileNode, shape: number[]): void;
}

/** The literal tensor of an `input` or `constant`. */
export const leafValueTarget: TensorTarget = {
  name: '',
  read: (node) => (node.value?.type === 'tensor' ? { shape: [...node.value.shape], data: [...node.value.data] } : null),
  write(node, t) {
    node.value = { type: 'tensor', shape: [...t.shape], data: [...t.data] };
  },
  setShape(node, shape) {
    const data = node.value?.type === 'tensor' ? node.value.data : [];
    node.value = { type: 'tensor', shape: [...shape], data: resizeData(data, sizeOfShape(shape)) };
  },
};

/** The shape of a `parameter`. */
export function parameterShape(node: FileNode): number[] {
  return [...(node.shape ?? node.params?.value?.shape ?? [])];
}

/** A parameter's values: the stored ones, or what its initialiser gives (what the engine uses). */
export const parameterTarget: TensorTarget = {
  name: '',
  read(node) {
    const stored = node.params?.value;
    if (stored) return { shape: [...stored.shape], data: stored.data.map(fromFileNumber) };
    const shape = parameterShape(node);
    return { shape, data: Array.from(initTensor(shape, effectiveInit(node), shape[shape.length - 1] ?? 1).data) };
  },
  write(node, t) {
    node.shape = [...t.shape];
    node.params = { ...node.params, value: { shape: [...t.shape], data: t.data.map(toFileNumber) } };
  },
  setShape: (node, shape) => setParameterShape(node, shape),
};

/** Changes a parameter's shape, keeping stored values where they still fit and drawing new places from the initialiser. */
export function setParameterShape(node: FileNode, shape: number[]): void {
  const stored = node.params?.value;
  node.shape = [...shape];
  if (!stored) return;
  const fresh = initTensor(shape, effectiveInit(node), shape[shape.length - 1] ?? 1).data;
  const data = resizeData(stored.data.map(fromFileNumber), sizeOfShape(shape), (i) => fresh[i]);
  node.params = { ...node.params, value: { shape: [...shape], data: data.map(toFileNumber) } };
}

/** One of an op's own parameters (linear's `weight` [out, in] or `bias` [out]). */
export function opParamTarget(name: string): TensorTarget {
  return {
    name,
    read(node) {
      const def = lookupOp(node.op);
      if (!def || def.kind !== 'op' || !def.params) return null;
      const { attrs, errors } = resolveAttrs(def.attrs, node.attrs);
      if (errors.length > 0) return null;
      const specs = def.params(attrs);
      const i = specs.findIndex((s) => s.name === name);
      if (i < 0) return null;
      const spec = specs[i];
      const stored = node.params?.[name];
      if (stored && stored.shape.length === spec.shape.length && stored.shape.every((d, a) => d === spec.shape[a])) {
        return { shape: [...stored.shape], data: stored.data.map(fromFileNumber) };
      }
      // The same draw the engine makes: offset i gives weight and bias different streams.
      return { shape: [...spec.shape], data: Array.from(initTensor(spec.shape, effectiveInit(node), spec.fanIn, i).data) };
    },
    write(node, t) {
      node.params = { ...node.params, [name]: { shape: [...t.shape], data: t.data.map(toFileNumber) } };
    },
  };
}

/**
 * Switches an input or constant to another source, carrying the values over where it can
 * (a range becomes the tensor it makes). Returns false when the source is not possible
 * (columns with no dataset loaded), leaving the node as it was.
 */
export function setSource(node: FileNode, type: SourceType, doc: GraphFile): boolean {
  const current = node.value;
  if (current?.type === type) return true;
  switch (type) {
    case 'tensor': {
      let shape: number[] = [];
      let data: number[] = [0];
      try {
        const t = current ? leafTensor(current, { datasets: doc.datasets }) : null;
        if (t && t.data.length <= MAX_EDIT_VALUES) {
          shape = [...t.shape];
          data = Array.from(t.data);
        }
      } catch {
        // A range or binding that does not resolve starts over as a scalar.
      }
      node.value = { type: 'tensor', shape, data };
      return true;
    }
    case 'arange':
      node.value = { type: 'arange', start: 0, end: 5, step: 1 };
      return true;
    case 'columns': {
      const name = Object.keys(doc.datasets)[0];
      if (name === undefined) return false;
      node.value = { type: 'columns', dataset: name, columns: [doc.datasets[name].columns[0]] };
      return true;
    }
  }
}

/** Binds an input to dataset columns; `vector` only survives with exactly one column (the engine's rule). */
export function setColumns(node: FileNode, dataset: string, columns: string[], vector: boolean): void {
  if (columns.length === 0) return;
  node.value = { type: 'columns', dataset, columns: [...columns], ...(vector && columns.length === 1 ? { vector: true } : {}) };
}
