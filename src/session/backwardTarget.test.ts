import { describe, expect, it } from 'vitest';
import { compile, fileToGraph, type GraphFile } from '../../engine';
import { compositeDoc } from '../plots/testGraphs';
import { LISTED_SCALARS, listedScalars } from './backwardTarget';

/** `chains` chains of `length` scalar nodes: c = 0.5 → square → square → …, the first chain's end the loss. */
function scalarChains(chains: number, length: number): GraphFile {
  const base = compositeDoc();
  const nodes: GraphFile['nodes'][number][] = [];
  const edges: GraphFile['edges'][number][] = [];
  for (let c = 0; c < chains; c++) {
    nodes.push({ id: `c${c}_0`, op: 'input', position: { x: 0, y: c * 100 }, value: { type: 'tensor', shape: [], data: [0.5] } });
    for (let i = 1; i < length; i++) {
      nodes.push({ id: `c${c}_${i}`, op: 'square', position: { x: i * 200, y: c * 100 } });
      edges.push({ source: `c${c}_${i - 1}`, target: `c${c}_${i}`, targetPort: 'x' });
    }
  }
  return { ...base, nodes, edges, loss: `c0_${length - 1}` };
}

function list(doc: GraphFile, pick: string | null = null) {
  return listedScalars(doc, compile(fileToGraph(doc)).shapes, pick);
}

describe('listedScalars', () => {
  it('a small graph → every computed scalar but the loss, in document order', () => {
    const doc = scalarChains(3, 4);
    expect(list(doc)).toEqual({ listed: ['c0_1', 'c0_2', 'c1_1', 'c1_2', 'c1_3', 'c2_1', 'c2_2', 'c2_3'], unlisted: 0 });
    expect(list(compositeDoc())).toEqual({ listed: [], unlisted: 0 });
  });

  it(`over ${LISTED_SCALARS} scalars → only the outputs (what no node reads), and how many are left out`, () => {
    const doc = scalarChains(30, 10);
    const { listed, unlisted } = list(doc);
    expect(listed).toEqual(Array.from({ length: 29 }, (_, k) => `c${k + 1}_9`));
    expect(unlisted).toBe(30 * 9 - 1 - 29);
  });

  it('a picked scalar inside a chain stays listed, so the list shows what Backward starts from', () => {
    const doc = scalarChains(30, 10);
    const { listed, unlisted } = list(doc, 'c7_4');
    expect(listed.at(-1)).toBe('c7_4');
    expect(listed).toHaveLength(30);
    expect(unlisted).toBe(30 * 9 - 1 - 30);
  });

  it(`thousands of outputs → at most ${LISTED_SCALARS} of them (and the picked one)`, () => {
    const doc = scalarChains(1000, 2);
    const { listed, unlisted } = list(doc, 'c999_1');
    expect(listed).toHaveLength(LISTED_SCALARS + 1);
    expect(listed.slice(0, 2)).toEqual(['c1_1', 'c2_1']);
    expect(listed.at(-1)).toBe('c999_1');
    expect(unlisted).toBe(999 - LISTED_SCALARS - 1);
  });
});
