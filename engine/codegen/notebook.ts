import type { Graph } from '../graph/types';
import type { TrainSettings } from '../train/trainer';
import { mdText } from './markdown';
import { NOTEBOOK_TEXT, type NotebookLang } from './notebookText';
import { type ExportOptions, prepareExport, type PytorchExport, SCRIPT_PARTS, type ScriptPart } from './pytorch';

/** How a notebook is written: the script's options and the language of its explanations. */
export interface NotebookOptions extends ExportOptions {
  /** The language of the Markdown cells (default English). */
  readonly lang?: NotebookLang;
}

/** One cell of an nbformat 4 notebook. */
export type NotebookCell =
  | { readonly cell_type: 'markdown'; readonly id: string; readonly metadata: Record<string, never>; readonly source: string[] }
  | { readonly cell_type: 'code'; readonly id: string; readonly metadata: Record<string, never>; readonly execution_count: null; readonly outputs: []; readonly source: string[] };

/** The last cell: every epoch's loss (`losses`, kept by the training loop) as a curve. */
const PLOT = ['import matplotlib.pyplot as plt', '', 'plt.plot(range(len(losses)), losses)', 'plt.xlabel("epoch")', 'plt.ylabel("loss")', 'plt.show()'];

/**
 * The graph's training script as a Jupyter notebook (nbformat 4.5 JSON): each part the script
 * generator writes (setup, data, model, loss, optimizer, training loop) in its own code cell
 * after a Markdown cell explaining it, and a last cell plotting the loss curve. Run top to
 * bottom, it prints the same log as the script and as the CLI's `train`.
 */
export function exportNotebook(graph: Graph, training: TrainSettings, options: NotebookOptions = {}): string {
  const script = prepareExport(graph, training, { ...options, recordLosses: true })({ optimizerState: options.optimizerState });
  const text = NOTEBOOK_TEXT[options.lang ?? 'en'];
  const parts = scriptParts(script);
  const facts = {
    title: mdText(options.title ?? 'GradCanvas graph'),
    criterion: parts.get('loss') !== undefined,
    optimizer: parts.get('optimizer') !== undefined,
    lr: String(training.optimizer.lr),
  };
  const cells: NotebookCell[] = [];
  const markdown = (source: string) => cells.push({ cell_type: 'markdown', id: `cell-${cells.length + 1}`, metadata: {}, source: sourceLines(source) });
  const code = (lines: readonly string[]) =>
    cells.push({ cell_type: 'code', id: `cell-${cells.length + 1}`, metadata: {}, execution_count: null, outputs: [], source: sourceLines(lines.join('\n')) });
  markdown(text.intro(facts));
  for (const part of SCRIPT_PARTS) {
    const lines = parts.get(part);
    // Data may be absent (a graph of constants); the loss and optimizer cells explain their absence.
    if (lines === undefined && part !== 'loss' && part !== 'optimizer') continue;
    markdown(text.parts[part](facts));
    if (lines !== undefined) code(lines);
  }
  markdown(text.plot);
  code(PLOT);
  const notebook = {
    cells,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

/** Each part's lines, without the blank lines around them; parts with no code are left out. */
function scriptParts(script: PytorchExport): Map<ScriptPart, string[]> {
  const lines = script.code.replace(/\n$/, '').split('\n');
  const parts = new Map<ScriptPart, string[]>();
  script.sections.forEach((s, i) => {
    const end = i + 1 < script.sections.length ? script.sections[i + 1].start - 1 : lines.length;
    const own = lines.slice(s.start - 1, end);
    while (own.length > 0 && own[0].trim() === '') own.shift();
    while (own.length > 0 && own[own.length - 1].trim() === '') own.pop();
    if (own.length > 0) parts.set(s.part, own);
  });
  return parts;
}

/** A cell's source as nbformat stores it: lines, each but the last ending in `\n`. */
function sourceLines(text: string): string[] {
  return text.split('\n').map((l, i, all) => (i < all.length - 1 ? `${l}\n` : l));
}
