import type { Dtype } from '../tensor/float32';
import type { FileEdge, FileNode, GraphFile, TrainingSettings } from '../format/schema';
import { CURRENT_VERSION, FORMAT_NAME } from '../format/schema';
import { layoutNodes } from './layout';

/** A node as the importer builds it, before it has a place on the canvas. */
export type DraftNode = Omit<FileNode, 'position'>;

/** How much of the draft a statement left: the document after it is the draft cut there. */
export interface DraftMark {
  readonly nodes: number;
  readonly edges: number;
  readonly loss: string | null;
  readonly dtype: Dtype;
  readonly datasets: GraphFile['datasets'];
  readonly training: TrainingSettings;
  /** How many nodes had been absorbed into an op by then. */
  readonly absorbed: number;
}

/** The training settings of a document no training statement has set. */
const NO_TRAINING: TrainingSettings = { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 1, batchSize: null, seed: 0 };

/** The mark of an empty draft: the document before any statement. */
export const EMPTY_MARK: DraftMark = { nodes: 0, edges: 0, loss: null, dtype: 'float32', absorbed: 0, datasets: {}, training: NO_TRAINING };

/**
 * The graph a script has built so far: nodes, wires, the backward target and the number
 * type. It only grows (a statement renames only the nodes it added itself), so the document
 * after any statement is the draft cut at that statement's mark.
 */
export class GraphDraft {
  readonly nodes: DraftNode[] = [];
  readonly edges: FileEdge[] = [];
  loss: string | null = null;
  /** The dtype of the tensors made so far (null before the first). */
  dtype: Dtype | null = null;
  /** The datasets the script read (replaced, never changed in place, so a mark keeps its own). */
  datasets: GraphFile['datasets'] = {};
  /** The training settings the script's optimizer and loop set (replaced, never changed in place). */
  training: TrainingSettings = NO_TRAINING;
  private readonly ids = new Set<string>();
  /** Leaves that became an op's own parameters (F.linear's weight and bias), in order: a document from then on leaves them out. */
  private readonly absorbedIds: string[] = [];

  /** A fresh id: `base`, else `base_2`, `base_3`, … */
  freshId(base: string): string {
    if (!this.ids.has(base)) return base;
    for (let k = 2; ; k++) if (!this.ids.has(`${base}_${k}`)) return `${base}_${k}`;
  }

  /** Adds a node with a fresh id from `base`, wired from `inputs` (port → source id); returns its id. */
  add(base: string, node: Omit<DraftNode, 'id'>, inputs: Readonly<Record<string, string>> = {}): string {
    const id = this.freshId(base);
    this.ids.add(id);
    this.nodes.push({ id, ...node });
    for (const [port, source] of Object.entries(inputs)) this.edges.push({ source, target: id, targetPort: port });
    return id;
  }

  /** Replaces node `id` (a parameter's values set, an input made a parameter); earlier documents share the change. */
  replace(id: string, make: (node: DraftNode) => DraftNode): void {
    const i = this.nodes.findIndex((n) => n.id === id);
    this.nodes[i] = make(this.nodes[i]);
  }

  /** Gives node `id`, added by the statement running since `mark`, the name of the variable it is assigned to (id and label); returns its new id. */
  rename(id: string, name: string, mark: DraftMark): string {
    const i = this.nodes.findIndex((n, k) => k >= mark.nodes && n.id === id);
    this.ids.delete(id);
    const next = this.freshId(name);
    this.ids.add(next);
    this.nodes[i] = { ...this.nodes[i], id: next, label: name };
    for (let e = mark.edges; e < this.edges.length; e++) {
      const edge = this.edges[e];
      if (edge.source === id) this.edges[e] = { ...edge, source: next };
      if (edge.target === id) this.edges[e] = { ...edge, target: next };
    }
    return next;
  }

  /** Takes leaf `id` out of the documents from now on: an op holds its numbers as its own parameter. */
  absorb(id: string): void {
    this.absorbedIds.push(id);
  }

  /** Where the draft is now, computing in `dtype` (or `fallback` before any tensor). */
  mark(fallback: Dtype): DraftMark {
    return { nodes: this.nodes.length, edges: this.edges.length, loss: this.loss, dtype: this.dtype ?? fallback, absorbed: this.absorbedIds.length, datasets: this.datasets, training: this.training };
  }

  /** The document the draft held at `mark`, laid out left to right. */
  file(mark: DraftMark): GraphFile {
    const gone = new Set(this.absorbedIds.slice(0, mark.absorbed));
    const nodes = this.nodes.slice(0, mark.nodes).filter((n) => !gone.has(n.id));
    return {
      format: FORMAT_NAME,
      version: CURRENT_VERSION,
      nodes: layoutNodes(nodes, this.edges.slice(0, mark.edges)),
      edges: this.edges.slice(0, mark.edges).map((e) => ({ ...e })),
      loss: mark.loss,
      datasets: mark.datasets,
      dtype: mark.dtype,
      training: mark.training,
    };
  }
}
