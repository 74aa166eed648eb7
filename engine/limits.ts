/**
 * The size limits every way into GradCanvas checks — the file loader, compile, the CLI and
 * the page — before anything is allocated. docs/graph-format.md explains each one.
 * Every real use fits: the course's examples, a 100,000-row CSV with a few dozen columns,
 * a 10,000-node graph in the page; a 50,000,000-element tensor or a 10⁹-element arange do not.
 */

/** The most bytes (UTF-16 code units) a graph file, share link or autosaved document may hold. */
export const MAX_FILE_CHARS = 64 * 1024 * 1024;

/** The deepest a graph file's JSON may nest (a real file nests 6 levels). */
export const MAX_NESTING_DEPTH = 32;

/** The most elements one tensor may hold (a value, a parameter, an arange, a dataset). */
export const MAX_TENSOR_ELEMENTS = 4_000_000;

/** The most elements a compiled program may hold in all: values, gradients and buffers (128 MB of float64). */
export const MAX_TOTAL_ELEMENTS = 16_000_000;

/** The most nodes a graph may have in the engine and the CLI. */
export const MAX_NODES = 200_000;

/** The most nodes the page opens: the canvas draws every node, so it keeps a lower limit than the CLI. */
export const PAGE_MAX_NODES = 10_000;

