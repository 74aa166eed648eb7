import type { GraphFile } from './schema';

/**
 * The canonical text of a graph file: keys in schema order, two-space indentation, lists
 * of numbers on one line, numbers in JavaScript's shortest round-trip form. Saving what
 * was loaded gives the same bytes.
 */
export function serializeGraphFile(file: GraphFile): string {
  return `${stringify(canonical(file), '')}\n`;
}

/** Rebuilds the file with keys in a fixed order and undefined fields dropped. */
function canonical(file: GraphFile): unknown {
  return pick(file, ['format', 'version', 'name', 'description'], {
    nodes: file.nodes.map((n) =>
      pick(n, ['id', 'op', 'label'], {
        position: pick(n.position, ['x', 'y']),
        attrs: n.attrs && sortKeys(n.attrs),
        value: n.value && pick(n.value, ['type', 'start', 'end', 'step', 'dataset', 'columns', 'vector', 'shape', 'data']),
        requiresGrad: n.requiresGrad,
        shape: n.shape,
        init: n.init && pick(n.init, ['type', 'value', 'low', 'high', 'mean', 'std', 'seed']),
        params: n.params && sortKeys(Object.fromEntries(Object.entries(n.params).map(([k, t]) => [k, pick(t, ['shape', 'data'])]))),
      }),
    ),
    edges: file.edges.map((e) => pick(e, ['source', 'target', 'targetPort'])),
    loss: file.loss,
    datasets: sortKeys(Object.fromEntries(Object.entries(file.datasets).map(([k, d]) => [k, pick(d, ['columns', 'rows'])]))),
    dtype: file.dtype,
    training: pick(file.training, ['epochs', 'batchSize', 'seed', 'logEvery', 'divergenceFactor'], {
      optimizer: pick(file.training.optimizer, ['type', 'lr', 'momentum', 'dampening', 'nesterov', 'beta1', 'beta2', 'eps', 'weightDecay', 'amsgrad']),
      metrics: file.training.metrics && pick(file.training.metrics, ['accuracy']),
    }),
    optimizerState: file.optimizerState?.map((s) => pick(s, ['node', 'name', 'step', 'momentumBuffer', 'expAvg', 'expAvgSq', 'maxExpAvgSq'])),
    history: file.history && pick(file.history, ['epochs', 'lossEvery', 'loss', 'testLoss'], {
      trail: file.history.trail.map((p) => pick(p, ['epoch'], { params: sortKeys(p.params) })),
      optimizerTrail: file.history.optimizerTrail?.map((p) => pick(p, ['epoch'], { state: sortKeys(Object.fromEntries(Object.entries(p.state).map(([k, v]) => [k, pick(v, ['momentumBuffer', 'expAvg', 'expAvgSq'])]))) })),
    }),
  });
}

/** The given keys of an object in that order (then `extra`), skipping undefined values. */
function pick(obj: object, keys: readonly string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const src = obj as Record<string, unknown>;
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) out[k] = v;
  return out;
}

function sortKeys<T>(obj: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** JSON with lists of plain values, and short objects of plain values, kept on one line. */
function stringify(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => inner + stringify(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  if (entries.every(([, v]) => v === null || typeof v !== 'object')) {
    const line = `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
    if (line.length <= 100) return line;
  }
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringify(v, inner)}`).join(',\n')}\n${indent}}`;
}
