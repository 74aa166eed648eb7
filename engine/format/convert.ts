import type { Dataset, Graph, GraphNode } from '../graph/types';
import type { Tensor } from '../tensor/tensor';
import type { ParamState } from '../optim/types';
import { CURRENT_VERSION, FORMAT_NAME, type FileNode, type FileTensor, type GraphFile, type TrainingSettings } from './schema';

/** A file number: finite numbers as they are, the three non-finite values as strings. */
export type FileNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** Reads a file number back into a float. */
export function fromFileNumber(v: FileNumber): number {
  return typeof v === 'number' ? v : v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : -Infinity;
}

/** Writes a float as a file number (JSON has no NaN or Infinity). */
export function toFileNumber(v: number): FileNumber {
  if (Number.isFinite(v)) return v;
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

/** A file tensor as an engine tensor. */
export function fromFileTensor(t: FileTensor): Tensor {
  return { shape: [...t.shape], data: Float64Array.from(t.data, fromFileNumber) };
}

/** An engine tensor as a file tensor. */
export function toFileTensor(t: Tensor): FileTensor {
  return { shape: [...t.shape], data: Array.from(t.data, toFileNumber) };
}

/** The engine graph a file describes (positions and labels are the editor's business). */
export function fileToGraph(file: GraphFile): Graph {
  const nodes: GraphNode[] = file.nodes.map((n: FileNode) => ({
    id: n.id,
    op: n.op,
    attrs: n.attrs,
    value: n.value,
    requiresGrad: n.requiresGrad,
    shape: n.shape,
    init: n.init,
    params: n.params ? Object.fromEntries(Object.entries(n.params).map(([k, t]) => [k, fromFileTensor(t)])) : undefined,
    label: n.label,
  }));
  // fromEntries defines own properties, so no name (not even `__proto__`) can reach a prototype.
  const datasets: Record<string, Dataset> = Object.fromEntries(Object.entries(file.datasets).map(([name, d]) => [name, { columns: d.columns, rows: d.rows }]));
  return { nodes, edges: file.edges, loss: file.loss ?? undefined, datasets, ...(file.dtype ? { dtype: file.dtype } : {}) };
}

/** The optimizer state a file saved, as the engine's optimizers take it. */
export function fileOptimizerState(file: GraphFile): ParamState[] {
  const nums = (v: readonly FileNumber[] | null | undefined) => (v ? v.map(fromFileNumber) : v);
  return (file.optimizerState ?? []).map((s) => ({
    node: s.node,
    name: s.name,
    momentumBuffer: nums(s.momentumBuffer),
    expAvg: nums(s.expAvg) ?? undefined,
    expAvgSq: nums(s.expAvgSq) ?? undefined,
    maxExpAvgSq: nums(s.maxExpAvgSq) ?? undefined,
    step: s.step,
  }));
}

/** Optimizer state as a file saves it. */
export function toFileOptimizerState(states: readonly ParamState[]): NonNullable<GraphFile['optimizerState']> {
  const nums = (v: ArrayLike<number> | null | undefined) => (v ? Array.from(v, toFileNumber) : v);
  return states.map((s) => ({
    node: s.node,
    name: s.name,
    momentumBuffer: nums(s.momentumBuffer),
    expAvg: nums(s.expAvg) ?? undefined,
    expAvgSq: nums(s.expAvgSq) ?? undefined,
    maxExpAvgSq: nums(s.maxExpAvgSq) ?? undefined,
    step: s.step,
  }));
}

/** A graph file for an engine graph (nodes laid out in a row), e.g. to save a generated graph. */
export function graphToFile(graph: Graph, training: TrainingSettings, name?: string): GraphFile {
  return {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    name,
    nodes: graph.nodes.map((n, i) => ({
      id: n.id,
      op: n.op,
      label: n.label,
      position: { x: i * 200, y: 0 },
      attrs: n.attrs ? { ...n.attrs } : undefined,
      value: n.value,
      requiresGrad: n.requiresGrad,
      shape: n.shape ? [...n.shape] : undefined,
      init: n.init,
      params: n.params ? Object.fromEntries(Object.entries(n.params).map(([k, t]) => [k, toFileTensor(t)])) : undefined,
    })) as FileNode[],
    edges: graph.edges.map((e) => ({ ...e })),
    loss: graph.loss ?? null,
    ...(graph.dtype ? { dtype: graph.dtype } : {}),
    datasets: Object.fromEntries(Object.entries(graph.datasets ?? {}).map(([k, d]) => [k, { columns: [...d.columns], rows: d.rows.map((r) => [...r]) }])),
    training,
  };
}
