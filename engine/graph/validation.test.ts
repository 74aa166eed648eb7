import { describe, expect, it } from 'vitest';
import type { Graph } from './types';
import { splitDatasets, VALIDATION_SUFFIX, validationGraph, validationName } from './validation';

const columns = (dataset: string, cols: string[]) => ({ type: 'columns' as const, dataset, columns: cols });

function graph(datasets: Graph['datasets']): Graph {
  return {
    nodes: [
      { id: 'X', op: 'input', value: columns('iris', ['a']) },
      { id: 'Y', op: 'input', value: columns('iris', ['b']) },
      { id: 'Z', op: 'input', value: columns('other', ['c']) },
      { id: 'k', op: 'constant', value: { type: 'tensor', shape: [], data: [1] } },
    ],
    edges: [],
    datasets,
  };
}

const table = (cols: string[]) => ({ columns: cols, rows: [[1, 2]] });

describe('validationGraph', () => {
  it('names the split of dataset iris iris_test', () => {
    expect(VALIDATION_SUFFIX).toBe('_test');
    expect(validationName('iris')).toBe('iris_test');
  });

  it('rebinds every input of a dataset that has a <name>_test beside it, and nothing else', () => {
    const g = graph({ iris: table(['a', 'b']), iris_test: table(['a', 'b']), other: table(['c']) });
    const v = validationGraph(g);
    expect(v?.nodes.map((n) => (n.value?.type === 'columns' ? n.value.dataset : n.op))).toEqual(['iris_test', 'iris_test', 'other', 'constant']);
    expect(v?.datasets).toBe(g.datasets);
    expect(g.nodes[0].value).toEqual(columns('iris', ['a']));
    expect(splitDatasets(g)).toEqual(['iris']);
  });

  it('is null when no bound dataset has a split, and reads only own entries (a dataset named toString_test on the prototype is not one)', () => {
    expect(validationGraph(graph({ iris: table(['a', 'b']), other: table(['c']), unused_test: table(['a']) }))).toBeNull();
    const inherited = Object.create({ iris_test: table(['a', 'b']) }) as Record<string, ReturnType<typeof table>>;
    inherited.iris = table(['a', 'b']);
    expect(validationGraph(graph(inherited))).toBeNull();
    expect(splitDatasets(graph(inherited))).toEqual([]);
  });
});
