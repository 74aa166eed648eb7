import { exportCourseScript, exportPytorch, fileOptimizerState, fileToGraph, type GraphFile } from '../../engine';
import { computeKey } from './computeKey';

/** The exported training script with the line of each phase, or why there is none. */
export type PytorchExport = ({ readonly ok: true } & ReturnType<typeof exportPytorch>) | { readonly ok: false; readonly message: string };

/** The script and what it was made from, so the next call can keep it. */
export interface PytorchView {
  readonly inputs: readonly unknown[];
  readonly result: PytorchExport;
}

/** What the export reads: the graph, the data and parameter values (by identity), the training settings and saved state, the title. */
function inputsOf(doc: GraphFile): readonly unknown[] {
  return [computeKey(doc), doc.datasets, ...doc.nodes.map((n) => n.params), JSON.stringify(doc.training), doc.optimizerState, doc.name];
}

/** The PyTorch view of the document; `previous` is kept when nothing it reads changed (moving a node does not regenerate the script). */
export function pytorchView(doc: GraphFile, previous: PytorchView | null): PytorchView {
  const inputs = inputsOf(doc);
  if (previous && previous.inputs.length === inputs.length && previous.inputs.every((v, i) => v === inputs[i])) return previous;
  let result: PytorchExport;
  try {
    // A function to differentiate (no data, no parameters) reads as the course writes it.
    const graph = fileToGraph(doc);
    const course = exportCourseScript(graph, doc.name);
    result = { ok: true, ...(course ?? exportPytorch(graph, doc.training, { title: doc.name, optimizerState: fileOptimizerState(doc) })) };
  } catch (e) {
    result = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  return { inputs, result };
}
