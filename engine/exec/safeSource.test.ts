import { describe, expect, it } from 'vitest';
import type { Graph } from '../graph/types';
import { compile } from './compile';
import { compiledSources } from './compiled';
import { isSafeSource } from './safeSource';
import { INJECTION_CORPUS } from '../codegen/injectionCorpus';
import { compositeFunction, linearRegression, scalarChain } from '../testing/graphs';
import { randomGraphs } from '../testing/randomGraph';
import { classifier } from '../testing/classifierGraphs';

/** The graph with every node id, label and dataset name replaced by hostile text (JavaScript's this time: quotes, backticks, `${…}`, line breaks). */
function hostile(graph: Graph, salt: number): Graph {
  const extra = ['`);globalThis.PWNED=1;(`', '${globalThis.PWNED=1}', "'];globalThis.PWNED=1;//", '*/globalThis.PWNED=1/*', 'V[0]=1;', 't0(t1);', 'K', 'T'];
  const texts = [...INJECTION_CORPUS, ...extra];
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `${texts[(i + salt) % texts.length]}#${i}`]));
  const datasets = new Map(Object.keys(graph.datasets ?? {}).map((name, i) => [name, `${texts[(i + salt + 7) % texts.length]}${name.endsWith('_test') ? '_test' : ''}`]));
  const rename = (id: string) => ids.get(id) ?? id;
  return {
    ...graph,
    nodes: graph.nodes.map((n, i) => {
      const value = n.value?.type === 'columns' ? { ...n.value, dataset: datasets.get(n.value.dataset) ?? n.value.dataset } : n.value;
      return { ...n, id: rename(n.id), label: texts[(i + salt + 3) % texts.length], ...(value ? { value } : {}) };
    }),
    edges: graph.edges.map((e) => ({ ...e, source: rename(e.source), target: rename(e.target) })),
    ...(graph.loss !== undefined ? { loss: rename(graph.loss) } : {}),
    ...(graph.datasets ? { datasets: Object.fromEntries(Object.entries(graph.datasets).map(([name, d]) => [datasets.get(name) ?? name, d])) } : {}),
  };
}

describe('the compiled step\'s source gate', () => {
  it('lets through only its own names, whole numbers and operators', () => {
    expect(isSafeSource('const t0 = T[0], t1 = T[1];\nreturn () => {\nV[3] = K[0] * V[2];\nG[2] += 2 * V[2] * G[3];\nt0(t1);\n};')).toBe(true);
    expect(isSafeSource('let s0 = 0;\nfor (let r = 0; r < 100; r = r + 1) {\nconst s1 = t0[r];\ns0 = s0 + s1 * s1;\nV[7 + r] = s1;\n}')).toBe(true);
    for (const bad of ["'", '"', '`', '\\', 'a', 'x1', 'this', 'V.length', 'V[0]=1e3', 'globalThis', 'new Function', 'import', 'eval', 't0x', 's1x', 'r0', 'rr', 'while', 'var', '0.5', '//', '/*', '<!--', '-->', '\u2028', '\t', 'constructor', 'T[0]()', '!', '?', ':', '>', '&', '|', '%', '^', '~', '@', '#']) {
      expect(isSafeSource(`V[0] = ${bad};`), bad).toBe(bad === 'T[0]()');
    }
  });

  it('keeps every node id, label and dataset name out of the generated source', () => {
    const threeFeatures: Graph = {
      nodes: [
        { id: 'X', op: 'input', value: { type: 'columns', dataset: 'd', columns: ['a', 'b', 'c'] } },
        { id: 'Y', op: 'input', value: { type: 'columns', dataset: 'd', columns: ['y'] } },
        { id: 'lin', op: 'linear', attrs: { inFeatures: 3, outFeatures: 1 } },
        { id: 'mse', op: 'mse' },
      ],
      edges: [
        { source: 'X', target: 'lin', targetPort: 'x' },
        { source: 'lin', target: 'mse', targetPort: 'input' },
        { source: 'Y', target: 'mse', targetPort: 'target' },
      ],
      loss: 'mse',
      datasets: { d: { columns: ['a', 'b', 'c', 'y'], rows: [[1, 2, 3, 4], [0, 1, 0, 2], [2, 2, 1, 1]] } },
    };
    const graphs = [compositeFunction(), scalarChain(40), linearRegression([[1, 2], [2, 3], [3, 5]]), threeFeatures, classifier('cross_entropy'), ...randomGraphs(7, 40).map((g) => g.graph)];
    let sources = 0;
    let loops = 0;
    graphs.forEach((graph, k) => {
      const g = hostile(graph, k);
      for (const dtype of ['float64', 'float32'] as const) {
        const { program, problems } = compile({ ...g, dtype });
        expect(program, problems.map((p) => p.message).join('; ')).not.toBeNull();
        if (!program) continue;
        for (const source of compiledSources(program)) {
          sources++;
          if (source.includes('for (let r = 0;')) loops++;
          expect(isSafeSource(source), source).toBe(true);
          expect(source).toMatch(/^[A-Za-z0-9_[\](){},;=<>+\-*/ \n]*$/);
          for (const n of g.nodes) expect(source.includes(n.id)).toBe(false);
        }
        // Generating and running it runs nothing of the graph's text.
        const compiled = program.compiled();
        expect(compiled).not.toBeNull();
        compiled?.forward();
        if (program.loss !== undefined) compiled?.forwardBackward();
        expect((globalThis as { PWNED?: unknown }).PWNED).toBeUndefined();
      }
    });
    expect(sources).toBeGreaterThan(80);
    // The regressions' row loops (linear(1, 1) and linear(3, 1), the mse the loss) passed the gate too.
    expect(loops).toBeGreaterThanOrEqual(2);
  });
});
