import type { Dtype } from '../tensor/float32';
import type { FileEdge, FileNode, GraphFile } from '../format/schema';
import { CURRENT_VERSION, FORMAT_NAME } from '../format/schema';
import { layoutNodes } from './layout';

/** A node as the importer builds it, before it has a place on the canvas. */
export type DraftNode = Omit<FileNode, 'position'>;

/** The graph a script has built so far: nodes, wires, the backward target and the number type. */
export class GraphDraft {
  readonly nodes: DraftNode[] = [];
  readonly edges: FileEdge[] = [];
  loss: string | null = null;
  /** The dtype of the tensors made so far (null before the first). */
  dtype: Dtype | null = null;

  /** A fresh id: `base`, else `base_2`, `base_3`, … */
  freshId(base: string): string {
    const ids = new Set(this.nodes.map((n) => n.id));
    if (!ids.has(base)) return base;
    for (let k = 2; ; k++) if (!ids.has(`${base}_${k}`)) return `${base}_${k}`;
  }

  /** Adds a node with a fresh id from `base`, wired from `inputs` (port → source id); returns its id. */
  add(base: string, node: Omit<DraftNode, 'id'>, inputs: Readonly<Record<string, string>> = {}): string {
    const id = this.freshId(base);
    this.nodes.push({ id, ...node });
    for (const [port, source] of Object.entries(inputs)) this.edges.push({ source, target: id, targetPort: port });
    return id;
  }

  /** Gives node `id` the name of the variable it is assigned to (id and label); returns its new id. */
  rename(id: string, name: string): string {
    const i = this.nodes.findIndex((n) => n.id === id);
    const others = new Set(this.nodes.filter((n) => n.id !== id).map((n) => n.id));
    let next = name;
    for (let k = 2; others.has(next); k++) next = `${name}_${k}`;
    this.nodes[i] = { ...this.nodes[i], id: next, label: name };
    for (let e = 0; e < this.edges.length; e++) {
      const edge = this.edges[e];
      if (edge.source === id) this.edges[e] = { ...edge, source: next };
      if (edge.target === id) this.edges[e] = { ...edge, target: next };
    }
    return next;
  }

  /** The document built so far, laid out left to right, computing in `dtype` (or `fallback` before any tensor). */
  file(fallback: Dtype): GraphFile {
    return {
      format: FORMAT_NAME,
      version: CURRENT_VERSION,
      nodes: layoutNodes(this.nodes, this.edges),
      edges: this.edges.map((e) => ({ ...e })),
      loss: this.loss,
      datasets: {},
      dtype: this.dtype ?? fallback,
      training: { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 1, batchSize: null, seed: 0 },
    };
  }
}
