import { exportNotebook, fileOptimizerState, fileToGraph, type GraphFile } from '../../engine';
import type { Language } from '../i18n/language';

/** The graph as a Jupyter notebook's text, explained in `lang`; throws what the export cannot write (no loss, an unfinished graph). Downloaded when first used. */
export function notebookText(doc: GraphFile, lang: Language): string {
  return exportNotebook(fileToGraph(doc), doc.training, { title: doc.name, optimizerState: fileOptimizerState(doc), lang });
}
