import { exportCourseScript, fileOptimizerState, fileToGraph, fromFileNumber, type GraphFile, prepareExport, type PytorchExport as Script } from '../../engine';
import { computeKey, sameInputs } from './computeKey';
import { type RunError, runErrorOf } from './runError';

/** The script the PyTorch view shows, with the line of each phase and of each node, or why there is none. */
export type PytorchExport = ({ readonly ok: true } & Script) | ({ readonly ok: false } & RunError);

/** Writes the script of a document whose structure it was prepared for, with that document's parameter values. */
type Writer = (doc: GraphFile) => Script;

/** The script and what it was made from, so the next call can keep it or only write it again. */
export interface PytorchView {
  /** What the script's structure depends on; a change compiles again. */
  readonly structure: readonly unknown[];
  /** What its numbers depend on; a change writes it again without compiling. */
  readonly values: readonly unknown[];
  readonly writer: Attempt<Writer>;
  readonly result: PytorchExport;
}

/**
 * What the script's structure reads: the graph, the data (by identity), the training
 * settings, the title, and which parameter values are stored (a node without them starts
 * from its initialiser, which only a compile gives).
 */
function structureOf(doc: GraphFile): readonly unknown[] {
  const stored = doc.nodes.map((n) => (n.params ? Object.entries(n.params).map(([name, t]) => [name, t.shape, t.data.length]) : 0));
  return [computeKey(doc), doc.datasets, JSON.stringify(doc.training), doc.name, JSON.stringify(stored)];
}

/** What the script's numbers read: the parameter values and the optimizer state (by identity: immer keeps untouched ones). */
function valuesOf(doc: GraphFile): readonly unknown[] {
  return [...doc.nodes.map((n) => n.params), doc.optimizerState];
}

/** Compiles the document once and returns how to write its script; a function to differentiate reads as the course writes it. */
function prepare(doc: GraphFile): Writer {
  const graph = fileToGraph(doc);
  const course = exportCourseScript(graph, doc.name);
  if (course) return () => course;
  const write = prepareExport(graph, doc.training, { title: doc.name });
  return (current) => {
    const byId = new Map(current.nodes.map((n) => [n.id, n]));
    const param = (node: string, name: string) => {
      const params = byId.get(node)?.params;
      return params && Object.hasOwn(params, name) ? params[name].data.map(fromFileNumber) : undefined;
    };
    return write({ param, optimizerState: fileOptimizerState(current) });
  };
}

/** What `make` returned, or the reason it threw, in words the view shows. */
type Attempt<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & RunError);

/** Runs `make`, turning what it throws into the reason the view shows. */
function attempt<T>(make: () => T): Attempt<T> {
  try {
    return { ok: true, value: make() };
  } catch (e) {
    return { ok: false, ...runErrorOf(e) };
  }
}

/**
 * The PyTorch view of the document. `previous` is kept when nothing the script reads
 * changed (moving a node does not regenerate it); when only parameter values or the
 * optimizer state changed (a training step), the script is written again without compiling.
 */
export function pytorchView(doc: GraphFile, previous: PytorchView | null): PytorchView {
  const structure = structureOf(doc);
  const values = valuesOf(doc);
  const same = previous !== null && sameInputs(previous.structure, structure);
  if (same && sameInputs(previous.values, values)) return previous;
  const writer = same ? previous.writer : attempt(() => prepare(doc));
  if (!writer.ok) return { structure, values, writer, result: writer };
  const written = attempt(() => writer.value(doc));
  return { structure, values, writer, result: written.ok ? { ok: true, ...written.value } : written };
}
