import { exportCourseScript, exportCourseTrainingScript, fileToGraph, type GraphFile } from '../../engine';

/** What the code panel shows for a document: its code, and whether the panel takes edits. */
export interface GraphCode {
  readonly text: string;
  /** False for a training graph the course-style script cannot express: its exported script is shown read-only. */
  readonly editable: boolean;
}

/** Whether a document holds what only a training script can write: parameters, modules with weights, or data columns. */
function isTraining(doc: GraphFile): boolean {
  return doc.nodes.some((n) => n.op === 'parameter' || n.op === 'linear' || n.value?.type === 'columns');
}

/**
 * The code of a document: the course-style script when it is a function to differentiate,
 * nothing for an empty graph or one not finished yet (no scalar to differentiate), the
 * course-style training script (data, class Net, criterion, optimizer, the loop) for a
 * training graph it expresses, and otherwise the exported training script, read-only
 * (`trainingScript`).
 */
export function graphCode(doc: GraphFile, trainingScript: () => string): GraphCode {
  if (isTraining(doc)) {
    const course = safely(() => exportCourseTrainingScript(fileToGraph(doc), doc.training, doc.name));
    return course ? { text: course.code, editable: true } : { text: trainingScript(), editable: false };
  }
  if (doc.nodes.length === 0) return { text: '', editable: true };
  return { text: exportCourseScript(fileToGraph(doc), doc.name)?.code ?? '', editable: true };
}

/** The course-style script, or null when the graph cannot be written (the full export then says why). */
function safely<T>(make: () => T | null): T | null {
  try {
    return make();
  } catch {
    return null;
  }
}
