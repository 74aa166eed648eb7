/**
 * The size limits every way into GradCanvas checks — the file loader, compile, the CLI and
 * the page — before anything is allocated. docs/graph-format.md explains each one.
 * Every real use fits: the course's examples, a 100,000-row CSV with a few dozen columns,
 * a 10,000-node graph in the page; a 50,000,000-element tensor or a 10⁹-element arange do not.
 * Imports nothing, so every layer of the engine may read it.
 */

/** The most UTF-16 code units a graph file, share link or autosaved document may hold (JSON.parse of this much takes about 0.7 s). */
export const MAX_FILE_CHARS = 64 * 1024 * 1024;

/** The deepest a graph file's JSON may nest (a real file nests 6 levels). */
export const MAX_NESTING_DEPTH = 32;

/** The most elements one tensor may hold (a value, a parameter, an arange, a dataset): 32 MB of float64. */
export const MAX_TENSOR_ELEMENTS = 4_000_000;

/** The most elements a compiled program may hold in all: values, gradients, buffers and datasets (128 MB of float64). */
export const MAX_TOTAL_ELEMENTS = 16_000_000;

/** The most nodes a graph may have in the engine and the CLI. */
export const MAX_NODES = 200_000;

/** The most nodes the page opens: the canvas draws only the nodes on screen, but opening compiles, lays out and autosaves every node (a few seconds at 10,000), so the page keeps a lower limit than the CLI. */
export const PAGE_MAX_NODES = 10_000;

/** Wires per node of the node limit: every op has at most two input ports, so this leaves room for work in progress. */
export const MAX_EDGES_PER_NODE = 4;

/** The most data rows a CSV file may have: larger data belongs in PyTorch, not the browser. */
export const MAX_CSV_ROWS = 100_000;

/** The longest a name may be: node ids, labels, dataset, column, attribute and parameter names. */
export const MAX_NAME_CHARS = 200;

/** `4,000,000` for messages; counts too large to write out read as powers of ten. */
export function formatCount(n: number): string {
  if (Number.isNaN(n)) return 'an unknown number of';
  if (!Number.isFinite(n)) return 'infinitely many';
  if (Math.abs(n) >= 1e15) return `about ${n.toExponential(1).replace(/e\+?/, ' × 10^')}`;
  const digits = String(Math.round(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

/** `… which exceeds the limit of 4,000,000 elements`: the tail of every limit message. */
export function overLimit(limit: number, unit: string): string {
  return `which exceeds the limit of ${formatCount(limit)} ${unit}`;
}
