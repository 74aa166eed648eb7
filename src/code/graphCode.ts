import { exportCourseScript, exportCourseTrainingScript, fileToGraph, type GraphFile } from '../../engine';

/** What the code panel shows for a document: its code, the line that writes each node, and whether the panel takes edits. */
export interface GraphCode {
  readonly text: string;
  /** The 1-based line that writes each node, for the editor and the canvas to point at each other. */
  readonly nodeLines: ReadonlyMap<string, number>;
  /** False for a training graph the course-style script cannot express: its exported script is shown read-only. */
  readonly editable: boolean;
}

/** A script and the line that writes each node. */
export interface Script {
  readonly code: string;
  readonly nodeLines: ReadonlyMap<string, number>;
}

const NO_LINES: ReadonlyMap<string, number> = new Map();

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
export function graphCode(doc: GraphFile, trainingScript: () => Script): GraphCode {
  if (isTraining(doc)) {
    const course = safely(() => exportCourseTrainingScript(fileToGraph(doc), doc.training, doc.name));
    if (course) return { text: course.code, nodeLines: course.nodeLines, editable: true };
    const s = trainingScript();
    return { text: s.code, nodeLines: s.nodeLines, editable: false };
  }
  if (doc.nodes.length === 0) return { text: '', nodeLines: NO_LINES, editable: true };
  const course = exportCourseScript(fileToGraph(doc), doc.name);
  return { text: course?.code ?? '', nodeLines: course?.nodeLines ?? NO_LINES, editable: true };
}

/** The course-style script, or null when the graph cannot be written (the full export then says why). */
function safely<T>(make: () => T | null): T | null {
  try {
    return make();
  } catch {
    return null;
  }
}
