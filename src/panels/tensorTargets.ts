import { type FileNode, fromFileNumber, type GraphFile, initTensor, leafTensor, lookupOp, parameterFanIn, resolveAttrs, toFileNumber } from '../../engine';
import { effectiveInit, type SourceType } from './nodeEdits';
import { shapeSizeError } from './tensorSize';
import { MAX_EDIT_VALUES, type PlainTensor, resizeData, sizeOfShape, type TextError } from './tensorText';

/**
 * One editable tensor of a node: an input's literal value, a parameter's values, or one of
 * linear's weight and bias. The table editor reads and writes through this, so one component
 * serves all three.
 */
export interface TensorTarget {
  /** Names the tensor in test ids and cell names: '' for the node's own value, else `weight`, `bias`. */
  readonly name: string;
  /** Whether its values may be nan or ±inf: the file format allows them in parameter tensors only. */
  readonly nonFinite: boolean;
  /** The shape `read` gives, found without building any values; null when the node has no such tensor. */
  shapeOf(node: FileNode): number[] | null;
  /** The values; null when there is no such tensor or it is too large for the inspector (see `targetSizeError`). */
  read(node: FileNode): PlainTensor | null;
  write(node: FileNode, t: PlainTensor): void;
  /** Changes the shape (a shape too large for the inspector is refused); absent when the shape is not the user's to choose (a weight's comes from the attributes). */
  setShape?(node: FileNode, shape: number[]): void;
}

/** Why the inspector shows no values for this tensor (its shape is over a size limit), or null when it does. */
export function targetSizeError(target: TensorTarget, node: FileNode): TextError | null {
  const shape = target.shapeOf(node);
  return shape ? shapeSizeError(shape) : null;
}

/** The literal tensor of an `input` or `constant`. */
export const leafValueTarget: TensorTarget = {
  name: '',
  nonFinite: false,
  shapeOf: (node) => (node.value?.type === 'tensor' ? [...node.value.shape] : null),
  read(node) {
    if (node.value?.type !== 'tensor' || shapeSizeError(node.value.shape)) return null;
    return { shape: [...node.value.shape], data: [...node.value.data] };
  },
  write(node, t) {
    node.value = { type: 'tensor', shape: [...t.shape], data: [...t.data] };
  },
  setShape(node, shape) {
    if (shapeSizeError(shape)) return;
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
  nonFinite: true,
  shapeOf: (node) => [...(node.params?.value?.shape ?? parameterShape(node))],
  read(node) {
    const stored = node.params?.value;
    const shape = stored ? [...stored.shape] : parameterShape(node);
    if (shapeSizeError(shape)) return null;
    if (stored) return { shape, data: stored.data.map(fromFileNumber) };
    return { shape, data: Array.from(initTensor(shape, effectiveInit(node), parameterFanIn(shape)).data) };
  },
  write(node, t) {
    node.shape = [...t.shape];
    node.params = { ...node.params, value: { shape: [...t.shape], data: t.data.map(toFileNumber) } };
  },
  setShape: (node, shape) => void setParameterShape(node, shape),
};

/**
 * Changes a parameter's shape, keeping stored values where they still fit and drawing new
 * places from the initialiser. A shape too large for the inspector is refused (false), the
 * node left as it was.
 */
export function setParameterShape(node: FileNode, shape: number[]): boolean {
  if (shapeSizeError(shape)) return false;
  const stored = node.params?.value;
  node.shape = [...shape];
  if (!stored) return true;
  const fresh = initTensor(shape, effectiveInit(node), parameterFanIn(shape)).data;
  const data = resizeData(stored.data.map(fromFileNumber), sizeOfShape(shape), (i) => fresh[i]);
  node.params = { ...node.params, value: { shape: [...shape], data: data.map(toFileNumber) } };
  return true;
}

/** One of an op's own parameters (linear's `weight` [out, in] or `bias` [out]). */
export function opParamTarget(name: string): TensorTarget {
  return {
    name,
    nonFinite: true,
    shapeOf: (node) => {
      const found = paramSpec(node, name);
      return found ? [...found.spec.shape] : null;
    },
    read(node) {
      const found = paramSpec(node, name);
      // The shape comes from the attributes (inFeatures × outFeatures), so it is checked before anything is drawn.
      if (!found || shapeSizeError(found.spec.shape)) return null;
      const { spec, i } = found;
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

/** The spec of an op's own parameter as the node's attributes make it, and its position among the op's parameters. */
function paramSpec(node: FileNode, name: string) {
  const def = lookupOp(node.op);
  if (!def || def.kind !== 'op' || !def.params) return null;
  const { attrs, errors } = resolveAttrs(def.attrs, node.attrs);
  if (errors.length > 0) return null;
  const specs = def.params(attrs);
  const i = specs.findIndex((s) => s.name === name);
  return i < 0 ? null : { spec: specs[i], i };
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
