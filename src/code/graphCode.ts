import { exportCourseScript, fileToGraph, type GraphFile } from '../../engine';

/** What the code panel shows for a document: its code, and whether the panel takes edits. */
export interface GraphCode {
  readonly text: string;
  /** False for a training graph: its exported script is shown read-only (the importer does not read models yet). */
  readonly editable: boolean;
}

/** Whether a document holds what only a training script can write: parameters, modules with weights, or data columns. */
function isTraining(doc: GraphFile): boolean {
  return doc.nodes.some((n) => n.op === 'parameter' || n.op === 'linear' || n.value?.type === 'columns');
}

/**
 * The code of a document: the course-style script when it is a function to differentiate,
 * nothing for an empty graph or one not finished yet (no scalar to differentiate), and the
 * exported training script, read-only, for a training graph (`trainingScript`).
 */
export function graphCode(doc: GraphFile, trainingScript: () => string): GraphCode {
  if (isTraining(doc)) return { text: trainingScript(), editable: false };
  if (doc.nodes.length === 0) return { text: '', editable: true };
  return { text: exportCourseScript(fileToGraph(doc), doc.name)?.code ?? '', editable: true };
}
